package io.multitune.encoder.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the tensors alone do not say and the graph does: the number of attention heads, the LayerNorm epsilon and
 * the activation. Each look-up recognises the patterns PyTorch's exporter writes (and ours, see OnnxBertBlocks).
 */
final class BertGraphFacts {

    private final OnnxGraphIndex index;

    BertGraphFacts(OnnxGraphIndex index) {
        this.index = index;
    }

    /**
     * Heads from the Reshape of the query projection to [batch, seq, heads, headSize]: its target shape is a
     * constant or a Concat whose last two parts are constants. Falls back on the attention scale 1/√headSize.
     */
    OptionalInt heads(String queryOutput, int hidden) {
        for (NodeProto reshape : index.consumers(queryOutput)) {
            if (reshape.getOpType().equals("Reshape")) {
                List<Long> dims = shapeParts(reshape.getInput(1));
                int n = dims.size();
                if (n >= 2 && dims.get(n - 2) != null && dims.get(n - 1) != null
                        && dims.get(n - 2) * dims.get(n - 1) == hidden && dims.get(n - 2) > 0) {
                    return OptionalInt.of(dims.get(n - 2).intValue());
                }
            }
        }
        return headsFromScale(hidden);
    }

    /** Epsilon of the LayerNorm scaled by {@code gammaName}: an attribute, or the constant added to the variance. */
    Optional<Float> layerNormEps(String gammaName) {
        for (NodeProto node : index.consumers(gammaName)) {
            if (node.getOpType().equals("LayerNormalization")) {
                return Optional.of(OnnxGraphIndex.attribute(node, "epsilon").map(a -> a.getF()).orElse(1e-5f));
            }
            if (node.getOpType().equals("Mul")) {
                Optional<Float> eps = index.producer(OnnxGraphIndex.otherInput(node, gammaName), "Div")
                        .flatMap(div -> index.producer(div.getInput(1), "Sqrt"))
                        .flatMap(sqrt -> index.producer(sqrt.getInput(0), "Add"))
                        .flatMap(this::scalarOperand);
                if (eps.isPresent()) {
                    return eps;
                }
            }
        }
        return Optional.empty();
    }

    /** The op that makes the activation after {@code intermediateOutput}: "Erf"/"Gelu" is BERT's; "Tanh" is not. */
    Optional<String> activation(String intermediateOutput) {
        ArrayDeque<String> frontier = new ArrayDeque<>(List.of(intermediateOutput));
        Set<String> seen = new HashSet<>();
        for (int depth = 0; depth < 6 && !frontier.isEmpty(); depth++) {
            ArrayDeque<String> next = new ArrayDeque<>();
            for (String value : frontier) {
                for (NodeProto node : index.consumers(value)) {
                    String op = node.getOpType();
                    if (op.equals("Erf") || op.equals("Gelu") || op.equals("Tanh") || op.equals("Sigmoid")
                            || op.equals("Relu") || op.equals("FastGelu")) {
                        return Optional.of(op);
                    }
                    node.getOutputList().stream().filter(seen::add).forEach(next::add);
                }
            }
            frontier = next;
        }
        return Optional.empty();
    }

    private OptionalInt headsFromScale(int hidden) {
        // PyTorch's BERT divides Q·Kᵀ by √headSize before adding the mask and taking the Softmax.
        for (NodeProto softmax : index.nodes("Softmax")) {
            String value = softmax.getInput(0);
            for (int hop = 0; hop < 3; hop++) {
                Optional<NodeProto> node = index.producer(value);
                if (node.isEmpty()) {
                    break;
                }
                String op = node.get().getOpType();
                Optional<Float> c = scalarOperand(node.get());
                if ((op.equals("Div") || op.equals("Mul")) && c.isPresent()) {
                    double scale = op.equals("Div") ? c.get() : 1.0 / c.get();
                    long headSize = Math.round(scale * scale);
                    if (headSize > 0 && hidden % headSize == 0) {
                        return OptionalInt.of((int) (hidden / headSize));
                    }
                    return OptionalInt.empty();
                }
                value = node.get().getInput(0);
            }
        }
        return OptionalInt.empty();
    }

    private Optional<Float> scalarOperand(NodeProto node) {
        for (String in : node.getInputList()) {
            Optional<TensorProto> c = index.constant(in);
            if (c.isPresent() && c.get().getDataType() == TensorProto.DataType.FLOAT_VALUE) {
                float[] v = OnnxTensors.toWeight(c.get()).values();
                if (v.length == 1) {
                    return Optional.of(v[0]);
                }
            }
        }
        return Optional.empty();
    }

    /** The parts of a shape value: constants where known, null where computed at run time. */
    private List<Long> shapeParts(String shapeValue) {
        Optional<TensorProto> direct = index.constant(shapeValue);
        List<Long> parts = new ArrayList<>();
        if (direct.isPresent()) {
            for (long v : OnnxTensors.toLongs(direct.get())) {
                parts.add(v);
            }
            return parts;
        }
        Optional<NodeProto> concat = index.producer(shapeValue, "Concat");
        if (concat.isEmpty()) {
            return parts;
        }
        for (String in : concat.get().getInputList()) {
            Optional<TensorProto> c = index.constant(in).filter(t -> t.getDataType() == TensorProto.DataType.INT64_VALUE);
            if (c.isPresent()) {
                for (long v : OnnxTensors.toLongs(c.get())) {
                    parts.add(v);
                }
            } else {
                parts.add(null);
            }
        }
        return parts;
    }
}
