package io.multitune.reporting;

import io.multitune.events.ModelEvaluated;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunPlanned;
import io.multitune.events.TrainingProgress;
import io.multitune.events.ValidationReported;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The report's view of a run: which job is the multi-task one, which baseline job trained each task and in which
 * order tasks are shown. It reads the plan first and falls back on the scored models and the progress events, so a
 * report drawn without the plan still pairs each task with its baseline.
 */
final class RunContext {

    private final RunReportInput input;
    private final String mtlJobId;
    private final List<String> taskIds;

    RunContext(RunReportInput input) {
        this.input = input;
        this.mtlJobId = findMtlJobId();
        this.taskIds = findTaskIds();
    }

    RunReportInput input() {
        return input;
    }

    Optional<RunEvaluated> evaluation() {
        return Optional.ofNullable(input.evaluation());
    }

    Optional<RunPlanned> plan() {
        return Optional.ofNullable(input.plan());
    }

    String runId() {
        return evaluation().map(RunEvaluated::runId)
                .or(() -> plan().map(RunPlanned::runId))
                .or(() -> input.models().stream().map(ModelEvaluated::runId).filter(Objects::nonNull).findFirst())
                .orElse(Fmt.DASH);
    }

    /** The multi-task job, when anything names it. */
    Optional<String> mtlJobId() {
        return Optional.ofNullable(mtlJobId);
    }

    /** The tasks in report order: the evaluation's, then any the plan, the models or the trainer add. */
    List<String> taskIds() {
        return taskIds;
    }

    /** The baseline job of a task: the plan's, else a baseline model's, else a job that trained that task alone. */
    Optional<String> baselineJobId(String taskId) {
        Optional<String> planned = plan().flatMap(p -> nullSafe(p.jobs()).stream()
                .filter(j -> j.kind() == RunPlanned.JobKind.BASELINE)
                .filter(j -> nullSafe(j.tasks()).stream().anyMatch(t -> taskId.equals(t.taskId())))
                .map(RunPlanned.JobPlan::jobId).findFirst());
        return planned.or(() -> input.models().stream()
                        .filter(m -> m.kind() == RunPlanned.JobKind.BASELINE && m.tasks() != null
                                && m.tasks().containsKey(taskId))
                        .map(ModelEvaluated::jobId).findFirst())
                .or(() -> input.progressByJob().entrySet().stream()
                        .filter(e -> !e.getKey().equals(mtlJobId))
                        .filter(e -> Set.of(taskId).equals(lossTasks(e.getValue())))
                        .map(Map.Entry::getKey).sorted().findFirst());
    }

    /** A job's progress events, by step. */
    List<TrainingProgress> progress(String jobId) {
        return nullSafe(jobId == null ? null : input.progressByJob().get(jobId)).stream().filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(TrainingProgress::step)).toList();
    }

    /** A job's validation rounds, by step. */
    List<ValidationReported> validation(String jobId) {
        return nullSafe(jobId == null ? null : input.validationByJob().get(jobId)).stream().filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(ValidationReported::step)
                        .thenComparingInt(ValidationReported::round)).toList();
    }

    Optional<RunEvaluated.TaskOutcome> outcome(String taskId) {
        return evaluation().flatMap(e -> nullSafe(e.tasks()).stream()
                .filter(t -> taskId.equals(t.taskId())).findFirst());
    }

    /** The scored models, multi-task first, then by job id. */
    List<ModelEvaluated> models() {
        return input.models().stream().filter(Objects::nonNull)
                .sorted(Comparator.comparing((ModelEvaluated m) -> m.kind() != RunPlanned.JobKind.MULTI_TASK)
                        .thenComparing(m -> String.valueOf(m.jobId()))).toList();
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    private String findMtlJobId() {
        return evaluation().map(RunEvaluated::multiTaskJobId)
                .or(() -> plan().flatMap(p -> nullSafe(p.jobs()).stream()
                        .filter(j -> j.kind() == RunPlanned.JobKind.MULTI_TASK).map(RunPlanned.JobPlan::jobId)
                        .findFirst()))
                .or(() -> input.models().stream().filter(m -> m.kind() == RunPlanned.JobKind.MULTI_TASK)
                        .map(ModelEvaluated::jobId).findFirst())
                .or(() -> input.progressByJob().entrySet().stream()
                        .filter(e -> lossTasks(e.getValue()).size() > 1).map(Map.Entry::getKey).sorted().findFirst())
                .orElse(null);
    }

    private List<String> findTaskIds() {
        Set<String> ids = new LinkedHashSet<>();
        evaluation().ifPresent(e -> nullSafe(e.tasks()).forEach(t -> ids.add(t.taskId())));
        plan().ifPresent(p -> nullSafe(p.jobs()).stream().filter(j -> j.kind() == RunPlanned.JobKind.MULTI_TASK)
                .flatMap(j -> nullSafe(j.tasks()).stream()).forEach(t -> ids.add(t.taskId())));
        input.models().stream().filter(m -> m != null && m.tasks() != null)
                .forEach(m -> ids.addAll(m.tasks().keySet().stream().sorted().toList()));
        ids.addAll(lossTasks(mtlJobId == null ? null : input.progressByJob().get(mtlJobId)).stream().sorted()
                .toList());
        ids.remove(null);
        return List.copyOf(ids);
    }

    private static Set<String> lossTasks(Collection<TrainingProgress> progress) {
        Set<String> tasks = new LinkedHashSet<>();
        (progress == null ? Stream.<TrainingProgress>empty() : progress.stream()).filter(Objects::nonNull)
                .filter(p -> p.taskLoss() != null).forEach(p -> tasks.addAll(p.taskLoss().keySet()));
        return tasks;
    }
}
