package io.multitune.cli.common;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A pid file: the process id plus what else is worth knowing about the process (port, address, ...), as
 * {@code key=value} lines. It also records the process's start time, so a recycled pid is not taken for ours.
 */
public record PidFile(Path path, long pid, Instant processStart, Map<String, String> attributes) {

    /** Records a started process. */
    public static PidFile write(Path path, Process process, Map<String, String> attributes) {
        return write(path, process.toHandle(), attributes);
    }

    /** Records a running process. */
    public static PidFile write(Path path, ProcessHandle process, Map<String, String> attributes) {
        Instant start = process.info().startInstant().orElse(null);
        Properties props = new Properties();
        props.setProperty("pid", Long.toString(process.pid()));
        if (start != null) {
            props.setProperty("started", start.toString());
        }
        attributes.forEach(props::setProperty);
        ProjectLayout.ensureDir(path.toAbsolutePath().getParent());
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            // sorted, without the date comment Properties.store writes
            for (Map.Entry<String, String> e : new TreeMap<>(propsAsMap(props)).entrySet()) {
                w.write(e.getKey() + "=" + e.getValue().replace("\\", "\\\\") + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
        try {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
        return new PidFile(path, process.pid(), start, Map.copyOf(attributes));
    }

    /** Reads a pid file; empty if it is missing or unreadable. */
    public static Optional<PidFile> read(Path path) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            props.load(r);
            long pid = Long.parseLong(props.getProperty("pid", "").trim());
            String started = props.getProperty("started");
            Map<String, String> attributes = new LinkedHashMap<>(propsAsMap(props));
            attributes.remove("pid");
            attributes.remove("started");
            return Optional.of(new PidFile(path, pid, started == null ? null : Instant.parse(started.trim()),
                    Map.copyOf(attributes)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The recorded process, if it still runs (same pid and, when known, same start time). */
    public Optional<ProcessHandle> process() {
        return Processes.alive(pid).filter(p -> {
            if (processStart == null) {
                return true;
            }
            Optional<Instant> start = p.info().startInstant();
            // start times are rounded differently by different reads: allow a little slack
            return start.isEmpty() || Math.abs(start.get().toEpochMilli() - processStart.toEpochMilli()) < 2_000;
        });
    }

    /** Whether the recorded process still runs. */
    public boolean isAlive() {
        return process().isPresent();
    }

    /** An attribute, or null. */
    public String attribute(String key) {
        return attributes.get(key);
    }

    /** An integer attribute, or {@code fallback}. */
    public int intAttribute(String key, int fallback) {
        try {
            String v = attributes.get(key);
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Removes the pid file. */
    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // stale pid files are recognised by the start time anyway
        }
    }

    private static Map<String, String> propsAsMap(Properties props) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String name : props.stringPropertyNames()) {
            m.put(name, props.getProperty(name));
        }
        return m;
    }
}
