/**
 * The model side of the trainer: a pretrained BERT-layout encoder read from ONNX
 * ({@link io.multitune.encoder.onnx.OnnxBertReader}), trained in DJL with LoRA, bottleneck adapters or in full
 * ({@link io.multitune.encoder.model.BertEncoder}), tokenised by its tokenizer.json
 * ({@link io.multitune.encoder.tokens.BertTokenization}), written back as ONNX
 * ({@link io.multitune.encoder.onnx.OnnxBertWriter}; with task heads, as one file per trained multi-task model,
 * {@link io.multitune.encoder.onnx.OnnxMultiTaskWriter}, served by
 * {@link io.multitune.encoder.onnx.OrtMultiTaskRunner})
 * and checked against ONNX Runtime
 * ({@link io.multitune.encoder.ParityCheck}). The default encoder is all-MiniLM-L6-v2 ({@link MiniLmL6V2}).
 * Plain Java: no Quarkus, no Kafka.
 */
package io.multitune.encoder;
