package io.multitune.reporting;

import io.multitune.events.ModelEvaluated;
import io.multitune.events.ModelEvaluated.ClassFigures;
import io.multitune.events.ModelEvaluated.TaskEvaluation;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunEvaluated.Check;
import io.multitune.events.RunEvaluated.McNemar;
import io.multitune.events.RunEvaluated.ReviewCase;
import io.multitune.events.RunEvaluated.TaskOutcome;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingProgress;
import io.multitune.events.ValidationReported;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic run: sentiment (text classification, better with multi-task), pos (token classification, negative
 * transfer) and genre (text classification, its baseline failed); progress every 10 steps over 200 steps with a
 * conflict matrix every 20, validation every 50.
 */
final class ReportFixtures {

    static final String RUN = "run-7f3a";
    static final String MTL = RUN + "-mtl";
    static final String XSS = "<script>alert('x')</script> great & \"cheap\"";
    static final List<String> TASKS = List.of("sentiment", "pos", "genre");
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private ReportFixtures() {
    }

    static RunReportInput full() {
        Map<String, List<TrainingProgress>> progress = new LinkedHashMap<>();
        progress.put(MTL, progress(MTL, TASKS, true));
        progress.put(stl("sentiment"), progress(stl("sentiment"), List.of("sentiment"), false));
        progress.put(stl("pos"), progress(stl("pos"), List.of("pos"), false));
        Map<String, List<ValidationReported>> validation = new LinkedHashMap<>();
        validation.put(MTL, validation(MTL, TASKS));
        validation.put(stl("sentiment"), validation(stl("sentiment"), List.of("sentiment")));
        validation.put(stl("pos"), validation(stl("pos"), List.of("pos")));
        return new RunReportInput(plan(TASKS), evaluation(), models(), progress, validation, T0.plusSeconds(3600));
    }

    static String stl(String task) {
        return RUN + "-stl-" + task;
    }

    static RunRequest request() {
        return new RunRequest(1, RUN, TASKS.stream().map(RunRequest.TaskRef::of).toList(), "all-MiniLM-L6-v2",
                new RunRequest.Adapter("lora", 8, 16.0, 0.1, List.of("query", "value"), null),
                new RunRequest.Weighting("pcgrad", Map.of()),
                new RunRequest.Sampling("temperature", 2.0, null, "heterogeneous", null, null, 32), 16,
                new RunRequest.Budget(200L, null), new RunRequest.Validation(50L, 256, 3, 5e-4), 42L, true,
                new RunRequest.Gates(new RunRequest.EvaluationGate(0.0, 2.0, 0.05), null), T0);
    }

    static RunPlanned plan(List<String> tasks) {
        List<JobPlan> jobs = new ArrayList<>();
        jobs.add(new JobPlan(MTL, JobKind.MULTI_TASK, tasks.stream().map(ReportFixtures::taskPlan).toList(), 200, 16,
                4, "ab12"));
        tasks.forEach(t -> jobs.add(new JobPlan(stl(t), JobKind.BASELINE, List.of(taskPlan(t)), 70, 16, 2, "cd34")));
        return new RunPlanned(1, RUN, request(), jobs, T0.plusSeconds(5));
    }

    static TaskPlan taskPlan(String task) {
        return new TaskPlan(task, type(task), List.of(task + "-data"), List.of("a", "b"), 1.0 / 3, 1000, 1066, 1.07,
                256);
    }

    static TaskType type(String task) {
        return task.equals("pos") ? TaskType.TOKEN_CLASSIFICATION : TaskType.TEXT_CLASSIFICATION;
    }

    static RunEvaluated evaluation() {
        List<TaskOutcome> tasks = List.of(
                new TaskOutcome("sentiment", TaskType.TEXT_CLASSIFICATION, "accuracy", true, 1, 872, 0.912, 0.897,
                        0.015, 0.004, 0.026, 0.05, new McNemar(41, 28, "exact", 2.45, 0.148), 1.67, false),
                new TaskOutcome("pos", TaskType.TOKEN_CLASSIFICATION, "token-accuracy", true, 1, 25096, 0.941, 0.958,
                        -0.017, -0.024, -0.010, 0.05, new McNemar(310, 737, "chi-square", 173.3, 1e-12), -1.77, true),
                new TaskOutcome("genre", TaskType.TEXT_CLASSIFICATION, "accuracy", true, 1, 500, 0.803, null, null,
                        null, null, 0.05, null, null, false));
        RunEvaluated.Verdict verdict = new RunEvaluated.Verdict(false,
                List.of("negative transfer on pos: token-accuracy −0.0170, 95 % CI [−0.0240, −0.0100]"),
                List.of(new Check("delta-m", true, "Δm = +0.05 % ≥ 0 % over 2 tasks"),
                        new Check("max-task-drop", true, "largest drop 1.77 % (pos) ≤ 2 %"),
                        new Check("negative-transfer", false, "pos is significantly worse <at α = 0.05>")));
        List<RunEvaluated.TaskReview> review = List.of(
                new RunEvaluated.TaskReview("sentiment",
                        List.of(new ReviewCase("sst2-test-17", XSS, "positive", "negative", 0.81, "positive", 0.66)),
                        List.of(new ReviewCase("sst2-test-42", "not bad at all", "positive", "positive", 0.58,
                                "negative", 0.71))),
                new RunEvaluated.TaskReview("genre",
                        List.of(new ReviewCase("genre-3", "A ship drifts past Saturn.", "sci-fi", "drama", 0.44,
                                null, null)), List.of()));
        return new RunEvaluated(1, RUN, MTL, "CUDA", 0.8853, 0.9275, 0.05, tasks, List.of("genre"),
                List.of("genre: baseline job failed (trainer OOM); genre is compared with nothing"), verdict, review,
                null, T0.plusSeconds(3500));
    }

    static List<ModelEvaluated> models() {
        Map<String, TaskEvaluation> mtl = new LinkedHashMap<>();
        mtl.put("sentiment", classification(0.912, 872));
        mtl.put("pos", tagging(0.941));
        mtl.put("genre", classification(0.803, 500));
        return List.of(
                new ModelEvaluated(1, RUN, MTL, JobKind.MULTI_TASK, "runs/" + RUN + "/mtl/model.onnx",
                        "0123456789abcdef0123456789abcdef", "CUDA", mtl, 0.8853, 12.5, 2100, T0.plusSeconds(3400)),
                new ModelEvaluated(1, RUN, stl("sentiment"), JobKind.BASELINE, "runs/x/s.onnx", "fe", "CUDA",
                        Map.of("sentiment", classification(0.897, 872)), 0.897, 3.1, 2200, T0.plusSeconds(3300)),
                new ModelEvaluated(1, RUN, stl("pos"), JobKind.BASELINE, "runs/x/p.onnx", "dc", "CUDA",
                        Map.of("pos", tagging(0.958)), 0.958, 5.2, 1900, T0.plusSeconds(3300)));
    }

    static TaskEvaluation classification(double accuracy, long n) {
        return new TaskEvaluation(TaskType.TEXT_CLASSIFICATION, n, "accuracy", accuracy, accuracy,
                Map.of("accuracy", accuracy, "macro-f1", accuracy - 0.01), List.of(
                new ClassFigures("negative", 0.9, accuracy, 0.91, n / 2), new ClassFigures("positive", 0.92, 0.9,
                        0.91, n - n / 2)));
    }

    static TaskEvaluation tagging(double accuracy) {
        return new TaskEvaluation(TaskType.TOKEN_CLASSIFICATION, 2000, "token-accuracy", accuracy, accuracy,
                Map.of("token-accuracy", accuracy, "macro-f1", 0.88), List.of(new ClassFigures("NOUN", 0.95, 0.96,
                0.955, 6000), new ClassFigures("VERB", 0.93, 0.92, 0.925, 3500)));
    }

    static List<TrainingProgress> progress(String job, List<String> tasks, boolean conflicts) {
        List<TrainingProgress> events = new ArrayList<>();
        for (long step = 10; step <= 200; step += 10) {
            Map<String, Double> loss = new LinkedHashMap<>();
            Map<String, Double> weight = new LinkedHashMap<>();
            for (int i = 0; i < tasks.size(); i++) {
                loss.put(tasks.get(i), (1.2 + 0.3 * i) * Math.exp(-step / 80.0) + 0.1 + (conflicts ? 0.03 : 0));
                weight.put(tasks.get(i), 1.0 + 0.2 * Math.sin(step / 30.0 + i));
            }
            boolean measured = conflicts && step % 20 == 0;
            events.add(new TrainingProgress(1, RUN, job, step, 200, loss, weight, 5e-4, 0.12, 130, 1.7,
                    measured ? tasks : null, measured ? matrix(tasks.size(), step) : null, T0.plusSeconds(step)));
        }
        java.util.Collections.reverse(events);
        return events;
    }

    static List<List<Double>> matrix(int n, long step) {
        List<List<Double>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                row.add(i == j ? 1.0 : Math.sin(i * 1.7 + j * 1.7 + step / 100.0) * 0.6);
            }
            rows.add(row);
        }
        return rows;
    }

    static List<ValidationReported> validation(String job, List<String> tasks) {
        List<ValidationReported> rounds = new ArrayList<>();
        for (int round = 1; round <= 4; round++) {
            Map<String, ValidationReported.TaskResult> results = new LinkedHashMap<>();
            for (String t : tasks) {
                double gain = job.equals(MTL) ? 0.05 : 0.035 + 0.005 * (t.length() % 3);
                results.put(t, new ValidationReported.TaskResult(0.8 / round, t.equals("pos") ? "token-accuracy"
                        : "accuracy", 0.7 + gain * Math.sqrt(round), 256, false));
            }
            rounds.add(new ValidationReported(1, RUN, job, round, round * 50L, results, T0.plusSeconds(round)));
        }
        return rounds;
    }
}
