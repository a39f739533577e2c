package io.multitune.reporting;

import io.multitune.events.ModelAudited;
import io.multitune.events.ModelAudited.NotAudited;
import io.multitune.events.ModelAudited.TaskAudit;
import io.multitune.events.RunAudited;
import io.multitune.events.RunAudited.TransferRow;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The bias report's view of a run: which audited model is the multi-task one, which baseline audited each task, the
 * order tasks are shown in, and the tasks that were not audited gathered from every event (the run's and each
 * model's), so that no part of the page can leave a task out without saying why.
 */
final class BiasContext {

    /** The bias gate's thresholds as the page shows them; {@code requested} false means the defaults. */
    record Thresholds(double maxDemographicParity, double maxEqualizedOdds, double maxFlipRate, double maxIncrease,
                      boolean requested) {
    }

    private static final Map<String, String> METRICS = Map.of(
            "counterfactual-flip-rate", "flip rate",
            "counterfactual-token-flip-rate", "token flip rate",
            "counterfactual-mean-prob-change", "mean prob. change",
            "counterfactual-max-prob-change", "max prob. change",
            "counterfactual-mean-value-change", "mean value change",
            "counterfactual-max-value-change", "max value change",
            "demographic-parity", "demographic parity",
            "equalized-odds", "equalized odds");

    private final BiasReportInput input;
    private final String mtlJobId;
    private final List<String> taskIds;
    private final Map<String, NotAudited> notAudited;

    BiasContext(BiasReportInput input) {
        this.input = input;
        this.mtlJobId = findMtlJobId();
        this.notAudited = findNotAudited();
        this.taskIds = findTaskIds();
    }

    BiasReportInput input() {
        return input;
    }

    Optional<RunAudited> audit() {
        return Optional.ofNullable(input.audit());
    }

    String runId() {
        return audit().map(RunAudited::runId)
                .or(() -> Optional.ofNullable(input.plan()).map(RunPlanned::runId))
                .or(() -> input.models().stream().map(ModelAudited::runId).filter(Objects::nonNull).findFirst())
                .orElse(Fmt.DASH);
    }

    Optional<String> mtlJobId() {
        return Optional.ofNullable(mtlJobId);
    }

    /** Tasks in page order: the plan's multi-task job's, then any the audit or the models add. */
    List<String> taskIds() {
        return taskIds;
    }

    /** Every task that was not audited, with its reason, from the run's audit and each model's. */
    List<NotAudited> notAudited() {
        return List.copyOf(notAudited.values());
    }

    Optional<NotAudited> notAudited(String taskId) {
        return Optional.ofNullable(notAudited.get(taskId));
    }

    List<String> missingBaselines() {
        return audit().map(a -> RunContext.nullSafe(a.missingBaselines())).orElse(List.of());
    }

    /** The audited models, multi-task first, then by job id. */
    List<ModelAudited> models() {
        return input.models().stream()
                .sorted(Comparator.comparing((ModelAudited m) -> !isMtl(m)).thenComparing(m -> String.valueOf(m.jobId())))
                .toList();
    }

    Optional<ModelAudited> mtl() {
        return input.models().stream().filter(this::isMtl).findFirst();
    }

    /** The models that audited a task: the multi-task one first, then its baselines. */
    List<ModelAudited> modelsFor(String taskId) {
        return models().stream().filter(m -> taskAudit(m, taskId).isPresent()).toList();
    }

    static Optional<TaskAudit> taskAudit(ModelAudited m, String taskId) {
        return m.tasks() == null ? Optional.empty() : Optional.ofNullable(m.tasks().get(taskId));
    }

    /** The transfer rows of a task, in the audit's order. */
    List<TransferRow> transfer(String taskId) {
        return audit().map(a -> RunContext.nullSafe(a.transfer()).stream().filter(Objects::nonNull)
                .filter(r -> taskId.equals(r.taskId())).toList()).orElse(List.of());
    }

    boolean isMtl(ModelAudited m) {
        return m.kind() == JobKind.MULTI_TASK || (mtlJobId != null && mtlJobId.equals(m.jobId()));
    }

    /** "multi-task" or "baseline run-x-stl-pos", for legends and captions. */
    String modelLabel(ModelAudited m) {
        return isMtl(m) ? "multi-task" : "baseline " + Objects.requireNonNullElse(m.jobId(), Fmt.DASH);
    }

    /** The colour of a model: the report's multi-task blue and baseline orange. */
    String modelColour(ModelAudited m) {
        return isMtl(m) ? Palette.MTL : Palette.STL;
    }

    /** The plan's bias gate, else the gate's documented defaults (0.1, 0.1, 0.05, 0.02). */
    Thresholds thresholds() {
        RunRequest.BiasGate gate = Optional.ofNullable(input.plan()).map(RunPlanned::request)
                .map(RunRequest::gates).map(RunRequest.Gates::bias).orElse(null);
        if (gate == null) {
            return new Thresholds(0.1, 0.1, 0.05, 0.02, false);
        }
        return new Thresholds(or(gate.maxDemographicParityDifference(), 0.1),
                or(gate.maxEqualizedOddsDifference(), 0.1), or(gate.maxCounterfactualFlipRate(), 0.05),
                or(gate.maxIncreaseOverBaseline(), 0.02), true);
    }

    /** A short name of a bias metric's wire name; unknown names are shown as they are. */
    static String metricLabel(String wireName) {
        return wireName == null ? Fmt.DASH : METRICS.getOrDefault(wireName, wireName);
    }

    private static double or(Double v, double fallback) {
        return Fmt.finite(v) ? v : fallback;
    }

    private String findMtlJobId() {
        return audit().map(RunAudited::multiTaskJobId)
                .or(() -> Optional.ofNullable(input.plan()).flatMap(p -> RunContext.nullSafe(p.jobs()).stream()
                        .filter(j -> j.kind() == JobKind.MULTI_TASK).map(RunPlanned.JobPlan::jobId).findFirst()))
                .or(() -> input.models().stream().filter(m -> m.kind() == JobKind.MULTI_TASK)
                        .map(ModelAudited::jobId).findFirst())
                .orElse(null);
    }

    private Map<String, NotAudited> findNotAudited() {
        Map<String, NotAudited> found = new LinkedHashMap<>();
        List<NotAudited> all = new ArrayList<>(audit().map(a -> RunContext.nullSafe(a.notAudited()))
                .orElse(List.of()));
        models().forEach(m -> all.addAll(RunContext.nullSafe(m.notAudited())));
        all.stream().filter(n -> n != null && n.taskId() != null).forEach(n -> found.putIfAbsent(n.taskId(), n));
        return found;
    }

    private List<String> findTaskIds() {
        Set<String> ids = new LinkedHashSet<>();
        Optional.ofNullable(input.plan()).ifPresent(p -> RunContext.nullSafe(p.jobs()).stream()
                .filter(j -> j != null && j.kind() == JobKind.MULTI_TASK)
                .flatMap(j -> RunContext.nullSafe(j.tasks()).stream()).forEach(t -> ids.add(t.taskId())));
        audit().ifPresent(a -> RunContext.nullSafe(a.transfer()).stream().filter(Objects::nonNull)
                .forEach(r -> ids.add(r.taskId())));
        for (ModelAudited m : models()) {
            if (m.tasks() != null) {
                ids.addAll(m.tasks().keySet().stream().filter(Objects::nonNull).sorted().toList());
            }
        }
        ids.addAll(notAudited.keySet());
        audit().ifPresent(a -> RunContext.nullSafe(a.representation()).stream().filter(Objects::nonNull)
                .forEach(r -> ids.add(r.taskId())));
        ids.addAll(missingBaselines());
        ids.remove(null);
        return List.copyOf(ids);
    }
}
