package io.multitune.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.encoder.model.Dropouts;
import io.multitune.encoder.weights.WeightTensor;
import io.multitune.events.BatchesAcknowledged;
import io.multitune.events.ModelTrained;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import io.multitune.events.Topics;
import io.multitune.events.TrainingEnded;
import io.multitune.events.TrainingStarted;
import io.multitune.testing.kafka.KafkaTestClient;
import io.multitune.testing.kafka.TestBroker;
import io.multitune.training.TrainingState;
import io.multitune.training.artifacts.JobArtifacts;
import io.multitune.training.artifacts.SafeTensors;
import io.multitune.trainer.TrainingTopicWatch.Seen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * The packaged trainer as separate processes against a real broker, killed with {@code kill -9}: a restarted
 * replica resumes a job from its last checkpoint and ends it with exactly the weights of a run that was never
 * interrupted; two replicas in one group share the queued jobs, and one takes over the job of the other when it
 * dies. The test plays the sampler: it produces plans on the runs topic and batch streams on the batches topic,
 * windowed (part of a stream, then the rest after the kill) as the sampler publishes ahead of acknowledgements.
 */
class TrainerRestartIT {
    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration TIMEOUT = Duration.ofSeconds(150);
    private static final Path WORK = Path.of("target", "trainer-restart-it");
    private static final int CHECKPOINT_EVERY = 5;
    private static final String GROUP = "multitune-trainer";
    private static final Map<String, String> ENV = Map.of(
            "MULTITUNE_TRAINER_CHECKPOINT_EVERY", Integer.toString(CHECKPOINT_EVERY),
            "MULTITUNE_TRAINER_JOBS_SESSION_TIMEOUT", "6s");

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void note(long t0, String what) {
        System.out.printf("[TrainerRestartIT %6.1f s] %s%n", (System.nanoTime() - t0) / 1e9, what);
    }

    @Test
    void aKilledTrainerResumesFromItsCheckpointAndEndsWithTheWeightsOfAnUninterruptedRun() throws Exception {
        long t0 = System.nanoTime();
        Path dir = Files.createDirectories(WORK.resolve("kill-" + shortId()));
        Path root = dir.resolve("artifacts");
        try (TestBroker broker = TestBroker.startDedicated();
             KafkaTestClient kafka = broker.client()) {
            String bootstrap = broker.bootstrapServers();
            note(t0, "broker up at " + bootstrap);
            RunPlanned crashed = TrainerTestData.plan("crashed-" + shortId(), null, 40, TrainerTestData.sentiment(),
                    TrainerTestData.pos());
            String jobId = crashed.jobs().get(0).jobId();
            List<ProducerRecord<String, byte[]>> stream = TrainerTestData.stream(crashed);
            assertEquals(42, stream.size());
            int window = 25; // batches 0..24 before the kill: the job cannot get past step 25 before it

            TrainingTopicWatch watch = null;
            try {
                long killAck;
                try (TrainerProcess first = TrainerProcess.start(bootstrap, "trainer-a", root,
                        dir.resolve("trainer-a.log"), ENV)) {
                    first.awaitReady(START);
                    note(t0, "trainer-a ready");
                    assertTrue(Files.readString(dir.resolve("trainer-a.log")).contains("dropout masks: "
                            + (Dropouts.drawsWithVectors() ? "vector" : "scalar")),
                            "the replica draws dropout masks as this JVM does (both with the Vector API module)");
                    watch = new TrainingTopicWatch(bootstrap);
                    kafka.produce(TrainerTestData.record(Topics.RUNS, crashed));
                    kafka.produceAll(stream.subList(0, window));
                    watch.await(s -> s.fromTrainer() && s.event() instanceof BatchesAcknowledged a
                            && a.jobId().equals(jobId) && a.sequence() >= 17, TIMEOUT, "batch 17 acknowledged");
                    first.kill();
                    note(t0, "trainer-a killed (kill -9)");
                }
                watch.poll(Duration.ofSeconds(1));
                List<Long> acksBeforeKill = acks(watch.of(jobId));
                killAck = acksBeforeKill.get(acksBeforeKill.size() - 1);
                assertEquals(LongStream.rangeClosed(0, killAck).boxed().toList(), acksBeforeKill,
                        "before the kill, every batch acknowledged once, in order");
                assertTrue(watch.of(jobId, TrainingEnded.class).isEmpty(), "killed before the job ended");

                // What the dead replica left on disk: the resumed job must start exactly there.
                TrainingState checkpoint = TrainingState.read(root.resolve("checkpoints").resolve(jobId)
                        .resolve("state"));
                long checkpointStep = checkpoint.step();
                note(t0, "at the kill: last acknowledged batch " + killAck + ", checkpoint at step "
                        + checkpointStep + " (batch " + checkpoint.lastAppliedSequence() + ")");
                assertEquals(checkpointStep - 1, checkpoint.lastAppliedSequence(), "a TRAIN batch is one step");
                assertEquals(0, checkpointStep % CHECKPOINT_EVERY, "checkpoints every " + CHECKPOINT_EVERY);
                assertTrue(checkpointStep >= (killAck + 1) / CHECKPOINT_EVERY * CHECKPOINT_EVERY,
                        "the checkpoint is at least the last one due before step " + (killAck + 1));
                assertTrue(checkpointStep > 0 && checkpointStep <= window, "checkpoint step " + checkpointStep);

                try (TrainerProcess second = TrainerProcess.start(bootstrap, "trainer-a", root,
                        dir.resolve("trainer-a-restarted.log"), ENV)) {
                    second.awaitReady(START);
                    note(t0, "trainer-a restarted and ready");
                    kafka.produceAll(stream.subList(window, stream.size()));
                    awaitEnd(watch, jobId);
                    note(t0, "resumed job ended");

                    List<Seen> events = watch.of(jobId);
                    List<TrainingStarted> starts = watch.of(jobId, TrainingStarted.class);
                    assertEquals(2, starts.size(), "started, then resumed once: " + starts);
                    assertEquals(0, starts.get(0).resumedFromStep());
                    assertEquals(checkpointStep, starts.get(1).resumedFromStep(),
                            "resumed from the checkpoint the dead replica left");
                    assertEquals(40, starts.get(1).totalSteps());
                    // After the restart every batch from the checkpoint on is applied (acknowledged) exactly once.
                    int resumedAt = indexOf(events, starts.get(1));
                    assertEquals(LongStream.range(checkpoint.lastAppliedSequence() + 1, 42).boxed().toList(),
                            acks(events.subList(resumedAt, events.size())),
                            "batches after the checkpoint, each acknowledged once, in order");
                    TrainingEnded ended = watch.of(jobId, TrainingEnded.class).get(0);
                    assertEquals(TrainingEnded.Outcome.COMPLETED, ended.outcome(), ended.message());
                    assertEquals(40, ended.step());
                    ModelTrained resumedModel = watch.of(jobId, ModelTrained.class).get(0);
                    assertEquals(40, resumedModel.steps(), "steps applied");
                    assertEquals(TrainingEnded.Outcome.COMPLETED, resumedModel.outcome());
                    verifyArtifacts(root, resumedModel);
                    note(t0, String.format("resumedFromStep=%d (checkpoint on disk at the kill), last ack before "
                            + "the kill=%d, steps=%d", starts.get(1).resumedFromStep(), killAck,
                            resumedModel.steps()));

                    // The same job under another run id, trained straight through by the restarted replica.
                    RunPlanned whole = TrainerTestData.plan("whole-" + shortId(), null, 40,
                            TrainerTestData.sentiment(), TrainerTestData.pos());
                    String wholeJob = whole.jobs().get(0).jobId();
                    kafka.produce(TrainerTestData.record(Topics.RUNS, whole));
                    kafka.produceAll(TrainerTestData.stream(whole));
                    awaitEnd(watch, wholeJob);
                    note(t0, "uninterrupted job ended");
                    List<TrainingStarted> wholeStarts = watch.of(wholeJob, TrainingStarted.class);
                    assertEquals(1, wholeStarts.size());
                    assertEquals(0, wholeStarts.get(0).resumedFromStep());
                    ModelTrained wholeModel = watch.of(wholeJob, ModelTrained.class).get(0);
                    assertEquals(40, wholeModel.steps());
                    verifyArtifacts(root, wholeModel);

                    assertSameWeights(adapters(root, wholeModel), adapters(root, resumedModel));
                    note(t0, "adapter weights bit-identical");
                }
            } finally {
                if (watch != null) {
                    watch.close();
                }
            }
        }
        deleteTree(root); // ~200 MB of models; kept when the test fails, with the logs
        note(t0, "done");
    }

    @Test
    void twoReplicasShareTheJobsAndOneTakesOverTheJobOfTheOtherWhenItDies() throws Exception {
        long t0 = System.nanoTime();
        Path dir = Files.createDirectories(WORK.resolve("replicas-" + shortId()));
        Path root = dir.resolve("artifacts");
        try (TestBroker broker = TestBroker.startDedicated();
             KafkaTestClient kafka = broker.client()) {
            String bootstrap = broker.bootstrapServers();
            note(t0, "broker up at " + bootstrap);
            Map<String, TrainerProcess> replicas = new LinkedHashMap<>();
            TrainingTopicWatch watch = null;
            try {
                for (String name : List.of("trainer-1", "trainer-2")) {
                    replicas.put(name, TrainerProcess.start(bootstrap, name, root, dir.resolve(name + ".log"), ENV));
                }
                for (TrainerProcess p : replicas.values()) {
                    p.awaitReady(START);
                }
                note(t0, "both replicas ready");
                Map<String, Set<Integer>> assignment = awaitGroupOfTwo(bootstrap);
                note(t0, "jobs group stable: " + assignment);
                int partitions = assignment.values().stream().mapToInt(Set::size).sum();
                watch = new TrainingTopicWatch(bootstrap);

                // One job per ticket partition at least, so that whatever the split, each replica owns a job.
                List<RunPlanned> plans = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    plans.add(TrainerTestData.plan(runIdOnPartition("shared-" + i, i % partitions, partitions), null,
                            4, TrainerTestData.sentiment(), TrainerTestData.pos()));
                }
                for (RunPlanned plan : plans) {
                    kafka.produce(TrainerTestData.record(Topics.RUNS, plan));
                    kafka.produceAll(TrainerTestData.stream(plan));
                }
                List<String> jobs = plans.stream().map(p -> p.jobs().get(0).jobId()).toList();
                for (String job : jobs) {
                    awaitEnd(watch, job);
                }
                note(t0, "4 jobs ended");
                Map<String, String> trainedBy = new TreeMap<>();
                Set<String> trainers = new java.util.TreeSet<>();
                for (String job : jobs) {
                    List<TrainingEnded> ends = watch.of(job, TrainingEnded.class);
                    assertTrue(ends.stream().allMatch(e -> e.outcome() == TrainingEnded.Outcome.COMPLETED
                            && e.step() == 4), job + ": " + ends);
                    List<TrainingStarted> starts = watch.of(job, TrainingStarted.class);
                    assertEquals(1, starts.size(), job + " trained once, by one replica: " + starts);
                    assertEquals(0, starts.get(0).resumedFromStep());
                    assertEquals(4, watch.of(job, ModelTrained.class).get(0).steps());
                    trainedBy.put(job + "@p" + partitionOf(job, partitions), starts.get(0).replica() + " (ended "
                            + ends.size() + "x)");
                    trainers.add(starts.get(0).replica());
                }
                note(t0, "trained by " + trainedBy);
                assertEquals(Set.copyOf(replicas.keySet()), trainers,
                        "both replicas trained a job: " + trainedBy);

                // A longer job; its replica dies mid-job, the other one takes the ticket over after the session
                // timeout and resumes the job from the checkpoint.
                RunPlanned longer = TrainerTestData.plan("takeover-" + shortId(), null, 30,
                        TrainerTestData.sentiment(), TrainerTestData.pos());
                String job = longer.jobs().get(0).jobId();
                List<ProducerRecord<String, byte[]>> stream = TrainerTestData.stream(longer);
                int window = 16;
                kafka.produce(TrainerTestData.record(Topics.RUNS, longer));
                kafka.produceAll(stream.subList(0, window));
                String owner = ((TrainingStarted) watch.await(s -> s.fromTrainer() && job.equals(s.key())
                        && s.event() instanceof TrainingStarted, TIMEOUT, "job " + job + " started").event())
                        .replica();
                watch.await(s -> s.fromTrainer() && s.event() instanceof BatchesAcknowledged a
                        && a.jobId().equals(job) && a.sequence() >= 11, TIMEOUT, "batch 11 acknowledged");
                replicas.get(owner).kill();
                note(t0, owner + " killed (kill -9) in the middle of " + job);
                watch.poll(Duration.ofSeconds(1));
                List<Long> acksBeforeKill = acks(watch.of(job));
                TrainingState checkpoint = TrainingState.read(root.resolve("checkpoints").resolve(job)
                        .resolve("state"));
                note(t0, "at the kill: last acknowledged batch " + acksBeforeKill.get(acksBeforeKill.size() - 1)
                        + ", checkpoint at step " + checkpoint.step());
                assertTrue(checkpoint.step() >= 10 && checkpoint.step() <= window
                        && checkpoint.step() % CHECKPOINT_EVERY == 0, "checkpoint at step " + checkpoint.step());
                kafka.produceAll(stream.subList(window, stream.size()));
                awaitEnd(watch, job);
                note(t0, "taken-over job ended");

                List<Seen> events = watch.of(job);
                List<TrainingStarted> starts = watch.of(job, TrainingStarted.class);
                assertEquals(2, starts.size(), "started, then taken over: " + starts);
                assertEquals(owner, starts.get(0).replica());
                assertNotEquals(owner, starts.get(1).replica(), "the surviving replica took the job over");
                assertEquals(checkpoint.step(), starts.get(1).resumedFromStep());
                assertEquals(LongStream.range(checkpoint.lastAppliedSequence() + 1, 32).boxed().toList(),
                        acks(events.subList(indexOf(events, starts.get(1)), events.size())));
                TrainingEnded ended = watch.of(job, TrainingEnded.class).get(0);
                assertEquals(TrainingEnded.Outcome.COMPLETED, ended.outcome(), ended.message());
                assertEquals(30, ended.step());
                ModelTrained model = watch.of(job, ModelTrained.class).get(0);
                assertEquals(30, model.steps());
                verifyArtifacts(root, model);
                note(t0, String.format("taken over by %s: resumedFromStep=%d, steps=%d", starts.get(1).replica(),
                        starts.get(1).resumedFromStep(), model.steps()));
            } finally {
                for (TrainerProcess p : replicas.values()) {
                    p.close();
                }
                if (watch != null) {
                    watch.close();
                }
            }
        }
        deleteTree(root);
        note(t0, "done");
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Waits for the trainer's end of a job (failing with what the job said if it did not complete). */
    private static void awaitEnd(TrainingTopicWatch watch, String jobId) {
        watch.await(s -> s.fromTrainer() && jobId.equals(s.key()) && s.event() instanceof TrainingEnded, TIMEOUT,
                "job " + jobId + " ended");
    }

    private static List<Long> acks(List<Seen> events) {
        return events.stream().map(Seen::event).filter(BatchesAcknowledged.class::isInstance)
                .map(e -> ((BatchesAcknowledged) e).sequence()).toList();
    }

    private static int indexOf(List<Seen> events, PipelineEvent event) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).event() == event) {
                return i;
            }
        }
        throw new AssertionError(event + " not among the job's events");
    }

    private static void verifyArtifacts(Path root, ModelTrained model) throws Exception {
        assertEquals(Set.of("model", "adapters", "manifest"),
                model.artifacts().stream().map(ModelTrained.Artifact::role).collect(Collectors.toSet()));
        for (ModelTrained.Artifact artifact : model.artifacts()) {
            byte[] bytes = Files.readAllBytes(JobArtifacts.resolve(root, artifact.path()));
            assertEquals(artifact.bytes(), bytes.length, artifact.path());
            assertEquals(artifact.sha256(), HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(bytes)), artifact.path());
        }
    }

    private static Map<String, WeightTensor> adapters(Path root, ModelTrained model) throws Exception {
        return SafeTensors.read(JobArtifacts.resolve(root, model.artifact("adapters").orElseThrow().path()))
                .tensors();
    }

    /** Every tensor bit for bit; on a difference, which tensors differ and by how much. */
    private static void assertSameWeights(Map<String, WeightTensor> expected, Map<String, WeightTensor> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "the same tensors");
        assertFalse(expected.isEmpty(), "adapter tensors written");
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, WeightTensor> e : expected.entrySet()) {
            WeightTensor a = e.getValue();
            WeightTensor b = actual.get(e.getKey());
            assertArrayEquals(a.shape(), b.shape(), e.getKey());
            if (!Arrays.equals(a.values(), b.values())) {
                int differing = 0;
                double maxAbs = 0;
                double maxMagnitude = 0;
                for (int i = 0; i < a.values().length; i++) {
                    if (Float.floatToIntBits(a.values()[i]) != Float.floatToIntBits(b.values()[i])) {
                        differing++;
                        maxAbs = Math.max(maxAbs, Math.abs((double) a.values()[i] - b.values()[i]));
                    }
                    maxMagnitude = Math.max(maxMagnitude, Math.abs(a.values()[i]));
                }
                differences.add(String.format("%s: %d of %d values differ, max |diff| %.3g (max |value| %.3g)",
                        e.getKey(), differing, a.values().length, maxAbs, maxMagnitude));
            }
        }
        assertTrue(differences.isEmpty(), "the resumed job's adapter weights differ from the uninterrupted job's in "
                + differences.size() + " of " + expected.size() + " tensors:\n" + String.join("\n", differences));
    }

    /** A run id whose job id ({@code <run>.mtl}, the ticket's key) lands on {@code partition} of the jobs topic. */
    private static String runIdOnPartition(String prefix, int partition, int partitions) {
        while (true) {
            String runId = prefix + "-" + shortId();
            if (partitionOf(runId + ".mtl", partitions) == partition) {
                return runId;
            }
        }
    }

    /** Kafka's default partitioner for a keyed record. */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Waits until the replicas' jobs group is stable with two members that each own ticket partitions, so that
     * queued jobs do not move between replicas while they train; returns the partitions by member.
     */
    private static Map<String, Set<Integer>> awaitGroupOfTwo(String bootstrap) throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Map<String, Set<Integer>> assignment = Map.of();
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all()
                        .get(30, TimeUnit.SECONDS).get(GROUP);
                assignment = new TreeMap<>();
                for (MemberDescription m : group.members()) {
                    assignment.put(m.clientId(), m.assignment().topicPartitions().stream()
                            .filter(tp -> tp.topic().equals(Topics.JOBS)).map(tp -> tp.partition())
                            .collect(Collectors.toCollection(java.util.TreeSet::new)));
                }
                if (group.groupState() == GroupState.STABLE && assignment.size() == 2
                        && assignment.values().stream().noneMatch(Set::isEmpty)) {
                    return assignment;
                }
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the jobs group did not become stable with two members: " + assignment);
    }
}
