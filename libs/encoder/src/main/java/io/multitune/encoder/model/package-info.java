/**
 * The trainable encoder in DJL (PyTorch engine): functional forward code over explicit parameters, so that a
 * training step is a GradientCollector, a loss, and an optimizer update per trainable parameter. Dense weights are
 * kept in nn.Linear's [out, in] layout, which torch's fused linear takes without a transpose.
 */
package io.multitune.encoder.model;
