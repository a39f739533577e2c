package io.multitune.evaluator;

/** What the evaluator's judge works with: settings, the scoring and judging steps, the files, events and metrics. */
record EvaluatorContext(EvaluatorConfig config, ModelScoring scoring, RunJudgement judgement, RunFiles files,
                        EvaluatorEvents events, EvaluatorMetrics metrics) {
}
