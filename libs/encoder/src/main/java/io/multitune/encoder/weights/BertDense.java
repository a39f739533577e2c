package io.multitune.encoder.weights;

/**
 * The six dense layers of a BERT layer, with the path that Hugging Face (and so every BERT-layout ONNX export)
 * names them by under {@code encoder.layer.N.}.
 */
public enum BertDense {
    QUERY("attention.self.query"),
    KEY("attention.self.key"),
    VALUE("attention.self.value"),
    ATTENTION_OUTPUT("attention.output.dense"),
    INTERMEDIATE("intermediate.dense"),
    OUTPUT("output.dense");

    private final String path;

    BertDense(String path) {
        this.path = path;
    }

    /** The Hugging Face name prefix of this dense layer in layer {@code layer}, e.g. encoder.layer.3.attention.self.key. */
    public String name(int layer) {
        return BertNames.layer(layer) + path;
    }
}
