package io.multitune.evaluator;

import io.multitune.evaluation.metrics.ClassificationMetrics;
import io.multitune.evaluation.metrics.ConfusionMatrix;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.ModelEvaluated.ClassFigures;
import io.multitune.scoring.TaskPredictions;
import io.multitune.scoring.TaskScores;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A scored model as its model-evaluated event: every metric per task, per-class figures, the unified score. */
final class ModelEvaluations {
    private ModelEvaluations() {
    }

    static ModelEvaluated event(String runId, ScoredModel model, Map<String, Double> weights) {
        Map<String, ModelEvaluated.TaskEvaluation> tasks = new LinkedHashMap<>();
        model.tasks().forEach((taskId, task) -> tasks.put(taskId, taskEvaluation(task)));
        double unified = UnitScores.unified(model.tasks().entrySet().stream()
                .map(e -> new UnitScores.Weighted(UnitScores.unit(e.getValue().scores().primary(),
                        e.getValue().scores().primaryValue()), weights.getOrDefault(e.getKey(), 1.0)))
                .toList());
        long examples = model.examples();
        return new ModelEvaluated(ModelEvaluated.SCHEMA_VERSION, runId, model.jobId(), model.kind(),
                model.modelPath(), model.modelSha256(), model.executionProvider(), tasks, unified, model.seconds(),
                model.seconds() > 0 ? examples / model.seconds() : 0, Instant.now());
    }

    private static ModelEvaluated.TaskEvaluation taskEvaluation(ScoredModel.ScoredTask task) {
        TaskScores scores = task.scores();
        Map<String, Double> metrics = new LinkedHashMap<>();
        scores.metrics().forEach((name, value) -> {
            if (Double.isFinite(value)) {
                metrics.put(name, value);
            }
        });
        return new ModelEvaluated.TaskEvaluation(task.predictions().taskType(), scores.examples(),
                scores.primaryMetric(), scores.primaryValue(), UnitScores.unit(scores.primary(), scores.primaryValue()),
                metrics, perClass(task.predictions()));
    }

    private static List<ClassFigures> perClass(TaskPredictions predictions) {
        if (!(predictions instanceof TaskPredictions.Classification c)) {
            return null;
        }
        ConfusionMatrix matrix = ConfusionMatrix.of(c.gold(), c.predicted(), c.labels().size());
        return ClassificationMetrics.perClass(matrix).stream()
                .map(s -> new ClassFigures(c.labels().get(s.label()), s.precision(), s.recall(), s.f1(), s.support()))
                .toList();
    }
}
