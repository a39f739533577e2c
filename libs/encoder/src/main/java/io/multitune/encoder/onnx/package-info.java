/**
 * ONNX in and out: reading a BERT-layout export into weights (with provenance), writing weights back as an
 * opset-11 graph from small reusable blocks, and running a graph in ONNX Runtime. A trained multi-task model is
 * exported as one file (encoder + one output per task head, heads described in its metadata) by
 * {@link io.multitune.encoder.onnx.OnnxMultiTaskWriter} and served by
 * {@link io.multitune.encoder.onnx.OrtMultiTaskRunner}.
 */
package io.multitune.encoder.onnx;
