package io.multitune.encoder.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.weights.BertConfig;
import io.multitune.encoder.weights.BertLayerWeights;
import io.multitune.encoder.weights.BertNames;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.EmbeddingWeights;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A post-LayerNorm BERT encoder as functional DJL code over explicit {@link Parameter}s (PyTorch engine): erf GELU,
 * LayerNorm eps from the model, additive attention mask, token type ids; returns last_hidden_state
 * [batch, seq, hidden].
 *
 * <p>Training: run {@link #forward} inside a {@code GradientCollector}, back-propagate, then for each of
 * {@link #trainableParameters()} call {@code optimizer.update(p.getId(), p.getArray(), grad)} with
 * {@code grad = p.getArray().getGradient()} closed afterwards (each call makes a new handle). DJL's optimizers zero
 * the gradient they applied; {@link #zeroGradients()} does it without an update.
 *
 * <p>Memory: every array the forward pass makes belongs to the manager of {@code inputIds}, so a per-batch manager
 * closed after the step frees them all; parameters live in this encoder's own manager until {@link #close()}.
 */
public final class BertEncoder implements AutoCloseable {

    private final NDManager manager;
    private final BertConfig config;
    private final EncoderOptions options;
    private final EncoderParameters parameters;
    private final Parameter wordEmbeddings;
    private final Parameter positionEmbeddings;
    private final Parameter tokenTypeEmbeddings;
    private final Parameter[] embeddingNorm;
    private final List<EncoderLayer> layers = new ArrayList<>();

    private BertEncoder(NDManager manager, BertWeights weights, EncoderOptions options) {
        this.manager = manager;
        this.config = weights.config();
        this.options = options;
        this.parameters = new EncoderParameters(manager);
        boolean full = options.adapter() instanceof AdapterSpec.Full;
        EmbeddingWeights e = weights.embeddings();
        wordEmbeddings = parameters.create(BertNames.WORD_EMBEDDINGS, e.word(), Parameter.Type.WEIGHT, full);
        positionEmbeddings = parameters.create(BertNames.POSITION_EMBEDDINGS, e.position(), Parameter.Type.WEIGHT, full);
        tokenTypeEmbeddings = parameters.create(BertNames.TOKEN_TYPE_EMBEDDINGS, e.tokenType(), Parameter.Type.WEIGHT,
                full);
        embeddingNorm = EncoderLayer.layerNorm(parameters, BertNames.EMBEDDINGS_LAYER_NORM, e.layerNorm(), full);
        SplittableRandom random = new SplittableRandom(options.seed());
        for (int i = 0; i < config.layers(); i++) {
            layers.add(new EncoderLayer(parameters, i, weights.layer(i), config, options, random.split()));
        }
    }

    /**
     * Builds the encoder's parameters in a sub-manager of {@code parent} (which fixes the device). The first call
     * in a process tunes glibc's malloc for the engine's large tensors, see {@link NativeAllocator}.
     */
    public static BertEncoder create(NDManager parent, BertWeights weights, EncoderOptions options) {
        NativeAllocator.tune();
        NDManager manager = parent.newSubManager();
        try {
            return new BertEncoder(manager, weights, options);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** int64 [batch, seq] inputs → last_hidden_state float32 [batch, seq, hidden]. */
    public NDArray forward(NDArray inputIds, NDArray attentionMask, NDArray tokenTypeIds, boolean training) {
        return forward(inputIds, attentionMask, tokenTypeIds, training, true);
    }

    /**
     * @param padded false only when every attention-mask entry is known to be 1: the mask's additive bias is then 0
     *               everywhere and adding it to the attention scores is skipped (x + 0 = x, the same result)
     */
    private NDArray forward(NDArray inputIds, NDArray attentionMask, NDArray tokenTypeIds, boolean training,
                            boolean padded) {
        long seq = inputIds.getShape().get(1);
        if (seq > config.maxPositions()) {
            throw new IllegalArgumentException("sequence of " + seq + " tokens exceeds the encoder's "
                    + config.maxPositions() + " positions");
        }
        NDArray positions = inputIds.getManager().arange(0, (int) seq, 1, DataType.INT64);
        NDArray x = lookup(inputIds, wordEmbeddings)
                .add(lookup(tokenTypeIds, tokenTypeEmbeddings))
                .add(lookup(positions, positionEmbeddings));
        x = EncoderLayer.dropout(EncoderLayer.normalise(x, embeddingNorm, config), options.hiddenDropout(), training);
        // 0 where attended, -max float where padded (Hugging Face's value), broadcast over heads and queries.
        NDArray maskBias = padded
                ? attentionMask.toType(DataType.FLOAT32, false).sub(1f).mul(Float.MAX_VALUE)
                        .reshape(new Shape(attentionMask.getShape().get(0), 1, 1, seq))
                : null;
        for (EncoderLayer layer : layers) {
            x = layer.forward(x, maskBias, training);
        }
        return x;
    }

    /** {@code inputs} = input_ids, attention_mask, token_type_ids (as {@link EncodedBatch#toNDList}). */
    public NDArray forward(NDList inputs, boolean training) {
        return forward(inputs.get(0), inputs.get(1), inputs.get(2), training);
    }

    /**
     * Creates the batch's arrays in {@code batchManager} and runs the forward pass there. A batch without padding
     * (every sequence as long as the batch) skips the attention mask's additive bias, which is 0 everywhere then.
     */
    public NDArray forward(NDManager batchManager, EncodedBatch batch, boolean training) {
        NDList inputs = batch.toNDList(batchManager);
        return forward(inputs.get(0), inputs.get(1), inputs.get(2), training, hasPadding(batch.attentionMask()));
    }

    private static boolean hasPadding(long[] attentionMask) {
        for (long m : attentionMask) {
            if (m != 1L) {
                return true;
            }
        }
        return false;
    }

    public BertConfig config() {
        return config;
    }

    public EncoderOptions options() {
        return options;
    }

    /** The manager holding the parameters (its device is the encoder's device). */
    public NDManager manager() {
        return manager;
    }

    /** Every parameter, Hugging Face names (LoRA as ...query.lora_A.weight), in a stable order. */
    public List<Parameter> parameters() {
        return parameters.all();
    }

    /**
     * The parameters the method trains, in a stable order: all of them for full fine-tuning, only LoRA's A and B
     * or the bottleneck adapters otherwise, none when frozen. Give these to the optimizer and to gradient
     * surgery (PCGrad, CAGrad, ...).
     */
    public List<Parameter> trainableParameters() {
        return parameters.trainable();
    }

    public long trainableParameterCount() {
        return trainableParameters().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /** Sets every trainable parameter's accumulated gradient to zero. */
    public void zeroGradients() {
        for (Parameter p : trainableParameters()) {
            try (NDArray gradient = p.getArray().getGradient()) {
                gradient.subi(gradient);
            }
        }
    }

    /** The current weights as plain values, LoRA merged into the dense weights, bottleneck adapters kept. */
    public BertWeights exportWeights() {
        EmbeddingWeights embeddings = new EmbeddingWeights(EncoderParameters.values(wordEmbeddings),
                EncoderParameters.values(positionEmbeddings), EncoderParameters.values(tokenTypeEmbeddings),
                EncoderLayer.exportNorm(embeddingNorm));
        List<BertLayerWeights> exported = layers.stream().map(EncoderLayer::export).toList();
        return new BertWeights(config, embeddings, exported);
    }

    @Override
    public void close() {
        manager.close();
    }

    private static NDArray lookup(NDArray ids, Parameter table) {
        return Embedding.embedding(ids, table.getArray(), SparseFormat.DENSE).singletonOrThrow();
    }
}
