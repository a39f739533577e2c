/**
 * BERT weights as plain Java values: the contract between the ONNX reader and writer (which need no native engine)
 * and the trainable DJL encoder. Dense weights use PyTorch's [out, in] layout; the ONNX side transposes. Task heads
 * ({@link io.multitune.encoder.weights.TaskHeadWeights}) have a plain-Java reference implementation
 * ({@link io.multitune.encoder.weights.TaskHeadReference}).
 */
package io.multitune.encoder.weights;
