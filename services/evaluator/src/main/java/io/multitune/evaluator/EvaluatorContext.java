package io.multitune.evaluator;

import io.multitune.intake.RunOutputFiles;

/** What the evaluator's judge works with: settings, the scoring and judging steps, the files, events and metrics. */
record EvaluatorContext(EvaluatorConfig config, ModelScoring scoring, RunJudgement judgement, RunOutputFiles files,
                        EvaluatorEvents events, EvaluatorMetrics metrics) {
}
