package io.multitune.scoring;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be scored: missing, unreadable, not ONNX, or not a multitune multi-task model. */
public final class ModelFileException extends IOException {

    private final transient Path file;

    public ModelFileException(Path file, String problem, Throwable cause) {
        super("model file " + file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
