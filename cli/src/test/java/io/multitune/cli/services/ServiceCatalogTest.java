package io.multitune.cli.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.common.CliException;
import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.ProjectLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCatalogTest {
    @TempDir
    Path root;

    private void module(String dir) throws Exception {
        Files.createDirectories(root.resolve(dir));
        Files.writeString(root.resolve(dir).resolve("pom.xml"), "<project/>");
    }

    @Test
    void listsOnlyServicesWhoseModuleExistsInPipelineOrder() throws Exception {
        module("services/trainer");
        module("services/data-ingest");
        ServiceCatalog catalog = new ServiceCatalog(ProjectLayout.at(root));
        assertEquals(List.of("data-ingest", "trainer"), catalog.available().stream().map(ServiceDefinition::name).toList());
        assertEquals(8081, catalog.require("data-ingest").port());
        assertEquals(8083, catalog.require("trainer").port());
        assertEquals(List.of("data-ingest", "trainer"),
                catalog.select(List.of("trainer", "data-ingest")).stream().map(ServiceDefinition::name).toList());

        CliException planned = assertThrows(CliException.class, () -> catalog.require("sampler"));
        assertEquals("service sampler is not in this repository yet; available: data-ingest, trainer", planned.getMessage());
        CliException unknown = assertThrows(CliException.class, () -> catalog.select(List.of("nope")));
        assertTrue(unknown.getMessage().startsWith("unknown service nope"), unknown.getMessage());
    }

    @Test
    void theSamplerAndDataIngestRunWithTheParallelCollectorALargeYoungGenerationAndTheirOwnCompilers() {
        for (String name : List.of("data-ingest", "sampler")) {
            List<String> options = jvmOptions(name);
            assertTrue(options.containsAll(List.of("-XX:+UseParallelGC", "-Xmn1g", "-XX:+AlwaysPreTouch")),
                    name + ": " + options);
        }
        assertTrue(jvmOptions("sampler").contains("-XX:TieredStopAtLevel=1"));
        assertFalse(jvmOptions("data-ingest").contains("-XX:TieredStopAtLevel=1"));
        assertTrue(jvmOptions("data-ingest").contains("-XX:-TieredCompilation"));
        assertFalse(jvmOptions("sampler").contains("-XX:-TieredCompilation"));
    }

    @Test
    void theTrainerAddsTheVectorModuleItsDropoutDrawsWith() {
        List<String> options = jvmOptions("trainer");
        int at = options.indexOf("--add-modules");
        assertTrue(at >= 0 && ServiceCatalog.VECTOR_MODULE.equals(options.get(at + 1)), options.toString());
        assertFalse(jvmOptions("evaluator").contains("--add-modules"), "only the trainer draws dropout masks");
    }

    private static List<String> jvmOptions(String name) {
        return ServiceCatalog.ALL.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().jvmOptions();
    }

    @Test
    void thePlannedPortsAreDistinct() {
        assertEquals(List.of(8081, 8082, 8083, 8084, 8085), ServiceCatalog.ALL.stream().map(ServiceDefinition::port).toList());
    }

    @Test
    void serviceEnvironmentAndFiles() throws Exception {
        module("services/data-ingest");
        ProjectLayout layout = ProjectLayout.at(root);
        ServiceLauncher launcher = new ServiceLauncher(layout, KafkaSettings.forBootstrap("localhost:19092"));
        Map<String, String> env = launcher.environment(Map.of("EXTRA", "1", "KAFKA_BOOTSTRAP_SERVERS", "localhost:29092"));
        assertEquals("true", env.get("DJL_OFFLINE"));
        assertEquals("true", env.get("OPT_OUT_TRACKING"));
        assertEquals("PASSIVE", env.get("OMP_WAIT_POLICY"));
        assertEquals("localhost:29092", env.get("KAFKA_BOOTSTRAP_SERVERS"), "extra variables win");
        assertEquals(root.resolve(".multitune/artifacts").toString(), env.get("MULTITUNE_ARTIFACT_ROOT"));
        assertEquals("1", env.get("EXTRA"));

        ServiceDefinition ingest = launcher.catalog().require("data-ingest");
        assertEquals(root.resolve(".multitune/run/data-ingest.pid"), launcher.pidFile(ingest, 8081));
        assertEquals(root.resolve(".multitune/logs/data-ingest-18081.log"), launcher.logFile(ingest, 18081));
        assertEquals(root.resolve("services/data-ingest/target/quarkus-app/quarkus-run.jar"), ingest.runJar(root));
    }

    @Test
    void statusTable() {
        String table = ServicesCommand.table(List.of(
                new ServiceLauncher.Status("data-ingest", 8081, 1234L, true, true),
                new ServiceLauncher.Status("trainer", 8083, null, false, false)));
        assertEquals("""
                NAME         PID       PORT   READY
                data-ingest  1234      8081   yes
                trainer      -         8083   stopped
                """, table);
    }
}
