/**
 * Multi-task optimisation, engine-agnostic: how the losses and gradients of T tasks combine into one update.
 *
 * <h2>Design: Gram matrix in, coefficients out</h2>
 * The trainer computes, on the device, the per-task gradients g_i over the trainable parameters (adapters and
 * heads). Those vectors are large and live in engine memory, so this library never sees them. It is handed only
 * small things:
 * <ul>
 *   <li>the T task losses of the step;</li>
 *   <li>for the methods that need gradients ({@link io.multitune.mtl.TaskWeighting#needsGradients()}), the T×T Gram
 *       matrix G_ij = g_i·g_j, which the trainer forms with T(T+1)/2 dot products on the device;</li>
 *   <li>for GradNorm ({@link io.multitune.mtl.TaskWeighting#needsSharedLayerNorms()}), the norms ‖∇_W L_i‖ of the
 *       per-task gradients on one chosen shared layer W.</li>
 * </ul>
 * Every method answers with T coefficients c_i; the trainer forms the update direction d = Σ_i c_i g_i on the
 * device. This is exact, not an approximation: loss weighting is linear in the g_i by definition, and the gradient
 * surgery methods only ever form linear combinations of the g_i — PCGrad's projected g_i' = g_i − (g_i'·g_j/‖g_j‖²) g_j
 * stays in their span, and so does CAGrad's d = g₀ + λ g_w. Tracking each such vector as a coefficient vector a over
 * the original g's, every dot product needed is aᵀ G b, so the whole computation runs on a T×T matrix in
 * microseconds and is unit-tested here without an engine, and one engine-side routine (weighted sum of the
 * per-task gradients) serves all methods.
 *
 * <h2>Call sequence per optimiser step</h2>
 * <ol>
 *   <li>{@link io.multitune.mtl.TaskWeighting#combine combine} with the losses (and the Gram matrix or shared-layer
 *       norms when asked for); apply d = Σ c_i g_i with the trainer's optimiser.</li>
 *   <li>If {@link io.multitune.mtl.TaskWeighting#needsLossesAfterUpdate()} (FAMO), re-evaluate the losses of the
 *       same batch with the updated parameters and pass them to
 *       {@link io.multitune.mtl.TaskWeighting#afterUpdate afterUpdate}.</li>
 *   <li>At the end of every window (epoch or fixed number of steps), pass the window's mean task losses to
 *       {@link io.multitune.mtl.TaskWeighting#endOfWindow endOfWindow} (DWA uses them; the others ignore them).</li>
 * </ol>
 * Checkpoints save {@link io.multitune.mtl.TaskWeighting#state()} (a Jackson-serialisable record) and restore it
 * into a strategy created with the same configuration. Formulas follow the project's METHODS.md ("Task weighting").
 */
package io.multitune.mtl;
