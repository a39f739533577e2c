package io.multitune.training.artifacts;

import java.io.IOException;

/** An artifact is missing, has another size, or does not hash to the SHA-256 its event or manifest gives. */
public final class ArtifactVerificationException extends IOException {

    public ArtifactVerificationException(String message) {
        super(message);
    }
}
