package io.multitune.evaluator;

/** What the engine works with: settings, the scoring and judging steps, the files, the events and the metrics. */
record EvaluatorContext(EvaluatorConfig config, TestSplitReader testSplit, ModelScoring scoring,
                        RunJudgement judgement, RunFiles files, EvaluatorEvents events, EvaluatorMetrics metrics) {
}
