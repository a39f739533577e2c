package io.multitune.encoder.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Look-ups over an ONNX graph: tensors by name, the node producing a value, the nodes consuming it, and the
 * "bias added to a MatMul" pattern by which exporters' anonymous weights ({@code onnx::MatMul_787}) get their
 * real names.
 */
final class OnnxGraphIndex {

    /** {@code output = input × weight + bias}: a dense layer as exported (weight stored [in, out]). */
    record BiasedMatMul(String input, String weight, String output) {
    }

    private final Map<String, TensorProto> initializers = new HashMap<>();
    private final Map<String, TensorProto> constants = new HashMap<>();
    private final Map<String, NodeProto> producers = new HashMap<>();
    private final Map<String, List<NodeProto>> consumers = new HashMap<>();
    private final Map<String, BiasedMatMul> matMulByBias = new HashMap<>();
    private final List<NodeProto> nodes;

    OnnxGraphIndex(GraphProto graph) {
        nodes = graph.getNodeList();
        for (TensorProto t : graph.getInitializerList()) {
            initializers.put(t.getName(), t);
        }
        for (NodeProto node : graph.getNodeList()) {
            for (String out : node.getOutputList()) {
                producers.put(out, node);
            }
            for (String in : node.getInputList()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(node);
            }
            if (node.getOpType().equals("Constant")) {
                attribute(node, "value").ifPresent(a -> constants.put(node.getOutput(0), a.getT()));
            }
        }
        for (NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals("Add") && node.getInputCount() == 2) {
                indexBiasedMatMul(node, 0);
                indexBiasedMatMul(node, 1);
            }
        }
    }

    Optional<TensorProto> initializer(String name) {
        return Optional.ofNullable(initializers.get(name));
    }

    /** An initializer or the value of a Constant node. */
    Optional<TensorProto> constant(String name) {
        TensorProto t = initializers.get(name);
        return Optional.ofNullable(t != null ? t : constants.get(name));
    }

    Optional<BiasedMatMul> matMulWithBias(String biasName) {
        return Optional.ofNullable(matMulByBias.get(biasName));
    }

    /** The nodes of one op type, in graph order. */
    List<NodeProto> nodes(String opType) {
        return nodes.stream().filter(n -> n.getOpType().equals(opType)).toList();
    }

    Optional<NodeProto> producer(String value) {
        return Optional.ofNullable(producers.get(value));
    }

    List<NodeProto> consumers(String value) {
        return consumers.getOrDefault(value, List.of());
    }

    Optional<NodeProto> consumer(String value, String opType) {
        return consumers(value).stream().filter(n -> n.getOpType().equals(opType)).findFirst();
    }

    /** The producer of {@code value} if it is an {@code opType} node. */
    Optional<NodeProto> producer(String value, String opType) {
        return producer(value).filter(n -> n.getOpType().equals(opType));
    }

    static Optional<AttributeProto> attribute(NodeProto node, String name) {
        return node.getAttributeList().stream().filter(a -> a.getName().equals(name)).findFirst();
    }

    /** The input of a two-input node that is not {@code known}. */
    static String otherInput(NodeProto node, String known) {
        return node.getInput(0).equals(known) ? node.getInput(1) : node.getInput(0);
    }

    private void indexBiasedMatMul(NodeProto add, int biasSlot) {
        String bias = add.getInput(biasSlot);
        if (!initializers.containsKey(bias)) {
            return;
        }
        NodeProto matMul = producers.get(add.getInput(1 - biasSlot));
        if (matMul != null && matMul.getOpType().equals("MatMul") && initializers.containsKey(matMul.getInput(1))) {
            matMulByBias.put(bias, new BiasedMatMul(matMul.getInput(0), matMul.getInput(1), add.getOutput(0)));
        }
    }
}
