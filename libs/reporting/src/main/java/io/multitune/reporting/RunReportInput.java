package io.multitune.reporting;

import io.multitune.events.ModelEvaluated;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.TrainingProgress;
import io.multitune.events.ValidationReported;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the report of one run is drawn from, as the evaluator holds it when the run's evaluation is done. The
 * report reads events, not services, so it can be rebuilt from the topics at any time and tested without Kafka.
 * Null collections are read as empty; every piece may be missing and the report says so instead of failing.
 *
 * @param plan            the run's plan (effective request and jobs); null when the evaluator never saw it
 * @param evaluation      the run's evaluation; its {@code report} field may be null (the report is being written)
 * @param models          each scored model's figures
 * @param progressByJob   per job id, the trainer's progress events (any order)
 * @param validationByJob per job id, the trainer's validation rounds (any order)
 * @param generatedAt     when the report is generated (shown in the header)
 * @param bias            the run's bias audit, drawn as the report's bias section; null when there is none (the
 *                        page then says "bias audit: not available")
 */
public record RunReportInput(RunPlanned plan, RunEvaluated evaluation, List<ModelEvaluated> models,
                             Map<String, List<TrainingProgress>> progressByJob,
                             Map<String, List<ValidationReported>> validationByJob, Instant generatedAt,
                             BiasReportInput bias) {

    public RunReportInput {
        models = models == null ? List.of() : models.stream().filter(Objects::nonNull).toList();
        progressByJob = progressByJob == null ? Map.of() : progressByJob;
        validationByJob = validationByJob == null ? Map.of() : validationByJob;
    }

    /** A report without a bias audit, as before the bias auditor existed. */
    public RunReportInput(RunPlanned plan, RunEvaluated evaluation, List<ModelEvaluated> models,
                          Map<String, List<TrainingProgress>> progressByJob,
                          Map<String, List<ValidationReported>> validationByJob, Instant generatedAt) {
        this(plan, evaluation, models, progressByJob, validationByJob, generatedAt, null);
    }
}
