package io.multitune.encoder.onnx;

import io.multitune.encoder.weights.BertWeights;

/**
 * BERT weights read from an ONNX file, with the provenance a run records.
 *
 * @param weights the weights (dense layers in [out, in] layout)
 * @param sha256  hex SHA-256 of the ONNX file's bytes
 * @param source  where the file came from (e.g. classpath:all-minilm-l6-v2.onnx)
 * @param opset   the file's default-domain opset
 */
public record BertCheckpoint(BertWeights weights, String sha256, String source, long opset) {
}
