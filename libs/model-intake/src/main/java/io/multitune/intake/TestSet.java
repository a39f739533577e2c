package io.multitune.intake;

import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The held-out examples of a run, per task: the test split of the task's datasets, in example-id order, cut to a
 * seeded sample when larger than the cap. Every model of the run is scored on this one set, in this order, which is
 * what makes the multi-task and baseline predictions paired.
 *
 * @param byTask    task id to its examples
 * @param available task id to the size of its whole test split (before the cap)
 */
public record TestSet(Map<String, List<StandardExample>> byTask, Map<String, Integer> available) {

    /** The test set of the tasks from every test example read, at most {@code cap} per task. */
    public static TestSet of(List<TaskPlan> tasks, Map<String, StandardExample> testExamples, int cap, long seed) {
        Map<String, List<StandardExample>> byTask = new LinkedHashMap<>();
        Map<String, Integer> available = new LinkedHashMap<>();
        for (TaskPlan task : tasks) {
            if (byTask.containsKey(task.taskId())) {
                continue;
            }
            Set<String> datasets = new HashSet<>(task.datasets());
            List<StandardExample> all = testExamples.values().stream()
                    .filter(e -> datasets.contains(e.datasetId()))
                    .sorted(Comparator.comparing(StandardExample::id)).toList();
            available.put(task.taskId(), all.size());
            byTask.put(task.taskId(), all.size() <= cap ? all : sample(all, cap, seed));
        }
        return new TestSet(Map.copyOf(byTask), Map.copyOf(available));
    }

    /** The datasets whose test split the tasks need. */
    public static Set<String> datasets(List<TaskPlan> tasks) {
        Set<String> datasets = new HashSet<>();
        tasks.forEach(t -> datasets.addAll(t.datasets()));
        return datasets;
    }

    /** A task's examples (empty when it has none). */
    public List<StandardExample> examples(String taskId) {
        return byTask.getOrDefault(taskId, List.of());
    }

    /** The examples of the given tasks, task after task. */
    public List<StandardExample> examples(List<TaskPlan> tasks) {
        List<StandardExample> examples = new ArrayList<>();
        tasks.forEach(t -> examples.addAll(examples(t.taskId())));
        return examples;
    }

    /** Example id to example, over every task. */
    public Map<String, StandardExample> index() {
        Map<String, StandardExample> index = new HashMap<>();
        byTask.values().forEach(list -> list.forEach(e -> index.put(e.id(), e)));
        return index;
    }

    /** The {@code cap} examples with the smallest seeded hash of their id, back in id order. */
    private static List<StandardExample> sample(List<StandardExample> all, int cap, long seed) {
        MessageDigest digest = sha256();
        byte[] salt = Long.toString(seed).getBytes(StandardCharsets.UTF_8);
        // One digest per example, not one per comparison.
        Map<String, String> rank = new HashMap<>();
        for (StandardExample e : all) {
            digest.update(salt);
            rank.put(e.id(), HexFormat.of().formatHex(digest.digest(e.id().getBytes(StandardCharsets.UTF_8))));
        }
        return all.stream().sorted(Comparator.comparing((StandardExample e) -> rank.get(e.id())))
                .limit(cap).sorted(Comparator.comparing(StandardExample::id)).toList();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
