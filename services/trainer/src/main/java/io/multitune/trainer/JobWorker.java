package io.multitune.trainer;

import io.multitune.events.EventCodec;
import io.multitune.events.JobQueued;
import io.multitune.events.PipelineEvent;
import io.multitune.events.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * The replica's one training thread: takes job tickets from the jobs topic in the replicas' consumer group, one
 * at a time, and trains each. While a job trains, every partition is paused and the consumer is polled between
 * batches only to stay in the group; the ticket's offset is committed when the job has ended. If the ticket's
 * partition moves to another replica (a rebalance), the job is checkpointed inside the revocation callback, before
 * the new owner can start, and abandoned here; the new owner resumes it from that checkpoint.
 */
final class JobWorker implements Runnable {
    private static final Logger LOG = Logger.getLogger(JobWorker.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final long CHECK_IN_NANOS = 1_000_000_000L;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(5);

    private final TrainerContext context;
    private final KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private volatile boolean alive = true;
    private Current current;

    /** The ticket in training and what happened to its partition. */
    private static final class Current {
        final TopicPartition partition;
        JobControl.Checkpointer checkpointer;
        boolean revoked;

        Current(TopicPartition partition) {
            this.partition = partition;
        }
    }

    JobWorker(TrainerContext context) {
        this.context = context;
        Map<String, Object> config = new HashMap<>(context.kafkaConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, context.config().jobsGroup());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) context.config().jobsSessionTimeout().toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                (int) Math.max(500, context.config().jobsSessionTimeout().toMillis() / 4));
        // Exporting a model or a long validation round happens between two check-ins.
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) Duration.ofMinutes(15).toMillis());
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "trainer-jobs-" + context.replica());
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void run() {
        try {
            warmUp();
            consumer.subscribe(List.of(Topics.JOBS), new Rebalances());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(IDLE_POLL);
                for (ConsumerRecord<String, byte[]> record : records) {
                    take(record);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("the training thread stopped", e);
        } finally {
            alive = false;
            consumer.close();
        }
    }

    /** Loads the default base model before the first ticket, so readiness means a job can start at once. */
    private void warmUp() {
        try {
            context.baseModels().get(null);
        } catch (BaseModels.BaseModelException e) {
            LOG.errorf("the default base model cannot be used: %s", e.getMessage());
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        JobQueued ticket = ticket(record);
        if (ticket == null) {
            commit(partition, record.offset());
            return;
        }
        current = new Current(partition);
        consumer.pause(consumer.assignment());
        context.metrics().busy(true);
        JobRun.Result result;
        try {
            LOG.infof("job %s taken (ticket %s-%d)", ticket.jobId(), partition, record.offset());
            result = new JobRun(ticket, context).run(new CheckIn());
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "job %s interrupted by an error; it will be retried", ticket.jobId());
            result = JobRun.Result.HANDED_BACK;
            sleep(RETRY_PAUSE);
        } finally {
            context.metrics().busy(false);
        }
        boolean stillOurs = !current.revoked;
        current = null;
        if (stillOurs && result == JobRun.Result.ENDED) {
            commit(partition, record.offset());
        } else if (stillOurs) {
            consumer.seek(partition, record.offset());
        }
        consumer.resume(consumer.paused());
    }

    private JobQueued ticket(ConsumerRecord<String, byte[]> record) {
        try {
            PipelineEvent event = EventCodec.INSTANCE.decode(record.headers(), record.value());
            if (event instanceof JobQueued queued) {
                queued.job();
                return queued;
            }
            LOG.warnf("skipping a %s on %s: not a job ticket", event.getClass().getSimpleName(), Topics.JOBS);
        } catch (RuntimeException e) {
            LOG.warnf("skipping a malformed job ticket at %s-%d: %s", record.topic(), record.partition(),
                    e.getMessage());
        }
        return null;
    }

    private void commit(TopicPartition partition, long offset) {
        try {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset + 1)));
        } catch (KafkaException e) {
            LOG.warnf("could not commit the ticket at %s-%d (%s); a repeat of it will only repeat the job's end",
                    partition, offset, e.getMessage());
        }
    }

    /** Between batches: keeps the group membership alive and reports whether the job may go on. */
    private final class CheckIn implements JobControl {
        private long lastPoll = System.nanoTime();

        @Override
        public boolean keepGoing(Checkpointer checkpointer) throws IOException {
            current.checkpointer = checkpointer;
            if (System.nanoTime() - lastPoll > CHECK_IN_NANOS) {
                lastPoll = System.nanoTime();
                ConsumerRecords<String, byte[]> early = consumer.poll(Duration.ZERO);
                // A partition assigned in this poll was not paused yet: put its records back.
                for (TopicPartition p : early.partitions()) {
                    consumer.seek(p, early.records(p).get(0).offset());
                }
                consumer.pause(consumer.assignment());
            }
            if (current.revoked) {
                return false;
            }
            if (!running) {
                checkpointer.checkpoint();
                return false;
            }
            return true;
        }
    }

    private final class Rebalances implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (current != null && partitions.contains(current.partition) && !current.revoked) {
                current.revoked = true;
                LOG.infof("ticket partition %s moves to another replica: checkpointing the job", current.partition);
                checkpointQuietly();
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (current != null && partitions.contains(current.partition)) {
                // Another replica may own it already: its checkpoints must not be overwritten.
                current.revoked = true;
                LOG.warnf("ticket partition %s was lost: abandoning the job without a checkpoint", current.partition);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (current != null) {
                consumer.pause(partitions);
            }
        }
    }

    private void checkpointQuietly() {
        if (current.checkpointer == null) {
            return;
        }
        try {
            current.checkpointer.checkpoint();
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "could not checkpoint the job before handing it over");
        }
    }

    /** Asks the thread to hand its job back (checkpointed) and stop. */
    void stop() {
        running = false;
    }

    boolean alive() {
        return alive;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
