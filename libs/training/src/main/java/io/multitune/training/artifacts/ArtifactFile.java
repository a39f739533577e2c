package io.multitune.training.artifacts;

import java.util.Objects;

/**
 * One file of a job's artifacts, as events carry it: what it is, where it lies relative to the artifact root, and
 * what it must hash to. Readers check both with {@link JobArtifacts#verify}.
 *
 * @param role         {@value #MODEL}, {@value #ADAPTERS} or {@value #MANIFEST}
 * @param relativePath path under the artifact root, forward slashes ({@code runs/<run>/<job>/model.onnx})
 * @param sha256       lower-case hex SHA-256 of the file's bytes
 * @param bytes        the file's size
 */
public record ArtifactFile(String role, String relativePath, String sha256, long bytes) {

    /** The ONNX model: adapters merged, one output per task head. */
    public static final String MODEL = "model";
    /** The trainable weights alone ({@link AdapterFile}). */
    public static final String ADAPTERS = "adapters";
    /** The provenance manifest ({@link ArtifactManifest}). */
    public static final String MANIFEST = "manifest";

    public ArtifactFile {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(sha256, "sha256");
        if (bytes < 0) {
            throw new IllegalArgumentException("negative size " + bytes);
        }
    }
}
