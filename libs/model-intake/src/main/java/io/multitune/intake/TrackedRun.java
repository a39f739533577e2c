package io.multitune.intake;

import io.multitune.events.ModelTrained;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.TrainingProgress;
import io.multitune.events.ValidationReported;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * What is known of one run: its plan, its models as they are trained, the trainer's progress and validation events,
 * its test set (read once, so every model of the run is judged on the same examples in the same order), and the
 * notes the judgement must carry.
 */
public final class TrackedRun {
    private final String runId;
    private final ExampleTopicReader reader;
    private final int maxTestExamplesPerTask;
    RunPlanned plan;
    boolean judged;
    long multiTaskDoneAt;
    final Map<String, ModelTrained> trained = new LinkedHashMap<>();
    final Map<String, Object> results = new LinkedHashMap<>();
    final Map<String, String> failed = new LinkedHashMap<>();
    private final Map<String, List<TrainingProgress>> progress = new LinkedHashMap<>();
    private final Map<String, List<ValidationReported>> validation = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private TestSet testSet;

    TrackedRun(String runId, ExampleTopicReader reader, int maxTestExamplesPerTask) {
        this.runId = runId;
        this.reader = reader;
        this.maxTestExamplesPerTask = maxTestExamplesPerTask;
    }

    public String runId() {
        return runId;
    }

    public RunPlanned plan() {
        return plan;
    }

    /** The run's seed (the request's, 42 by default). */
    public long seed() {
        return plan.request().seed() == null ? 42L : plan.request().seed();
    }

    /** The trainer's progress events per job, in arrival order. */
    public Map<String, List<TrainingProgress>> progress() {
        return progress;
    }

    /** The trainer's validation events per job, in arrival order. */
    public Map<String, List<ValidationReported>> validation() {
        return validation;
    }

    /** Notes for the run's judgement, each once. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    public void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }

    /**
     * The run's test set: the test split of every task's datasets, read from the examples topic on first use, at
     * most {@code maxTestExamplesPerTask} per task (a seeded sample, noted).
     */
    public TestSet testSet() throws IntakeFailure {
        if (testSet == null) {
            List<TaskPlan> tasks = plan.jobs().stream().flatMap(j -> j.tasks().stream()).toList();
            try {
                testSet = TestSet.of(tasks, reader.readTestSplit(TestSet.datasets(tasks)), maxTestExamplesPerTask,
                        seed());
            } catch (TimeoutException | RuntimeException e) {
                throw new IntakeFailure(io.multitune.events.EvaluationFailed.Problem.SCORING_ERROR,
                        "multitune.examples", "the test split of run " + runId + " could not be read: "
                        + e.getMessage(), e);
            }
            testSet.available().forEach((task, n) -> {
                int used = testSet.examples(task).size();
                if (used < n) {
                    note(String.format(Locale.ROOT, "task %s: %d of its %d test examples were used (a seeded"
                            + " sample; the cap is max-test-examples-per-task)", task, used, n));
                }
            });
        }
        return testSet;
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

    boolean settled(String jobId) {
        return results.containsKey(jobId) || failed.containsKey(jobId);
    }

    void keep(TrainingProgress event) {
        progress.computeIfAbsent(event.jobId(), j -> new ArrayList<>()).add(event);
    }

    void keep(ValidationReported event) {
        validation.computeIfAbsent(event.jobId(), j -> new ArrayList<>()).add(event);
    }

    /** A judged run keeps its files, not its memory. */
    void release() {
        testSet = null;
        results.clear();
        progress.clear();
        validation.clear();
        trained.clear();
    }
}
