package io.multitune.training.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A checkpoint directory written atomically: files go to a temporary sibling directory, are flushed to disk,
 * listed with their SHA-256 in {@code manifest.json}, and the directory is then renamed into place. An existing
 * checkpoint is first renamed to {@code <name>.previous} and removed after the swap; {@link #open} falls back to it
 * if a crash struck between the two renames. Reading verifies every listed file's digest.
 */
public final class CheckpointDirectory {

    public static final String MANIFEST = "manifest.json";
    public static final int FORMAT = 1;

    private CheckpointDirectory() {
    }

    /** Writes the files a writer produces into a temporary directory. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path directory) throws IOException;
    }

    /** The manifest: format, and per file its SHA-256 and size. */
    public record Manifest(int format, Map<String, FileDigest> files) {
    }

    public record FileDigest(String sha256, long bytes) {
    }

    public static void write(Path target, Contents contents, ObjectMapper json) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            contents.writeInto(temp);
            Map<String, FileDigest> digests = new LinkedHashMap<>();
            try (Stream<Path> files = Files.list(temp)) {
                for (Path file : files.sorted().toList()) {
                    digests.put(file.getFileName().toString(), new FileDigest(DurableFiles.sha256(file), Files.size(file)));
                    DurableFiles.sync(file);
                }
            }
            Path manifest = temp.resolve(MANIFEST);
            json.writeValue(manifest.toFile(), new Manifest(FORMAT, digests));
            DurableFiles.sync(manifest);
            Path previous = previous(target);
            DurableFiles.deleteRecursively(previous);
            if (Files.exists(target)) {
                DurableFiles.move(target, previous);
            }
            DurableFiles.move(temp, target);
            DurableFiles.deleteRecursively(previous);
        } catch (IOException | RuntimeException e) {
            DurableFiles.deleteRecursively(temp);
            throw e;
        }
    }

    /** Whether a checkpoint was written at {@code target} (or survives as its previous version after a crash). */
    public static boolean exists(Path target) {
        return Files.exists(target) || Files.exists(previous(target));
    }

    /** The directory to read (the checkpoint, or its previous version after an interrupted swap), verified. */
    public static Path open(Path target, ObjectMapper json) throws IOException {
        Path dir = Files.exists(target.resolve(MANIFEST)) ? target : previous(target);
        if (!Files.exists(dir.resolve(MANIFEST))) {
            throw new IOException("no checkpoint at " + target);
        }
        Manifest manifest = json.readValue(dir.resolve(MANIFEST).toFile(), Manifest.class);
        if (manifest.format() != FORMAT) {
            throw new IOException("checkpoint " + dir + " has format " + manifest.format() + ", expected " + FORMAT);
        }
        for (Map.Entry<String, FileDigest> e : manifest.files().entrySet()) {
            Path file = dir.resolve(e.getKey());
            String actual = Files.exists(file) ? DurableFiles.sha256(file) : "missing";
            if (!actual.equals(e.getValue().sha256())) {
                throw new IOException("checkpoint file " + file + " is corrupt: sha256 " + actual + ", manifest says "
                        + e.getValue().sha256());
            }
        }
        return dir;
    }

    private static Path previous(Path target) {
        return target.resolveSibling(target.getFileName() + ".previous");
    }




}
