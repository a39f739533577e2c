package io.multitune.training.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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
                    digests.put(file.getFileName().toString(), new FileDigest(sha256(file), Files.size(file)));
                    sync(file);
                }
            }
            Path manifest = temp.resolve(MANIFEST);
            json.writeValue(manifest.toFile(), new Manifest(FORMAT, digests));
            sync(manifest);
            Path previous = previous(target);
            deleteRecursively(previous);
            if (Files.exists(target)) {
                move(target, previous);
            }
            move(temp, target);
            deleteRecursively(previous);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(temp);
            throw e;
        }
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
            String actual = Files.exists(file) ? sha256(file) : "missing";
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

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the digest stream hashes as it reads
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        }
    }
}
