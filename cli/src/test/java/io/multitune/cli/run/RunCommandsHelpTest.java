package io.multitune.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.MultituneCommand;
import io.multitune.cli.common.KafkaSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every run command has --help with its exit codes, and its options parse. */
class RunCommandsHelpTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new MultituneCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void theRunGroupListsEveryCommand() {
        assertEquals(0, run("run", "--help"));
        for (String command : new String[] {"submit", "watch", "report", "list"}) {
            assertTrue(out.toString().lines().anyMatch(l -> l.trim().startsWith(command + " ")), out.toString());
        }
    }

    @Test
    void watchDocumentsItsExitCodes() {
        assertEquals(0, run("run", "watch", "--help"));
        String help = out.toString();
        assertTrue(help.contains("Usage: multitune run watch [-hV] [--timeout=DURATION] RUN_ID"), help);
        assertTrue(help.contains("Exit codes:"), help);
        for (String code : new String[] {"0   the run completed and passed both gates",
                "3   the sampler rejected the request", "4   the run did not end within --timeout",
                "5   Kafka unreachable", "6   the run failed", "7   the run completed and failed a gate",
                "8   no such run"}) {
            assertTrue(help.contains(code), code + " in\n" + help);
        }
        assertTrue(help.contains("KAFKA_BOOTSTRAP_SERVERS") && help.contains("MULTITUNE_EVALUATOR_URL"), help);
    }

    @Test
    void reportAndListDocumentTheirExitCodes() {
        assertEquals(0, run("run", "report", "--help"));
        assertTrue(out.toString().contains("9   the run has not ended yet"), out.toString());
        assertEquals(0, run("run", "list", "--help"));
        assertTrue(out.toString().contains("--limit=N"), out.toString());
        assertEquals(0, run("run", "submit", "--help"));
        assertTrue(out.toString().contains("7   with --follow: the run completed and failed a gate"), out.toString());
    }

    @Test
    void theCommandsTakeTheTlsSettingsTheHelmChartGivesTheServices() {
        Map<String, Object> config = KafkaSettings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9093",
                "KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/tls/ca.crt",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM"), null).clientConfig();
        assertEquals("PEM", config.get("ssl.truststore.type"));
        assertEquals("SSL", config.get("security.protocol"));
        assertEquals(0, run("run", "report", "--help"));
        assertTrue(out.toString().contains("KAFKA_SSL_TRUSTSTORE_TYPE"), out.toString());
    }

    @Test
    void options() {
        RunWatchCommand watch = new RunWatchCommand();
        new CommandLine(watch).parseArgs("r1");
        assertEquals("r1", watch.runId);
        assertEquals(Duration.ofHours(24), watch.timeout);
        new CommandLine(watch).parseArgs("--timeout", "90s", "r2");
        assertEquals(Duration.ofSeconds(90), watch.timeout);

        RunListCommand list = new RunListCommand();
        new CommandLine(list).parseArgs();
        assertEquals(50, list.limit);
        assertEquals(2, run("run", "list", "--limit", "0"));
        assertTrue(err.toString().startsWith("--limit must be at least 1, not 0"), err.toString());
    }
}
