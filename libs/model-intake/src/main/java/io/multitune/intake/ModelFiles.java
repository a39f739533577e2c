package io.multitune.intake;

import io.multitune.events.EvaluationFailed.Problem;
import io.multitune.events.ModelTrained;
import io.multitune.training.artifacts.JobArtifacts;
import io.multitune.training.checkpoint.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model-trained event's ONNX file, checked before use: listed, under the artifact root, of the event's size and
 * SHA-256. Events carry paths and hashes, never files, so a reader that skipped this would score whatever lies there.
 */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** The event's {@code model} artifact. */
    public static ModelTrained.Artifact modelArtifact(ModelTrained trained) throws IntakeFailure {
        return trained.artifact("model").orElseThrow(() -> new IntakeFailure(Problem.MODEL_MISSING, "artifacts",
                "model-trained event of job " + trained.jobId() + " lists no artifact with role 'model'"));
    }

    /** The verified file of an artifact. */
    public static Path verified(Path artifactRoot, ModelTrained.Artifact artifact) throws IntakeFailure {
        Path file = resolve(artifactRoot, artifact);
        if (!Files.isRegularFile(file)) {
            throw new IntakeFailure(Problem.MODEL_MISSING, artifact.path(), "model file " + artifact.path()
                    + " does not exist under the artifact root " + artifactRoot.toAbsolutePath());
        }
        try {
            long size = Files.size(file);
            if (size != artifact.bytes()) {
                throw new IntakeFailure(Problem.MODEL_HASH_MISMATCH, artifact.path(), "model file "
                        + artifact.path() + " has " + size + " bytes, the event says " + artifact.bytes());
            }
            String sha256 = DurableFiles.sha256(file);
            if (!sha256.equalsIgnoreCase(artifact.sha256())) {
                throw new IntakeFailure(Problem.MODEL_HASH_MISMATCH, artifact.path(), "model file "
                        + artifact.path() + " has SHA-256 " + sha256 + ", the event says " + artifact.sha256());
            }
        } catch (IOException e) {
            throw new IntakeFailure(Problem.MODEL_UNREADABLE, artifact.path(), "model file " + artifact.path()
                    + " cannot be read: " + e.getMessage(), e);
        }
        return file;
    }

    private static Path resolve(Path artifactRoot, ModelTrained.Artifact artifact) throws IntakeFailure {
        try {
            return JobArtifacts.resolve(artifactRoot, artifact.path());
        } catch (IllegalArgumentException e) {
            throw new IntakeFailure(Problem.MODEL_MISSING, artifact.path(), "model path '" + artifact.path()
                    + "' is not a path under the artifact root: " + e.getMessage(), e);
        }
    }
}
