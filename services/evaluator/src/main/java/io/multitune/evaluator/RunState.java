package io.multitune.evaluator;

import io.multitune.events.ModelEvaluated;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.TrainingProgress;
import io.multitune.events.ValidationReported;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the evaluator knows of one run: its plan, the models trained and scored so far, the jobs that failed, the
 * trainer's progress and validation events (for the report), and whether the run has been judged.
 */
final class RunState {
    final String runId;
    RunPlanned plan;
    TestSet testSet;
    boolean judged;
    /** When the multi-task model was scored (nanoTime): the baseline timeout counts from here. */
    long multiTaskScoredAt;
    final Map<String, ModelTrained> trained = new LinkedHashMap<>();
    final Map<String, ScoredModel> scored = new LinkedHashMap<>();
    final Map<String, ModelEvaluated> evaluations = new LinkedHashMap<>();
    /** Job id to why it has no score (training or evaluation failed). */
    final Map<String, String> failed = new LinkedHashMap<>();
    final Map<String, List<TrainingProgress>> progress = new LinkedHashMap<>();
    final Map<String, List<ValidationReported>> validation = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    RunState(String runId) {
        this.runId = runId;
    }

    Optional<JobPlan> job(String jobId) {
        return plan == null ? Optional.empty()
                : plan.jobs().stream().filter(j -> j.jobId().equals(jobId)).findFirst();
    }

    Optional<JobPlan> multiTaskJob() {
        return plan == null ? Optional.empty()
                : plan.jobs().stream().filter(j -> j.kind() == JobKind.MULTI_TASK).findFirst();
    }

    List<JobPlan> baselineJobs() {
        return plan == null ? List.of() : plan.jobs().stream().filter(j -> j.kind() == JobKind.BASELINE).toList();
    }

    /** Whether a job's model is settled: scored, or failed with a reason. */
    boolean settled(String jobId) {
        return scored.containsKey(jobId) || failed.containsKey(jobId);
    }

    /** Drops what only the judgement needed (predictions, curves): a judged run keeps its files, not its memory. */
    void release() {
        testSet = null;
        scored.clear();
        progress.clear();
        validation.clear();
        trained.clear();
        evaluations.clear();
    }
}
