package io.multitune.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.multitune.training.batch.AssembledBatch;
import io.multitune.training.batch.TaskBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The per-task gradients of one step, kept on the device: for each pulling task a forward and a backward on its
 * own rows, its gradient over all trainable parameters flattened into row i of a [T, P] matrix (zeros for tasks
 * that do not pull), the parameters' accumulated gradients zeroed between tasks. Only T×T and T scalars (Gram
 * matrix, shared-layer norms, losses) ever reach the host; the update direction Σ c_i g_i is formed on the device
 * and cut back into per-parameter gradients.
 */
final class PerTaskGradients {

    private static final long GRAM_BLOCK = 1 << 20;

    private final MultiTaskModel model;
    private final NDManager scratch;
    private final NDArray matrix;
    private final double[] losses;
    private final double[] sharedLayerNorms;

    private PerTaskGradients(MultiTaskModel model, NDManager scratch, NDArray matrix, double[] losses,
                             double[] sharedLayerNorms) {
        this.model = model;
        this.scratch = scratch;
        this.matrix = matrix;
        this.losses = losses;
        this.sharedLayerNorms = sharedLayerNorms;
    }

    /** Runs the T forward and backward passes; arrays live in {@code scratch}. */
    static PerTaskGradients compute(MultiTaskModel model, NDManager scratch, AssembledBatch batch, boolean[] pulling) {
        List<Parameter> parameters = model.trainableParameters();
        Set<Parameter> shared = Set.copyOf(model.sharedLayer());
        long size = parameters.stream().mapToLong(p -> p.getArray().size()).sum();
        int tasks = model.tasks();
        double[] losses = new double[tasks];
        double[] norms = new double[tasks];
        NDList rows = new NDList(tasks);
        for (int i = 0; i < tasks; i++) {
            losses[i] = Double.NaN;
            TaskBatch task = pulling[i] ? batch.task(i).orElse(null) : null;
            if (task == null) {
                rows.add(scratch.zeros(new Shape(size), DataType.FLOAT32));
                continue;
            }
            try (GradientCollector collector = scratch.getEngine().newGradientCollector()) {
                NDArray loss = TaskLosses.single(model, scratch, task, true);
                losses[i] = loss.getFloat();
                if (!Double.isFinite(losses[i])) {
                    throw new IllegalStateException("the training loss of task '" + task.taskId() + "' is "
                            + losses[i]);
                }
                collector.backward(loss);
            }
            NDList flat = new NDList(parameters.size());
            NDArray sharedSquares = scratch.zeros(new Shape());
            for (Parameter p : parameters) {
                NDArray gradient = p.getArray().getGradient();
                gradient.attach(scratch);
                flat.add(gradient.reshape(-1));
                if (shared.contains(p)) {
                    sharedSquares = sharedSquares.add(gradient.square().sum());
                }
            }
            rows.add(NDArrays.concat(flat));
            norms[i] = Math.sqrt(sharedSquares.getFloat());
            flat.close();
            model.zeroGradients();
        }
        NDArray matrix = NDArrays.stack(rows);
        rows.close();
        return new PerTaskGradients(model, scratch, matrix, losses, norms);
    }

    /** L_i of the pulling tasks, NaN for the others. */
    double[] losses() {
        return losses;
    }

    /** ‖∇_W L_i‖ on the model's shared layer (GradNorm). */
    double[] sharedLayerNorms() {
        return sharedLayerNorms;
    }

    /**
     * G = g gᵀ, the T×T Gram matrix, accumulated in double precision on the device, a block of columns at a time
     * (a float32 dot product over millions of entries loses the small cross terms PCGrad decides on; a double copy
     * of the whole matrix would double its memory).
     */
    double[][] gram() {
        int tasks = (int) matrix.getShape().get(0);
        long size = matrix.getShape().get(1);
        NDArray gram = scratch.zeros(new Shape(tasks, tasks), DataType.FLOAT64);
        for (long from = 0; from < size; from += GRAM_BLOCK) {
            long to = Math.min(size, from + GRAM_BLOCK);
            try (NDArray block = matrix.get(":, " + from + ":" + to).toType(DataType.FLOAT64, true)) {
                gram.addi(block.matMul(block.transpose()));
            }
        }
        double[] flat = gram.toDoubleArray();
        double[][] result = new double[tasks][tasks];
        for (int i = 0; i < tasks; i++) {
            System.arraycopy(flat, i * tasks, result[i], 0, tasks);
        }
        return result;
    }

    /** Σ c_i g_i, cut into one gradient per trainable parameter (arrays of the scratch manager). */
    List<NDArray> combine(double[] coefficients) {
        float[] c = new float[coefficients.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = (float) coefficients[i];
        }
        NDArray direction = scratch.create(c, new Shape(1, c.length)).matMul(matrix).reshape(-1);
        List<NDArray> gradients = new ArrayList<>();
        long offset = 0;
        for (Parameter p : model.trainableParameters()) {
            long n = p.getArray().size();
            gradients.add(direction.get(offset + ":" + (offset + n)).reshape(p.getArray().getShape()));
            offset += n;
        }
        return gradients;
    }
}
