package io.multitune.trainer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The packaged trainer ({@code target/quarkus-app/quarkus-run.jar}, system property {@code trainer.jar}) as its own
 * process, so a test can kill it without warning ({@code kill -9}) and start it again. A JVM shutdown hook kills it
 * too, so no trainer outlives the test JVM even when the test is aborted.
 */
final class TrainerProcess implements AutoCloseable {
    private final String replica;
    private final Process process;
    private final int port;
    private final Thread reaper;

    private TrainerProcess(String replica, Process process, int port) {
        this.replica = replica;
        this.process = process;
        this.port = port;
        this.reaper = new Thread(process::destroyForcibly, "kill-trainer-" + replica);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts a replica against {@code bootstrap}, writing under {@code artifactRoot}, its output appended to
     * {@code log}.
     */
    static TrainerProcess start(String bootstrap, String replica, Path artifactRoot, Path log,
                                Map<String, String> extraEnv) throws IOException {
        String jar = System.getProperty("trainer.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("system property trainer.jar must name the packaged trainer; got " + jar);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseParallelGC",
                // As the launcher and the Helm chart start the trainer: dropout masks on the Vector API path.
                "--add-modules", "jdk.incubator.vector",
                "-Dquarkus.http.port=" + port,
                // The plan dispatcher's group: a killed replica's member would hold the runs partitions for the
                // client default (45 s) before a restarted replica gets them.
                "-Dmp.messaging.incoming.trainer-runs-in.session.timeout.ms=6000",
                "-Dmp.messaging.incoming.trainer-runs-in.heartbeat.interval.ms=1000",
                "-jar", jar));
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("MULTITUNE_ARTIFACT_ROOT", artifactRoot.toAbsolutePath().toString());
        env.put("MULTITUNE_TRAINER_REPLICA", replica);
        // Failsafe passes these (parent pom); a run outside Maven gets the same.
        env.putIfAbsent("DJL_OFFLINE", "true");
        env.putIfAbsent("OPT_OUT_TRACKING", "true");
        env.putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
        env.putIfAbsent("DJL_CACHE_DIR", Path.of("../../.multitune/djl-cache").toAbsolutePath().normalize()
                .toString());
        env.putAll(extraEnv);
        Files.createDirectories(log.toAbsolutePath().getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new TrainerProcess(replica, builder.start(), port);
    }

    /** Waits until /q/health/ready answers 200: the broker answers, MiniLM is loaded and checked, the thread runs. */
    TrainerProcess awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("trainer " + replica + " exited with " + process.exitValue());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("trainer " + replica + " was not ready within " + timeout);
    }

    String replica() {
        return replica;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Kills the process at once (SIGKILL), as a crash or an OOM kill would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }
}
