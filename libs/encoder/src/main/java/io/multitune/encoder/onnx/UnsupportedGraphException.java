package io.multitune.encoder.onnx;

/**
 * The ONNX graph is not a BERT layout this module can train: the message names what did not match, e.g.
 * "layer 3: no bias named encoder.layer.3.attention.self.key.bias".
 */
public class UnsupportedGraphException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnsupportedGraphException(String source, String problem) {
        super("unsupported BERT graph " + source + ": " + problem);
    }
}
