package io.multitune.cli.broker;

import io.multitune.cli.common.CliException;
import io.multitune.cli.common.CommandSupport;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.common.TopicProvisioning;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code multitune broker start|stop|status}: the local single-node KRaft Kafka broker. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"A real local Kafka broker (KRaft, broker and controller in one process), from the Kafka jars.",
                "Data, config and logs in .multitune/broker/; pid file in .multitune/run/broker.pid.",
                "With KAFKA_BOOTSTRAP_SERVERS set, that external cluster is used and nothing is started."},
        subcommands = {BrokerCommand.Start.class, BrokerCommand.Stop.class, BrokerCommand.Status.class})
public final class BrokerCommand extends CommandSupport.Group {
    /** Exit code of {@code status} when the broker is not running. */
    public static final int NOT_RUNNING = 3;

    static KafkaSettings settings() {
        return KafkaSettings.fromEnvironment();
    }

    /** {@code broker start}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Start the local broker and wait until it answers; then create the pipeline topics.",
                    "Prints its address and pid. Does nothing if it already runs."})
    static final class Start extends CommandSupport.Action {
        @Option(names = "--port", paramLabel = "PORT",
                description = "Client port on localhost (default: $MULTITUNE_BROKER_PORT, else 9092).")
        Integer port;

        @Option(names = "--controller-port", paramLabel = "PORT",
                description = "KRaft controller port (default: the one chosen when its storage was formatted, else PORT+1).")
        int controllerPort;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "90",
                description = "How long to wait for the broker to answer (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Option(names = "--no-topics", description = "Do not create the pipeline topics.")
        boolean noTopics;

        @Override
        protected int execute(PrintWriter out) throws Exception {
            KafkaSettings kafka = settings();
            if (kafka.external()) {
                out.println("KAFKA_BOOTSTRAP_SERVERS is set: using the external Kafka cluster at "
                        + kafka.bootstrapServers() + "; no local broker started.");
                return 0;
            }
            ProjectLayout layout = ProjectLayout.detect();
            int p = port != null ? port : KafkaSettings.configuredPort(System.getenv());
            LocalBroker.Options options = LocalBroker.Options.of(layout.brokerDir(), p)
                    .withPidFile(layout.brokerPidFile())
                    .withControllerPort(controllerPort)
                    .withStartTimeout(Duration.ofSeconds(timeoutSeconds));
            LocalBroker.Handle broker;
            try {
                broker = LocalBroker.start(options);
            } catch (LocalBroker.AlreadyRunningException e) {
                out.println("broker already running (pid " + e.handle().pid() + ") at " + e.handle().bootstrapServers());
                return 0;
            }
            out.printf(Locale.ROOT, "broker started at %s (pid %d) in %.1f s; logs in %s%n", broker.bootstrapServers(),
                    broker.pid(), broker.startupTime().toMillis() / 1000.0, layout.display(broker.logFile()));
            if (!noTopics) {
                List<String> created = TopicProvisioning.ensureTopics(KafkaSettings.forBootstrap(broker.bootstrapServers()));
                if (!created.isEmpty()) {
                    out.println("created " + created.size() + " topics: " + String.join(", ", created));
                }
            }
            return 0;
        }
    }

    /** {@code broker stop}. */
    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the local broker: SIGTERM, then SIGKILL after the timeout.")
    static final class Stop extends CommandSupport.Action {
        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "Seconds to wait after SIGTERM before SIGKILL (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        protected int execute(PrintWriter out) throws Exception {
            ProjectLayout layout = ProjectLayout.detect();
            Optional<LocalBroker.Handle> broker = LocalBroker.running(layout.brokerPidFile(), layout.brokerDir());
            if (broker.isEmpty()) {
                KafkaSettings kafka = settings();
                out.println(kafka.external()
                        ? "no local broker runs; the external cluster at " + kafka.bootstrapServers() + " is not managed here"
                        : "broker is not running");
                return 0;
            }
            long pid = broker.get().pid();
            if (!broker.get().stop(Duration.ofSeconds(timeoutSeconds))) {
                throw new CliException("broker (pid " + pid + ") did not stop, even after SIGKILL");
            }
            out.println("broker stopped (pid " + pid + ")");
            return 0;
        }
    }

    /** {@code broker status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = {"Print whether the broker runs and its address.",
                    "Exit code 0 if it runs and answers, " + NOT_RUNNING + " if not."})
    static final class Status extends CommandSupport.Action {
        @Override
        protected int execute(PrintWriter out) throws Exception {
            KafkaSettings kafka = settings();
            if (kafka.external()) {
                Optional<String> problem = LocalBroker.probe(kafka.clientConfig(), Duration.ofSeconds(10));
                if (problem.isEmpty()) {
                    out.println("running: external cluster at " + kafka.bootstrapServers());
                    return 0;
                }
                out.println("unreachable: external cluster at " + kafka.bootstrapServers() + " (" + problem.get() + ")");
                return NOT_RUNNING;
            }
            ProjectLayout layout = ProjectLayout.detect();
            Optional<LocalBroker.Handle> broker = LocalBroker.running(layout.brokerPidFile(), layout.brokerDir());
            if (broker.isEmpty()) {
                out.println("stopped (address when running: " + kafka.bootstrapServers() + ")");
                return NOT_RUNNING;
            }
            LocalBroker.Handle b = broker.get();
            Optional<String> problem = LocalBroker.probe(
                    KafkaSettings.forBootstrap(b.bootstrapServers()).clientConfig(), Duration.ofSeconds(5));
            if (problem.isPresent()) {
                out.println("not answering: pid " + b.pid() + " runs, but " + b.bootstrapServers()
                        + " does not answer (" + problem.get() + "); see " + layout.display(b.logFile()));
                return NOT_RUNNING;
            }
            out.println("running (pid " + b.pid() + ") at " + b.bootstrapServers());
            return 0;
        }
    }
}
