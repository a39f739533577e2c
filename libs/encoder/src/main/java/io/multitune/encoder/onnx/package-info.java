/**
 * ONNX in and out: reading a BERT-layout export into weights (with provenance), writing weights back as an
 * opset-11 graph from small reusable blocks, and running a graph in ONNX Runtime.
 */
package io.multitune.encoder.onnx;
