package io.multitune.training.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.multitune.encoder.weights.WeightTensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter 2019) on NDArrays, as PyTorch's {@code torch.optim.AdamW} computes it:
 * p ← p (1 − lr·λ); m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
 * Before that, per-parameter L2 (λ_L2·p, the per-task head L2) is added to the gradient and the gradients of all
 * parameters are clipped together to a global L2 norm, as {@code clip_grad_norm_} does (scale
 * max / (norm + 1e-6) when below 1). The learning rate of update t comes from a {@link LearningRateSchedule}.
 * <p>
 * Written here rather than taken from DJL because DJL's optimizers keep their moments in private maps that cannot
 * be saved or restored, and a resumed job must continue bit-identically. State lives in this optimizer's own
 * manager; every temporary of a step lives in a sub-manager closed at the end of the step.
 */
public final class AdamW implements AutoCloseable {

    private final NDManager manager;
    private final AdamWSettings settings;
    private final LearningRateSchedule schedule;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private long updates;

    /** @param parent a manager on the parameters' device; the state lives in a sub-manager of it */
    public AdamW(NDManager parent, AdamWSettings settings, LearningRateSchedule schedule) {
        this.manager = parent.newSubManager();
        this.settings = settings;
        this.schedule = schedule;
    }

    /** What one step did. */
    public record Report(long update, double learningRate, double gradientNorm, double clipScale) {
    }

    /**
     * One update of every given parameter. Refuses (before touching any parameter) a step whose gradient norm is
     * not finite: a NaN would silently destroy the model and its moments.
     */
    public Report step(List<ParameterUpdate> parameters) {
        try (NDManager scratch = manager.newSubManager()) {
            List<NDArray> gradients = new ArrayList<>(parameters.size());
            NDArray squaredNorm = null;
            for (ParameterUpdate u : parameters) {
                scratch.tempAttachAll(u.parameter(), u.gradient());
                NDArray g = u.l2() > 0 ? u.gradient().add(u.parameter().mul((float) u.l2())) : u.gradient();
                gradients.add(g);
                NDArray s;
                try (NDArray squares = g.square()) {
                    s = squares.sum();
                }
                squaredNorm = squaredNorm == null ? s : squaredNorm.add(s);
            }
            double norm = squaredNorm == null ? 0 : Math.sqrt(squaredNorm.toType(DataType.FLOAT64, false).getDouble());
            if (!Double.isFinite(norm)) {
                throw new IllegalStateException("gradient norm is " + norm + " at update " + (updates + 1)
                        + ": the step is refused; non-finite gradients in " + nonFinite(parameters, gradients));
            }
            double clipScale = settings.clips() ? Math.min(1.0, settings.maxGradNorm() / (norm + 1e-6)) : 1.0;
            long t = ++updates;
            double lr = schedule.rate(t);
            for (int i = 0; i < parameters.size(); i++) {
                NDArray g = gradients.get(i);
                if (clipScale < 1.0) {
                    try (NDArray clipped = g.mul((float) clipScale)) {
                        apply(scratch, parameters.get(i), clipped, t, lr);
                    }
                } else {
                    apply(scratch, parameters.get(i), g, t, lr);
                }
            }
            return new Report(t, lr, norm, clipScale);
        }
    }

    private static List<String> nonFinite(List<ParameterUpdate> parameters, List<NDArray> gradients) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            NDArray g = gradients.get(i);
            if (g.isNaN().any().getBoolean() || g.isInfinite().any().getBoolean()) {
                names.add(parameters.get(i).name());
            }
        }
        return names;
    }

    private void apply(NDManager scratch, ParameterUpdate u, NDArray g, long t, double lr) {
        NDArray p = u.parameter();
        NDArray m = firstMoments.computeIfAbsent(u.name(), k -> manager.zeros(p.getShape(), p.getDataType()));
        NDArray v = secondMoments.computeIfAbsent(u.name(), k -> manager.zeros(p.getShape(), p.getDataType()));
        if (!m.getShape().equals(p.getShape())) {
            throw new IllegalStateException("optimizer state of " + u.name() + " has shape " + m.getShape()
                    + ", the parameter " + p.getShape());
        }
        scratch.tempAttachAll(m, v);
        double beta1 = settings.beta1();
        double beta2 = settings.beta2();
        if (u.decay() && settings.weightDecay() > 0) {
            p.muli((float) (1 - lr * settings.weightDecay()));
        }
        // Each temporary is closed as soon as it is used, not with the step's scratch manager: in full fine-tuning
        // they are as large as the parameters, and closing them at once lets the next ones reuse the same
        // (cache-warm) memory instead of growing the step's peak to a few times the model.
        try (NDArray scaled = g.mul((float) (1 - beta1))) {
            m.muli((float) beta1).addi(scaled);
        }
        try (NDArray squares = g.square()) {
            v.muli((float) beta2).addi(squares.muli((float) (1 - beta2)));
        }
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double sqrtCorrection2 = Math.sqrt(1 - Math.pow(beta2, t));
        try (NDArray denominator = v.sqrt()) {
            denominator.divi((float) sqrtCorrection2).addi((float) settings.epsilon());
            try (NDArray update = m.div(denominator)) {
                p.subi(update.muli((float) stepSize));
            }
        }
    }

    /** Updates taken so far (t of the last update). */
    public long updates() {
        return updates;
    }

    /** The learning rate the next update will use. */
    public double nextLearningRate() {
        return schedule.rate(updates + 1);
    }

    public AdamWSettings settings() {
        return settings;
    }

    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** A copy of the state, engine-free. */
    public AdamWState state() {
        Map<String, WeightTensor> first = new LinkedHashMap<>();
        Map<String, WeightTensor> second = new LinkedHashMap<>();
        firstMoments.forEach((name, m) -> first.put(name, values(m)));
        secondMoments.forEach((name, v) -> second.put(name, values(v)));
        return new AdamWState(updates, first, second);
    }

    /** Replaces the state by a checkpointed one. */
    public void restore(AdamWState state) {
        firstMoments.values().forEach(NDArray::close);
        secondMoments.values().forEach(NDArray::close);
        firstMoments.clear();
        secondMoments.clear();
        state.firstMoments().forEach((name, m) -> firstMoments.put(name, create(m)));
        state.secondMoments().forEach((name, v) -> secondMoments.put(name, create(v)));
        updates = state.updates();
    }

    private NDArray create(WeightTensor values) {
        return manager.create(values.values(), new Shape(values.shape()));
    }

    private static WeightTensor values(NDArray array) {
        return new WeightTensor(array.getShape().getShape(), array.toFloatArray());
    }

    @Override
    public void close() {
        manager.close();
    }
}
