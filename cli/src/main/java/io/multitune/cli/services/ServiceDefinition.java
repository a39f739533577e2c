package io.multitune.cli.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One pipeline service the CLI can run: its name, its Maven module folder and its default HTTP port.
 *
 * @param name       the service name, e.g. {@code data-ingest}
 * @param module     the module folder relative to the repository root, e.g. {@code services/data-ingest}
 * @param port       the default HTTP port ({@code quarkus.http.port})
 * @param jvmOptions extra JVM options for this service (e.g. a larger heap for the trainer)
 */
public record ServiceDefinition(String name, String module, int port, List<String> jvmOptions) {
    public ServiceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        jvmOptions = jvmOptions == null ? List.of() : List.copyOf(jvmOptions);
    }

    /** A service with no extra JVM options. */
    public ServiceDefinition(String name, String module, int port) {
        this(name, module, port, List.of());
    }

    /** The module folder. */
    public Path moduleDir(Path root) {
        return root.resolve(module);
    }

    /** Whether the module exists (has a pom.xml). */
    public boolean exists(Path root) {
        return Files.isRegularFile(moduleDir(root).resolve("pom.xml"));
    }

    /** The packaged application: {@code target/quarkus-app/quarkus-run.jar}. */
    public Path runJar(Path root) {
        return moduleDir(root).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /** The readiness endpoint on {@code port}. */
    public static String readinessUrl(int port) {
        return "http://localhost:" + port + "/q/health/ready";
    }
}
