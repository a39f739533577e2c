package io.multitune.cli.bench;

import io.multitune.cli.common.Processes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The benchmark's reference: the least work a Kafka stage can do, written directly on the Kafka clients. It copies
 * every record of one topic to another, committing after each poll. Runs as its own process (like data-ingest) so
 * its CPU time can be measured alone. Consumer and producer settings match data-ingest's, so the comparison is about
 * the work per record, not the tuning.
 *
 * <p>Arguments: bootstrap servers, input topic, output topic, and optionally the consumer group (default
 * {@link #GROUP}).
 */
public final class BareCopyLoop {
    /** The loop's consumer group. */
    static final String GROUP = "bench-bare-copy";

    private BareCopyLoop() {
    }

    /** Starts the loop as its own process on the CLI's classpath, its output discarded; close stops it. */
    static Running start(String bootstrap, String in, String out) throws IOException {
        return start(bootstrap, in, out, GROUP);
    }

    /** As {@link #start(String, String, String)}, in the given consumer group. */
    static Running start(String bootstrap, String in, String out, String group) throws IOException {
        List<String> command = List.of(Processes.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                BareCopyLoop.class.getName(), bootstrap, in, out, group);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new Running(process, bootstrap, in);
    }

    /** A started loop process. */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final String bootstrap;
        private final String in;

        private Running(Process process, String bootstrap, String in) {
            this.process = process;
            this.bootstrap = bootstrap;
            this.in = in;
        }

        long pid() {
            return process.pid();
        }

        /**
         * Waits until the loop's consumer has joined its group and holds the input topic's partitions: from then on
         * it is idle and subscribed, its JVM start-up behind it.
         */
        void awaitSubscribed(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                while (true) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the bare copy loop exited (code " + process.exitValue()
                                + ") before subscribing");
                    }
                    if (assigned(admin)) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the bare copy loop did not subscribe to " + in + " within "
                                + timeout.toSeconds() + " s");
                    }
                    Thread.sleep(100);
                }
            }
        }

        /** Whether the loop's consumer holds a partition of the input topic; false while its group is unknown. */
        private boolean assigned(Admin admin) throws Exception {
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP))
                        .describedGroups().get(GROUP).get(10, TimeUnit.SECONDS);
                return group.members().stream().anyMatch(m -> m.assignment().topicPartitions()
                        .stream().anyMatch(tp -> tp.topic().equals(in)));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    return false;
                }
                throw e;
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public static void main(String[] args) {
        String bootstrap = args[0];
        String in = args[1];
        String out = args[2];
        String group = args.length > 3 ? args[3] : GROUP;
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            consumer.subscribe(List.of(in));
            while (!Thread.currentThread().isInterrupted()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    producer.send(new ProducerRecord<>(out, null, r.key(), r.value(), r.headers()));
                }
                if (!records.isEmpty()) {
                    consumer.commitAsync();
                }
            }
        }
    }
}
