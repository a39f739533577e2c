package io.multitune.sampling.request;

import io.multitune.events.RunRejected.Reason;
import io.multitune.events.RunRequest.TaskRef;
import io.multitune.events.TaskType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves the {@code tasks} of a request against the catalog and checks each task: known, listed once, datasets
 * that agree, a task type the encoder trainer handles, and examples to train and validate on.
 */
final class TaskChecks {
    /** How many known task ids an "unknown task" message lists before it stops helping. */
    private static final int MAX_LISTED_TASKS = 10;

    /** The resolved tasks in request order, and the datasets still waiting for a profile, sorted. */
    record Resolution(List<ResolvedTask> tasks, List<String> pendingDatasets) {
    }

    private TaskChecks() {
    }

    static Resolution check(List<TaskRef> refs, TaskCatalog catalog, ProblemList problems) {
        if (refs == null || refs.isEmpty()) {
            problems.missing("tasks", "name at least one task, by task id or dataset id");
            return new Resolution(List.of(), List.of());
        }
        List<ResolvedTask> resolved = new ArrayList<>();
        Set<String> pending = new TreeSet<>();
        Map<String, Integer> firstListedAt = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            String field = "tasks[" + i + "]";
            TaskRef ref = refs.get(i);
            if (ref == null || ref.task() == null || ref.task().isBlank()) {
                problems.missing(ref == null ? field : field + ".task", "name a task id or a dataset id");
                continue;
            }
            if (ref.weight() != null) {
                problems.positive(field + ".weight", ref.weight());
            }
            ResolvedTask task = resolve(field, ref, catalog, problems);
            if (task == null) {
                continue;
            }
            Integer earlier = firstListedAt.putIfAbsent(task.taskId(), i);
            if (earlier != null) {
                problems.bad(field, "task '" + task.taskId() + "' is already listed at tasks[" + earlier
                        + "]; list each task once (restrict it with datasets: [...] to choose its datasets)");
                continue;
            }
            resolved.add(task);
            checkTask(field, task, problems);
            task.datasets().stream().filter(d -> !d.profiled()).map(DatasetInfo::datasetId).forEach(pending::add);
        }
        return new Resolution(resolved, List.copyOf(pending));
    }

    /** The task a reference stands for, or null (with a problem) when it stands for nothing. */
    private static ResolvedTask resolve(String field, TaskRef ref, TaskCatalog catalog, ProblemList problems) {
        String name = ref.task();
        String taskId;
        List<DatasetInfo> candidates = catalog.datasetsOfTask(name);
        if (!candidates.isEmpty()) {
            taskId = name;
        } else {
            Optional<DatasetInfo> dataset = catalog.dataset(name);
            if (dataset.isEmpty()) {
                problems.add(field, Reason.UNKNOWN_TASK, "no task or dataset '" + name + "' is registered"
                        + knownTasksHint(name, catalog));
                return null;
            }
            taskId = dataset.get().taskId();
            candidates = List.of(dataset.get());
        }
        List<DatasetInfo> chosen = ref.datasets() == null ? candidates
                : restrict(field + ".datasets", name, ref.datasets(), candidates, problems);
        if (chosen.isEmpty()) {
            return null;
        }
        double weight = ref.weight() != null ? ref.weight() : RunDefaults.TASK_WEIGHT;
        return new ResolvedTask(taskId, chosen.get(0).taskType(), chosen, weight);
    }

    private static List<DatasetInfo> restrict(String field, String name, List<String> wanted,
                                              List<DatasetInfo> candidates, ProblemList problems) {
        if (wanted.isEmpty()) {
            problems.missing(field, "name at least one dataset of '" + name + "', or leave datasets out to use all");
            return List.of();
        }
        Map<String, DatasetInfo> byId = new LinkedHashMap<>();
        candidates.forEach(d -> byId.put(d.datasetId(), d));
        List<DatasetInfo> chosen = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < wanted.size(); j++) {
            String id = wanted.get(j);
            String entry = field + "[" + j + "]";
            if (id == null || !byId.containsKey(id)) {
                problems.add(entry, Reason.UNKNOWN_TASK, "'" + id + "' is not a dataset of '" + name
                        + "' (its datasets: " + String.join(", ", byId.keySet()) + ")");
            } else if (!seen.add(id)) {
                problems.bad(entry, "dataset '" + id + "' is listed twice");
            } else {
                chosen.add(byId.get(id));
            }
        }
        return chosen;
    }

    private static void checkTask(String field, ResolvedTask task, ProblemList problems) {
        List<DatasetInfo> datasets = task.datasets();
        Set<TaskType> types = datasets.stream().map(DatasetInfo::taskType).collect(Collectors.toSet());
        if (types.size() > 1) {
            problems.add(field, Reason.INCOMPATIBLE_DATASETS, "the datasets of task '" + task.taskId()
                    + "' have different task types: " + describe(datasets, d -> d.taskType().wireName()));
        }
        Set<Set<String>> labelSets = datasets.stream().filter(d -> d.labels() != null)
                .map(d -> Set.copyOf(d.labels())).collect(Collectors.toSet());
        if (labelSets.size() > 1) {
            problems.add(field, Reason.INCOMPATIBLE_DATASETS, "the datasets of task '" + task.taskId()
                    + "' have different label sets: "
                    + describe(datasets.stream().filter(d -> d.labels() != null).toList(),
                            d -> "[" + String.join(", ", new TreeSet<>(d.labels())) + "]"));
        }
        if (types.contains(TaskType.TEXT_TO_TEXT)) {
            problems.add(field, Reason.UNSUPPORTED_TASK_TYPE, "task '" + task.taskId()
                    + "' is text-to-text: the encoder trainer cannot train text-to-text tasks");
        }
        // Counts of a task that is still being ingested mean nothing yet: the caller waits and validates again.
        if (task.profiled()) {
            if (task.trainExamples() == 0) {
                problems.add(field, Reason.NO_EXAMPLES, "task '" + task.taskId() + "' has no training examples");
            }
            if (task.validationExamples() == 0) {
                problems.add(field, Reason.NO_EXAMPLES, "task '" + task.taskId()
                        + "' has no validation examples; they are needed for early stopping");
            }
        }
    }

    private static String describe(List<DatasetInfo> datasets, Function<DatasetInfo, String> what) {
        return datasets.stream().map(d -> d.datasetId() + " " + what.apply(d)).collect(Collectors.joining(", "));
    }

    private static String knownTasksHint(String name, TaskCatalog catalog) {
        List<String> known = List.copyOf(catalog.taskIds());
        if (known.isEmpty()) {
            return "";
        }
        String hint = Spelling.hint(name, known);
        if (known.size() > MAX_LISTED_TASKS && !hint.contains("did you mean")) {
            return "; " + known.size() + " tasks are registered";
        }
        return hint.replace("expected one of", "registered tasks:");
    }
}
