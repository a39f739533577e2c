package io.multitune.cli.bench;

import io.multitune.cli.common.CliException;
import io.multitune.cli.common.CommandSupport;
import io.multitune.cli.common.Processes;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.run.PlanReport;
import io.multitune.cli.run.RunClient;
import io.multitune.cli.services.ServiceCatalog;
import io.multitune.cli.services.ServiceHandle;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRequest;
import io.multitune.events.Split;
import io.multitune.events.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench sampler}: the sampler's throughput, from examples to batches, relative to a bare Kafka copy loop, in
 * one run on one dedicated broker (single-partition topics, broker append times).
 *
 * <p>(a) The bare loop is started, idle and subscribed, then the N examples are produced into its input topic; its
 * window runs from the first input record's append time to the last output record's. (b) The sampler is started and
 * ready; the dataset is registered, the same N examples are produced into {@link Topics#EXAMPLES}, the dataset's
 * complete profile follows, then a run request over its task (proportional sampling, batches of 64, one epoch, no
 * baselines, validation only at the end, window 32). A counting consumer plays the trainer: it reads the batches and
 * acknowledges each. The window runs from the first example's append time to the last batch's. Both windows start
 * with the same producer writing the same examples, so the producer's pace bears on both alike.
 */
@Command(name = "sampler", mixinStandardHelpOptions = true,
        description = "sampler examples/s (examples in, batches out, acknowledged by a counting consumer) vs a bare "
                + "consume-and-produce loop on the same broker and examples.")
public final class SamplerBench extends CommandSupport.Action {
    static final String DATASET = "bench-reviews";
    static final String WARMUP_DATASET = "bench-warmup";
    static final String WARMUP_TASK = "bench-warmup";
    static final int BATCH_SIZE = 64;
    static final int WINDOW = 32;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "100000",
            description = "Measured examples per stage (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "0", description = "Examples of a warm-up pass each "
            + "stage makes before the measured one: the bare loop copies them, the sampler plans and streams a whole "
            + "run over them (its own dataset and task). Default: ${DEFAULT-VALUE}, for now: a run is one pass over examples "
            + "that a sampler meets fresh, JIT compilation included, and a warm-up run's pool would stay in the "
            + "sampler's memory, which a fresh sampler does not carry.")
    int warmup;

    @Mixin
    BenchBroker.Options brokerOptions;

    @Option(names = "--text-bytes", paramLabel = "N", defaultValue = "1000",
            description = "Text length of each example (default: ${DEFAULT-VALUE}).")
    int textBytes;

    /** Bytes of the measured example bodies, all together. */
    private long exampleBytes;

    @Override
    protected int execute(PrintWriter out) throws Exception {
        if (examples < 100) {
            throw new CliException("--examples must be at least 100 (about 1 % are validation examples), got "
                    + examples);
        }
        if (warmup != 0 && warmup < 100) {
            throw new CliException("--warmup must be 0 or at least 100, got " + warmup);
        }
        ProjectLayout layout = ProjectLayout.detect();
        int port = Processes.freePort();
        System.out.printf(Locale.ROOT, "bench sampler: %d warm-up + %d measured examples of ~%d bytes per stage; "
                + "dedicated broker on port %d%n", warmup, examples, textBytes, port);
        BenchExamples measured = BenchExamples.generate(DATASET, BenchRecords.TASK, examples, textBytes, 42);
        BenchExamples warm = warmup == 0 ? null
                : BenchExamples.generate(WARMUP_DATASET, WARMUP_TASK, warmup, textBytes, 7);
        try (BenchBroker broker = BenchBroker.start(layout, port, brokerOptions)) {
            List<String> topics = new ArrayList<>(Topics.ALL);
            topics.addAll(List.of(IngestBench.COPY_IN, IngestBench.COPY_OUT));
            broker.createTopics(topics);
            int brokerWarmup = broker.warmUp(measured.records(IngestBench.COPY_IN).stream()
                    .map(ProducerRecord::value).toList());
            BenchStage copy = bareLoop(broker, warm, measured);
            BenchStage sampler = sampler(layout, broker, warm, measured);
            System.out.printf(Locale.ROOT, "examples=%d%n", examples);
            System.out.printf(Locale.ROOT, "examples_warmup=%d%n", warmup);
            System.out.printf(Locale.ROOT, "broker_warmup_examples=%d%n", brokerWarmup);
            System.out.printf(Locale.ROOT, "example_bytes_avg=%d%n", exampleBytes / examples);
            System.out.printf(Locale.ROOT, "train_examples=%d%n", measured.count(Split.TRAIN));
            System.out.printf(Locale.ROOT, "validation_examples=%d%n", measured.count(Split.VALIDATION));
            BenchStage.printComparison("example", copy, "sampler", sampler);
        }
        return 0;
    }

    private BenchStage bareLoop(BenchBroker broker, BenchExamples warm, BenchExamples measured) throws Exception {
        String bootstrap = broker.bootstrap();
        try (BareCopyLoop.Running loop = BareCopyLoop.start(bootstrap, IngestBench.COPY_IN, IngestBench.COPY_OUT);
             KafkaProducer<String, byte[]> producer = broker.loader()) {
            loop.awaitSubscribed(IngestBench.STAGE_TIMEOUT);
            try (CpuSampler cpu = new CpuSampler(loop.pid())) {
                if (warm != null) {
                    produce(producer, warm.records(IngestBench.COPY_IN));
                    OutputWindow.await(bootstrap, IngestBench.COPY_OUT, warm.size(), r -> true,
                            IngestBench.STAGE_TIMEOUT);
                }
                List<ProducerRecord<String, byte[]>> records = measured.records(IngestBench.COPY_IN);
                exampleBytes = records.stream().mapToLong(r -> r.value().length).sum();
                Appended input = produce(producer, records);
                long first = input.firstMillis();
                OutputWindow window = OutputWindow.await(bootstrap, IngestBench.COPY_OUT,
                        warmup + measured.size(), warmup, r -> true, IngestBench.STAGE_TIMEOUT);
                cpu.sampleNow();
                String check = String.format(Locale.ROOT, "copied=%d distinct_ids=%d %s", window.measured(),
                        window.distinctKeys() - warmup, input.describe());
                return BenchStage.ofWindow(measured.size(), first, window.lastAppendMillis(),
                        cpu.cpuSecondsBetween(first, window.lastAppendMillis()), check).withBrokerCpu(broker);
            }
        }
    }

    private BenchStage sampler(ProjectLayout layout, BenchBroker broker, BenchExamples warm, BenchExamples measured)
            throws Exception {
        String bootstrap = broker.bootstrap();
        try (ServiceHandle service = IngestBench.startService(layout, ServiceCatalog.SAMPLER, bootstrap);
             CpuSampler cpu = new CpuSampler(service.pid());
             KafkaProducer<String, byte[]> producer = broker.loader();
             RunClient runs = new RunClient(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            runs.checkReachable();
            if (warm != null) {
                pass(bootstrap, producer, runs, warm, "bench-warmup-run");
            }
            Pass pass = pass(bootstrap, producer, runs, measured, "bench-run");
            cpu.sampleNow();
            BatchCounter.Counts c = pass.counts;
            long train = measured.count(Split.TRAIN);
            RunPlanned.JobPlan job = pass.plan.jobs().get(0);
            long planned = job.tasks().stream().mapToLong(RunPlanned.TaskPlan::plannedExamples).sum();
            // One epoch is S = ceil(train / B) full batches, so the last one tops up with a few examples again:
            // every training example must be in the batches, and the batches must hold what the plan said.
            String check = String.format(Locale.ROOT, "batches=%d train_batches=%d steps=%d examples_in_batches=%d "
                            + "planned_examples=%d distinct_example_ids=%d train_examples=%d equals_train_count=%s "
                            + "validation_examples_in_batches=%d %s",
                    c.batches(), c.trainBatches(), job.steps(), c.trainExamples(), planned, c.distinctTrainIds(),
                    train, c.distinctTrainIds() == train && c.trainExamples() == planned, c.validationExamples(),
                    pass.input.describe());
            long first = pass.input.firstMillis();
            // The sampler can only plan once its pool is complete: reading, then publishing, are two phases.
            long plannedAt = pass.plan.plannedAt().toEpochMilli();
            check += String.format(Locale.ROOT, " planned_after_s=%.3f published_in_s=%.3f",
                    (plannedAt - first) / 1000.0, (c.lastAppendMillis() - plannedAt) / 1000.0);
            return BenchStage.ofWindow(measured.size(), first, c.lastAppendMillis(),
                    cpu.cpuSecondsBetween(first, c.lastAppendMillis()), check).withBrokerCpu(broker);
        }
    }

    /** One run through the sampler: its plan, when its first example was appended, and what its batches held. */
    private record Pass(RunPlanned plan, Appended input, BatchCounter.Counts counts) {
    }

    /**
     * Registers the dataset, produces its examples and its complete profile, submits a run over its task and reads
     * (and acknowledges) every batch of it.
     */
    private Pass pass(String bootstrap, KafkaProducer<String, byte[]> producer, RunClient runs, BenchExamples data,
                      String runId) throws Exception {
        List<ProducerRecord<String, byte[]>> records = data.records(Topics.EXAMPLES);
        producer.send(data.registered()).get(30, TimeUnit.SECONDS);
        try (BatchCounter counter = new BatchCounter(bootstrap, runId)) {
            Appended input = produce(producer, records);
            producer.send(data.profiled()).get(30, TimeUnit.SECONDS);
            RunClient.Submission submission = runs.submit(runRequest(runId, data.taskId()));
            RunClient.Answer answer = runs.await(submission, IngestBench.STAGE_TIMEOUT).orElseThrow(() ->
                    new CliException("the sampler did not plan run " + runId + " within "
                            + IngestBench.STAGE_TIMEOUT.toMinutes() + " min"));
            if (!answer.isPlanned()) {
                throw new CliException(PlanReport.rejectionHeadline(answer.rejected()), 1,
                        PlanReport.rejectionProblems(answer.rejected()), null);
            }
            RunPlanned plan = answer.planned();
            BatchCounter.Counts counts = counter.awaitLast(plan.jobs().stream().map(RunPlanned.JobPlan::jobId)
                    .toList(), IngestBench.STAGE_TIMEOUT);
            return new Pass(plan, input, counts);
        }
    }

    /** The benchmark's run: one task, proportional, batches of 64, one epoch, no baselines, validation at the end. */
    static RunRequest runRequest(String runId, String taskId) {
        return new RunRequest(RunRequest.SCHEMA_VERSION, runId, List.of(RunRequest.TaskRef.of(taskId)), null, null,
                null, new RunRequest.Sampling("proportional", null, null, null, null, null, WINDOW), BATCH_SIZE,
                new RunRequest.Budget(null, 1.0), new RunRequest.Validation(0L, null, null, null), null, Boolean.FALSE,
                null, Instant.now());
    }

    /** The broker's append times of the first and the last of a stage's input records. */
    private record Appended(long firstMillis, long lastMillis) {
        /** "input_appended_s=1.234": how long the input took to arrive, which bounds the stage's rate from below. */
        String describe() {
            return String.format(Locale.ROOT, "input_appended_s=%.3f", (lastMillis - firstMillis) / 1000.0);
        }
    }

    /**
     * Produces the records, flushes, and returns the broker's append times of the first and the last (LogAppendTime
     * topics report them in the sends' metadata).
     */
    private static Appended produce(KafkaProducer<String, byte[]> producer,
                                    List<ProducerRecord<String, byte[]>> records)
            throws ExecutionException, InterruptedException {
        Future<RecordMetadata> first = null;
        Future<RecordMetadata> last = null;
        for (ProducerRecord<String, byte[]> r : records) {
            last = producer.send(r);
            if (first == null) {
                first = last;
            }
        }
        producer.flush();
        return first == null ? new Appended(0, 0) : new Appended(first.get().timestamp(), last.get().timestamp());
    }
}
