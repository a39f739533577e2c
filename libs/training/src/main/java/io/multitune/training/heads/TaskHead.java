package io.multitune.training.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import io.multitune.encoder.model.Dropouts;
import io.multitune.encoder.weights.DenseWeights;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.encoder.weights.WeightTensor;
import io.multitune.training.batch.TaskTargets;
import io.multitune.training.eval.TaskMetric;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One task's head on the encoder's last hidden state: a dense layer in PyTorch's [out, in] layout (the layout of
 * {@link TaskHeadWeights}), applied to the masked-mean-pooled sentence vector or to every token, with dropout on
 * its input while training. Subclasses define what the dense layer reads, the loss and the validation metric.
 * Parameters live in the model's manager; every array a forward or loss makes belongs to the manager of the
 * hidden state (the step's scratch manager).
 */
public abstract sealed class TaskHead permits SequenceClassificationHead, RegressionHead, TokenClassificationHead,
        SpanHead {

    /** BERT's initializer range: head weights start as N(0, 0.02²), biases at 0. */
    static final double INIT_STD = 0.02;

    private final String taskId;
    private final TaskHeadWeights.Kind kind;
    private final List<String> labels;
    private final Parameter weight;
    private final Parameter bias;
    private final float dropout;

    TaskHead(NDManager manager, String taskId, TaskHeadWeights.Kind kind, List<String> labels, int hidden, int out,
             float dropout, SplittableRandom random) {
        this.taskId = taskId;
        this.kind = kind;
        this.labels = List.copyOf(labels);
        this.dropout = dropout;
        this.weight = parameter(manager, "heads." + taskId + ".dense.weight", Parameter.Type.WEIGHT,
                normal(random, out * hidden), new Shape(out, hidden));
        this.bias = parameter(manager, "heads." + taskId + ".dense.bias", Parameter.Type.BIAS, new float[out],
                new Shape(out));
    }

    public String taskId() {
        return taskId;
    }

    public TaskHeadWeights.Kind kind() {
        return kind;
    }

    /** The labels of the outputs, in order (classification and tagging); empty otherwise. */
    public List<String> labels() {
        return labels;
    }

    /** The dense weight [out, in] and bias [out], in that order. */
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    /** The head's weight matrix (the one per-task L2 acts on). */
    public Parameter weight() {
        return weight;
    }

    /**
     * Logits from the last hidden state [rows, tokens, hidden] and the attention mask [rows, tokens] (int64):
     * [rows, labels], [rows, 1], [rows, tokens, labels] or [rows, tokens, 2] by kind.
     */
    public abstract NDArray logits(NDArray hidden, NDArray mask, boolean training);

    /** The mean loss over the rows (or labelled tokens) and how many it averaged. */
    public abstract HeadLoss loss(NDArray logits, NDArray mask, TaskTargets targets);

    /** A fresh accumulator of this head's main validation metric. */
    public abstract TaskMetric newMetric();

    /** The dense layer with dropout on its input when training. */
    final NDArray dense(NDArray input, boolean training) {
        NDArray x = Dropouts.dropout(input, dropout, training);
        return Linear.linear(x, weight.getArray(), bias.getArray()).singletonOrThrow();
    }

    /** The current weights, engine-free, as the ONNX export and the evaluator read them. */
    public TaskHeadWeights export() {
        NDArray w = weight.getArray();
        DenseWeights dense = new DenseWeights(new WeightTensor(w.getShape().getShape(), w.toFloatArray()),
                new WeightTensor(bias.getArray().getShape().getShape(), bias.getArray().toFloatArray()));
        return new TaskHeadWeights(taskId, kind, dense, labels);
    }

    /** Replaces the weights by exported ones of the same task, kind, labels and shape. */
    public void load(TaskHeadWeights weights) {
        if (!weights.taskId().equals(taskId) || weights.kind() != kind || !weights.labels().equals(labels)) {
            throw new IllegalArgumentException("head weights of task '" + weights.taskId() + "' (" + weights.kind()
                    + ", labels " + weights.labels() + ") do not fit head '" + taskId + "' (" + kind + ", labels "
                    + labels + ")");
        }
        Heads.setValues(weight, weights.dense().weight());
        Heads.setValues(bias, weights.dense().bias());
    }

    private static Parameter parameter(NDManager manager, String name, Parameter.Type type, float[] values,
                                       Shape shape) {
        NDArray array = manager.create(values, shape);
        array.setName(name);
        array.setRequiresGradient(true);
        return Parameter.builder().setName(name).setType(type).optShape(shape).optArray(array).optRequiresGrad(true)
                .build();
    }

    private static float[] normal(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            v[i] = (float) (INIT_STD * Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2));
        }
        return v;
    }

    /** A mean loss and the number of rows or tokens it averages (to weigh it across validation batches). */
    public record HeadLoss(NDArray mean, long count) {
    }
}
