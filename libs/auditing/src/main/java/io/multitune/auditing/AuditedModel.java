package io.multitune.auditing;

import io.multitune.events.ModelAudited;
import io.multitune.events.RunPlanned;
import io.multitune.events.TaskType;
import io.multitune.fairness.counterfactual.CounterfactualFigures;
import io.multitune.fairness.counterfactual.FlipInputs;
import io.multitune.fairness.counterfactual.TagFlipInputs;
import io.multitune.fairness.counterfactual.ValueChangeInputs;
import io.multitune.fairness.group.GroupInputs;
import io.multitune.fairness.group.GroupReport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One model's audit: what its {@link ModelAudited} event carries, and per audited task the validated per-pair and
 * per-example data behind the figures, which the run's bias-transfer comparison resamples ({@link RunBiasJudgement}).
 */
public final class AuditedModel {

    /**
     * The data behind one audited task's figures. At most one of the three counterfactual inputs is set, by the
     * task type's kind; all are null when the task had no counterfactual pair.
     *
     * @param counterfactual the counterfactual figures; null without pairs
     * @param flips          classification pairs
     * @param tagFlips       token-classification pairs
     * @param valueChanges   regression pairs
     * @param groupInputs    one per group attribute found on the task's test examples (classification only)
     * @param groupReports   the group metrics of each, in the same order
     */
    public record AuditedTask(String taskId, TaskType taskType, CounterfactualFigures counterfactual,
                              FlipInputs flips, TagFlipInputs tagFlips, ValueChangeInputs valueChanges,
                              List<GroupInputs> groupInputs, List<GroupReport> groupReports) {

        /** Copies the lists. */
        public AuditedTask {
            Objects.requireNonNull(taskId, "taskId");
            Objects.requireNonNull(taskType, "taskType");
            groupInputs = List.copyOf(groupInputs);
            groupReports = List.copyOf(groupReports);
        }
    }

    private final Map<String, ModelAudited.TaskAudit> tasks;
    private final Map<String, AuditedTask> details;
    private final List<ModelAudited.NotAudited> notAudited;
    private final List<String> notes;
    private final long inputs;
    private final double seconds;
    private final long occlusionInputs;
    private final double occlusionSeconds;

    AuditedModel(Map<String, ModelAudited.TaskAudit> tasks, Map<String, AuditedTask> details,
                 List<ModelAudited.NotAudited> notAudited, List<String> notes, long inputs, double seconds,
                 long occlusionInputs, double occlusionSeconds) {
        this.tasks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
        this.details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.notAudited = List.copyOf(notAudited);
        this.notes = List.copyOf(notes);
        this.inputs = inputs;
        this.seconds = seconds;
        this.occlusionInputs = occlusionInputs;
        this.occlusionSeconds = occlusionSeconds;
    }

    /** Per audited task id (job order), its figures as the event carries them. */
    public Map<String, ModelAudited.TaskAudit> tasks() {
        return tasks;
    }

    /** Per audited task id (job order), the data behind its figures. */
    public Map<String, AuditedTask> details() {
        return details;
    }

    /** One audited task's data, or null when the task was not audited by this model. */
    public AuditedTask task(String taskId) {
        return details.get(taskId);
    }

    /** The job's tasks of types the audits do not cover, with why. */
    public List<ModelAudited.NotAudited> notAudited() {
        return notAudited;
    }

    /** What the reader needs to know about this model's figures (caps applied, figures not computed and why). */
    public List<String> notes() {
        return notes;
    }

    /** Model inputs run for the audit: sources, counterfactuals, group-labelled examples, occlusions. */
    public long inputs() {
        return inputs;
    }

    /** Wall time of the audit. */
    public double seconds() {
        return seconds;
    }

    /** Of {@link #inputs()}, those run for occlusion explanations. */
    public long occlusionInputs() {
        return occlusionInputs;
    }

    /** Of {@link #seconds()}, the time spent on occlusion explanations (building, scoring, ranking). */
    public double occlusionSeconds() {
        return occlusionSeconds;
    }

    /** The model's {@link ModelAudited} event, stamped now. */
    public ModelAudited event(String runId, String jobId, RunPlanned.JobKind kind, String modelPath,
                              String modelSha256, String executionProvider) {
        return new ModelAudited(ModelAudited.SCHEMA_VERSION, runId, jobId, kind, modelPath, modelSha256,
                executionProvider, tasks, notAudited, inputs, seconds, Instant.now());
    }
}
