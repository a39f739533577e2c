/**
 * A trained job's artifacts under the artifact root ({@link io.multitune.training.artifacts.JobArtifacts}): the
 * ONNX model with adapters merged and one output per task, the adapter weights alone
 * ({@link io.multitune.training.artifacts.AdapterFile}, safetensors layout) and a provenance manifest
 * ({@link io.multitune.training.artifacts.ArtifactManifest}), written atomically and once per job. Events carry
 * {@link io.multitune.training.artifacts.ArtifactFile}s (path relative to the root and SHA-256), never the bytes.
 */
package io.multitune.training.artifacts;
