package io.multitune.encoder.weights;

/**
 * Hugging Face BERT parameter names, shared by the ONNX reader, the writer and the DJL parameters so that a weight
 * keeps one name everywhere (optimizer state, gradient telemetry, exported graph).
 */
public final class BertNames {

    public static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";
    public static final String POSITION_EMBEDDINGS = "embeddings.position_embeddings.weight";
    public static final String TOKEN_TYPE_EMBEDDINGS = "embeddings.token_type_embeddings.weight";
    public static final String POSITION_IDS = "embeddings.position_ids";
    public static final String EMBEDDINGS_LAYER_NORM = "embeddings.LayerNorm";
    public static final String ATTENTION_LAYER_NORM = "attention.output.LayerNorm";
    public static final String OUTPUT_LAYER_NORM = "output.LayerNorm";
    /** Our own names for the bottleneck adapters; no Hugging Face BERT has them. */
    public static final String ATTENTION_ADAPTER = "attention.output.adapter";
    public static final String OUTPUT_ADAPTER = "output.adapter";

    private BertNames() {
    }

    public static String layer(int layer) {
        return "encoder.layer." + layer + ".";
    }

    public static String bias(String prefix) {
        return prefix + ".bias";
    }

    public static String weight(String prefix) {
        return prefix + ".weight";
    }
}
