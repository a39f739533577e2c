package io.multitune.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.multitune.encoder.model.AdapterSpec;
import io.multitune.encoder.model.BertEncoder;
import io.multitune.encoder.model.EncoderOptions;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertNames;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.TaskHeadWeights;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.training.heads.TaskHead;
import io.multitune.training.heads.TaskHeads;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The model of one job: the shared encoder and one head per task, in the job's task order. Its trainable
 * parameters are the encoder's (adapters, or every weight when fully fine-tuned) followed by the heads', in a
 * stable order that optimizer state, checkpoints and the flattened per-task gradients all follow.
 */
public final class MultiTaskModel implements AutoCloseable {

    private final NDManager manager;
    private final BertEncoder encoder;
    private final List<TaskHead> heads;
    private final List<Parameter> trainable;

    private MultiTaskModel(NDManager manager, BertEncoder encoder, List<TaskHead> heads) {
        this.manager = manager;
        this.encoder = encoder;
        this.heads = List.copyOf(heads);
        List<Parameter> all = new ArrayList<>(encoder.trainableParameters());
        heads.forEach(h -> all.addAll(h.parameters()));
        this.trainable = Collections.unmodifiableList(all);
    }

    /**
     * Builds the encoder from pretrained weights and a fresh head per task; heads are initialised from
     * {@code seed} and the task's position, so the same job setup always starts from the same weights.
     */
    public static MultiTaskModel create(NDManager parent, BertWeights weights, EncoderOptions options,
                                        List<TaskPlan> tasks, long seed) {
        NDManager manager = parent.newSubManager();
        try {
            BertEncoder encoder = BertEncoder.create(manager, weights, options);
            List<TaskHead> heads = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                long headSeed = seed * 0x9E3779B97F4A7C15L + 31L * (i + 1);
                heads.add(TaskHeads.create(manager, tasks.get(i), weights.config().hidden(), options.hiddenDropout(),
                        headSeed));
            }
            return new MultiTaskModel(manager, encoder, heads);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public BertEncoder encoder() {
        return encoder;
    }

    public List<TaskHead> heads() {
        return heads;
    }

    public TaskHead head(int task) {
        return heads.get(task);
    }

    public int tasks() {
        return heads.size();
    }

    /** The manager holding the parameters; per-step scratch managers are its sub-managers. */
    public NDManager manager() {
        return manager;
    }

    /** Encoder's trainable parameters, then each head's weight and bias. */
    public List<Parameter> trainableParameters() {
        return trainable;
    }

    /** The last hidden state of a batch, its arrays created in {@code scratch}. */
    public NDArray encode(NDManager scratch, EncodedBatch batch, boolean training) {
        return encoder.forward(scratch, batch, training);
    }

    /**
     * The shared layer GradNorm balances gradient norms on: the trainable parameters of the last encoder layer
     * (its LoRA A and B, or its bottleneck adapters), or its output dense weight when the encoder is fully
     * fine-tuned. Empty for a frozen encoder.
     */
    public List<Parameter> sharedLayer() {
        String prefix = BertNames.layer(encoder.config().layers() - 1);
        if (encoder.options().adapter() instanceof AdapterSpec.Full) {
            String name = prefix + "output.dense.weight";
            return encoder.trainableParameters().stream().filter(p -> p.getName().equals(name)).toList();
        }
        return encoder.trainableParameters().stream().filter(p -> p.getName().startsWith(prefix)).toList();
    }

    /** Sets the accumulated gradient of every trainable parameter to zero. */
    public void zeroGradients() {
        for (Parameter p : trainable) {
            try (NDArray gradient = p.getArray().getGradient()) {
                gradient.subi(gradient);
            }
        }
    }

    /** The weights for serving: the encoder with LoRA merged (adapters kept) and every head. */
    public Exported export() {
        return new Exported(encoder.exportWeights(), heads.stream().map(TaskHead::export).toList());
    }

    /** An exported model: what the ONNX writer takes. */
    public record Exported(BertWeights encoder, List<TaskHeadWeights> heads) {
        public Exported {
            heads = List.copyOf(heads);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
