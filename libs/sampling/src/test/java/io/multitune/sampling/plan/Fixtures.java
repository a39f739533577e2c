package io.multitune.sampling.plan;

import io.multitune.events.RunRequest;
import io.multitune.events.Split;
import io.multitune.events.TaskType;
import io.multitune.sampling.pool.ExampleBytes;
import io.multitune.sampling.pool.PoolExample;
import io.multitune.sampling.pool.TaskPool;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small pools and effective requests built in code, shared by the sampling tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static PoolExample example(String id, Split split, String label, int length, Double difficulty) {
        return new PoolExample(id, "ds-" + id.split("-")[0], split, label, length, difficulty,
                ExampleBytes.of(("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8)));
    }

    /** A task whose train examples carry labels a, b, a, b, … and lengths 1, 2, 3, …; validation likewise. */
    public static TaskPool pool(String taskId, int train, int validation) {
        List<PoolExample> trainList = new ArrayList<>();
        for (int i = 0; i < train; i++) {
            trainList.add(example(String.format("%s-t%05d", taskId, i), Split.TRAIN, i % 2 == 0 ? "a" : "b", i + 1,
                    null));
        }
        return new TaskPool(taskId, TaskType.TEXT_CLASSIFICATION, List.of("ds-" + taskId), List.of("a", "b"),
                trainList, validationExamples(taskId, validation));
    }

    /** A task with the given train examples (any order) and {@code validation} validation examples. */
    public static TaskPool pool(String taskId, List<PoolExample> train, int validation) {
        List<String> labels = train.stream().map(PoolExample::label).filter(l -> l != null).distinct().toList();
        return new TaskPool(taskId, TaskType.TEXT_CLASSIFICATION, List.of("ds-" + taskId), labels, train,
                validationExamples(taskId, validation));
    }

    private static List<PoolExample> validationExamples(String taskId, int count) {
        List<PoolExample> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(example(String.format("%s-v%05d", taskId, i), Split.VALIDATION, i % 2 == 0 ? "a" : "b", 10,
                    null));
        }
        return list;
    }

    public static Request request(String... taskIds) {
        return new Request(taskIds);
    }

    /** An effective request with every field the sampler reads set; tests change what they are about. */
    public static final class Request {
        private final String[] taskIds;
        public String strategy = "temperature";
        public double temperature = 2.0;
        public Long cap;
        public String batchMode = "heterogeneous";
        public RunRequest.Curriculum curriculum = new RunRequest.Curriculum("length", "sqrt", 0.2, 0.5, "proportional");
        public RunRequest.Dynamic dynamic = new RunRequest.Dynamic(1.0, 2.0);
        public int batchSize = 16;
        public Long steps = 100L;
        public Double epochs;
        public long everySteps = 50;
        public int maxValidation = 256;
        public long seed = 42;
        public boolean baselines = true;

        private Request(String[] taskIds) {
            this.taskIds = taskIds;
        }

        public Request strategy(String value) {
            strategy = value;
            return this;
        }

        public Request temperature(double value) {
            temperature = value;
            return this;
        }

        public Request cap(Long value) {
            cap = value;
            return this;
        }

        public Request homogeneous() {
            batchMode = "homogeneous";
            return this;
        }

        public Request curriculum(RunRequest.Curriculum value) {
            curriculum = value;
            return this;
        }

        public Request batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Request steps(long value) {
            steps = value;
            epochs = null;
            return this;
        }

        public Request epochs(double value) {
            epochs = value;
            steps = null;
            return this;
        }

        public Request everySteps(long value) {
            everySteps = value;
            return this;
        }

        public Request maxValidation(int value) {
            maxValidation = value;
            return this;
        }

        public Request seed(long value) {
            seed = value;
            return this;
        }

        public Request baselines(boolean value) {
            baselines = value;
            return this;
        }

        public RunRequest build() {
            List<RunRequest.TaskRef> tasks = Arrays.stream(taskIds).map(RunRequest.TaskRef::of).toList();
            return new RunRequest(RunRequest.SCHEMA_VERSION, "run1", tasks, "all-MiniLM-L6-v2",
                    new RunRequest.Adapter("lora", 8, 16.0, 0.1, List.of("query", "value"), 64),
                    new RunRequest.Weighting("equal", java.util.Map.of()),
                    new RunRequest.Sampling(strategy, temperature, cap, batchMode, curriculum, dynamic, 32),
                    batchSize, new RunRequest.Budget(steps, epochs),
                    new RunRequest.Validation(everySteps, maxValidation, 3, 5e-4), seed, baselines,
                    new RunRequest.Gates(null, null), null);
        }
    }
}
