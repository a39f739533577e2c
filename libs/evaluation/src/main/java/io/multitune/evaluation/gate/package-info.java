/**
 * The evaluation gate: the run request's thresholds ({@code gates.evaluation} of a run request: minDeltaM,
 * maxTaskDrop, alpha, and here also an optional minUnifiedScore) applied to the comparison figures, giving a verdict
 * that lists every check with its figures and every reason it fails, so a rejected run says all that is wrong at
 * once. Plain inputs: this package does not depend on the events library, it mirrors its record.
 */
package io.multitune.evaluation.gate;
