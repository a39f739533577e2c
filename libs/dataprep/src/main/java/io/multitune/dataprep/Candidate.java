package io.multitune.dataprep;

import io.multitune.events.StandardExample;

/**
 * A standardised example waiting for the ledger's decision.
 *
 * @param example  the example; its split is null when the record named none (the ledger assigns one)
 * @param inputKey hash of the normalised inputs only, so the same input with another target is recognised (leakage)
 * @param stratum  the label for classification tasks (the stratified split balances labels), else null
 */
public record Candidate(StandardExample example, String inputKey, String stratum) {
}
