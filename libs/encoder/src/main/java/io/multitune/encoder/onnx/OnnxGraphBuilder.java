package io.multitune.encoder.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.multitune.encoder.weights.WeightTensor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an ONNX graph one node at a time: inputs, outputs, weights (initializers), shared constants and nodes,
 * each named by the value it produces. Values must be unique, which catches wiring mistakes at build time instead
 * of as an ONNX Runtime load error. Generic: the BERT pieces are in {@link OnnxBertBlocks}, and the trainer adds
 * its heads with the same calls.
 */
public final class OnnxGraphBuilder {

    /** ONNX IR version 6 is what opset 11 exporters write (and ONNX Runtime 1.22 reads). */
    private static final long IR_VERSION = 6;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> values = new HashSet<>();
    private final Map<String, String> sharedConstants = new HashMap<>();

    public OnnxGraphBuilder(String graphName) {
        graph.setName(graphName);
    }

    /** Declares a graph input; a dimension is a String (symbolic, e.g. "batch_size") or a Number (fixed). */
    public String input(String name, TensorProto.DataType type, Object... dims) {
        claim(name);
        graph.addInput(valueInfo(name, type, dims));
        return name;
    }

    /** Whether a value (input, weight, constant or node output) of this name exists already. */
    public boolean defines(String name) {
        return values.contains(name);
    }

    /** Declares an existing value as a graph output. */
    public void output(String value, TensorProto.DataType type, Object... dims) {
        if (!values.contains(value)) {
            throw new IllegalArgumentException("no value named " + value + " to output");
        }
        graph.addOutput(valueInfo(value, type, dims));
    }

    /** Adds a float weight under its own name and returns that name. */
    public String weight(String name, WeightTensor tensor) {
        claim(name);
        graph.addInitializer(OnnxTensors.floatTensor(name, tensor));
        return name;
    }

    /** A float scalar, shared by every node that needs the same value. */
    public String scalar(float value) {
        return sharedConstants.computeIfAbsent("f" + Float.floatToIntBits(value), key -> {
            String name = "const_f32_" + value;
            claim(name);
            graph.addInitializer(OnnxTensors.floatTensor(name, WeightTensor.of(new float[] {value})));
            return name;
        });
    }

    /** A 1-D int64 constant (shapes, axes, slice bounds), shared by every node that needs the same values. */
    public String int64s(long... values) {
        return sharedConstants.computeIfAbsent("i" + Arrays.toString(values), key -> {
            String name = "const_i64_" + Arrays.toString(values).replaceAll("[\\[\\] ]", "").replace(',', '_');
            claim(name);
            graph.addInitializer(OnnxTensors.longTensor(name, values, values.length));
            return name;
        });
    }

    /** Adds a node producing {@code output} (also its node name) and returns {@code output}. */
    public String node(String opType, String output, List<String> inputs, AttributeProto... attributes) {
        for (String in : inputs) {
            if (!values.contains(in)) {
                throw new IllegalArgumentException(opType + " " + output + ": unknown input " + in);
            }
        }
        claim(output);
        graph.addNode(NodeProto.newBuilder().setOpType(opType).setName(output).addAllInput(inputs).addOutput(output)
                .addAllAttribute(Arrays.asList(attributes)));
        return output;
    }

    public static AttributeProto ints(String name, long... values) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS)
                .addAllInts(Arrays.stream(values).boxed().toList()).build();
    }

    public static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    public static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    public ModelProto build(long opset, String producer) {
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(producer)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph.build())
                .build();
    }

    private void claim(String name) {
        if (!values.add(name)) {
            throw new IllegalArgumentException("value " + name + " is defined twice");
        }
    }

    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Number n) {
                dim.setDimValue(n.longValue());
            } else {
                dim.setDimParam(String.valueOf(d));
            }
            shape.addDim(dim);
        }
        TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }
}
