package io.multitune.cli.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where things are on disk: the repository root and the git-ignored {@code .multitune/} state folder.
 *
 * <pre>
 * .multitune/broker/      the local broker: server.properties, data/, logs/
 * .multitune/run/         pid files (broker.pid, data-ingest.pid, ...)
 * .multitune/logs/        service logs (data-ingest.log, ...) and build logs
 * .multitune/artifacts/   the artifact root (models, checkpoints, reports)
 * </pre>
 *
 * <p>The root is {@code $MULTITUNE_HOME} (the launcher sets it), else the nearest folder at or above the working
 * directory, else at or above the CLI's code, that holds {@code pom.xml}, {@code mvnw} and {@code cli/pom.xml}.
 */
public final class ProjectLayout {
    /** Environment variable naming the repository root; {@code ./multitune} sets it. */
    public static final String HOME_ENV = "MULTITUNE_HOME";

    private final Path root;

    private ProjectLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The layout rooted at {@code root} (not checked). */
    public static ProjectLayout at(Path root) {
        return new ProjectLayout(root);
    }

    /**
     * Finds the repository root.
     *
     * @throws CliException if neither {@code $MULTITUNE_HOME}, the working directory nor the CLI's code is in it
     */
    public static ProjectLayout detect() {
        return find().orElseThrow(() -> new CliException(
                "cannot find the multitune repository (no pom.xml, mvnw and cli/ at or above "
                        + Path.of("").toAbsolutePath() + "); run from the repository or set " + HOME_ENV));
    }

    /** The repository root, if one can be found. */
    public static Optional<ProjectLayout> find() {
        String home = System.getenv(HOME_ENV);
        if (home != null && !home.isBlank() && isRoot(Path.of(home))) {
            return Optional.of(new ProjectLayout(Path.of(home)));
        }
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        try {
            var source = ProjectLayout.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                starts.add(Path.of(source.getLocation().toURI()).toAbsolutePath());
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException ignored) {
            // only a fallback
        }
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (isRoot(p)) {
                    return Optional.of(new ProjectLayout(p));
                }
            }
        }
        return Optional.empty();
    }

    static boolean isRoot(Path p) {
        return Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("mvnw"))
                && Files.isRegularFile(p.resolve("cli").resolve("pom.xml"));
    }

    /** The repository root. */
    public Path root() {
        return root;
    }

    /** {@code .multitune/}: local state, git-ignored. */
    public Path stateDir() {
        return root.resolve(".multitune");
    }

    /** {@code .multitune/broker/}: the local broker's config, data and logs. */
    public Path brokerDir() {
        return stateDir().resolve("broker");
    }

    /** {@code .multitune/run/}: pid files. */
    public Path runDir() {
        return stateDir().resolve("run");
    }

    /** {@code .multitune/logs/}: service and build logs. */
    public Path logsDir() {
        return stateDir().resolve("logs");
    }

    /** {@code .multitune/artifacts/}: the artifact root of local runs. */
    public Path artifactsDir() {
        return stateDir().resolve("artifacts");
    }

    /** The pid file of the local broker. */
    public Path brokerPidFile() {
        return runDir().resolve("broker.pid");
    }

    /** The standalone broker's classpath, written by the CLI's build (see cli/broker-runtime/pom.xml). */
    public Path brokerClasspathFile() {
        return root.resolve("cli").resolve("target").resolve("broker-classpath.txt");
    }

    /** The Maven wrapper. */
    public Path mvnw() {
        return root.resolve("mvnw");
    }

    /** A module folder, e.g. {@code services/data-ingest}. */
    public Path module(String relativePath) {
        return root.resolve(relativePath);
    }

    /** Deletes a folder and everything in it; a folder that does not exist is fine. */
    public static void deleteTree(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        }
    }

    /** Creates a folder (and its parents) if missing and returns it. */
    public static Path ensureDir(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code path} relative to the root when inside it, for messages. */
    public String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
