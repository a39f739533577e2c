package io.multitune.training.artifacts;

import java.util.List;

/**
 * What {@link JobArtifacts#write} left under the artifact root, ready to map onto an event.
 *
 * @param directory the job directory relative to the root, forward slashes ({@code runs/<run>/<job>})
 * @param files     the model, the adapters and the manifest, in that order
 * @param reused    true when a complete, verified earlier write for the same job was found and kept (a retried
 *                  job): {@code files} then describe that earlier write, and the model passed in was not written
 */
public record WrittenArtifacts(String directory, List<ArtifactFile> files, boolean reused) {

    public WrittenArtifacts {
        files = List.copyOf(files);
    }

    /** The file of a role ({@link ArtifactFile#MODEL}, {@link ArtifactFile#ADAPTERS}, {@link ArtifactFile#MANIFEST}). */
    public ArtifactFile file(String role) {
        return files.stream().filter(f -> f.role().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no artifact of role " + role + " in " + files));
    }

    public ArtifactFile model() {
        return file(ArtifactFile.MODEL);
    }

    public ArtifactFile adapters() {
        return file(ArtifactFile.ADAPTERS);
    }

    public ArtifactFile manifest() {
        return file(ArtifactFile.MANIFEST);
    }
}
