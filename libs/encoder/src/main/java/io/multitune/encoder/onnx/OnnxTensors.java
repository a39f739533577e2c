package io.multitune.encoder.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.multitune.encoder.weights.WeightTensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Conversions between ONNX {@link TensorProto}s and plain Java arrays (ONNX raw data is little-endian). */
public final class OnnxTensors {

    private OnnxTensors() {
    }

    /** A float32 tensor, from raw data or from the float_data field. */
    public static WeightTensor toWeight(TensorProto tensor) {
        requireInline(tensor);
        if (tensor.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
            throw new IllegalArgumentException("tensor " + tensor.getName() + " is not float32 (data type "
                    + tensor.getDataType() + ")");
        }
        long[] shape = tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
        float[] values;
        if (!tensor.getRawData().isEmpty()) {
            values = new float[tensor.getRawData().size() / Float.BYTES];
            littleEndian(tensor.getRawData()).asFloatBuffer().get(values);
        } else {
            values = new float[tensor.getFloatDataCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = tensor.getFloatData(i);
            }
        }
        return new WeightTensor(shape, values);
    }

    /** The values of an int64 tensor, from raw data or from the int64_data field. */
    public static long[] toLongs(TensorProto tensor) {
        requireInline(tensor);
        if (tensor.getDataType() != TensorProto.DataType.INT64_VALUE) {
            throw new IllegalArgumentException("tensor " + tensor.getName() + " is not int64");
        }
        if (!tensor.getRawData().isEmpty()) {
            long[] values = new long[tensor.getRawData().size() / Long.BYTES];
            littleEndian(tensor.getRawData()).asLongBuffer().get(values);
            return values;
        }
        return tensor.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
    }

    /** Every value as a double, for float or int64 scalar-like constants. */
    public static double[] toDoubles(TensorProto tensor) {
        if (tensor.getDataType() == TensorProto.DataType.INT64_VALUE) {
            return Arrays.stream(toLongs(tensor)).asDoubleStream().toArray();
        }
        float[] f = toWeight(tensor).values();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    public static TensorProto floatTensor(String name, WeightTensor weight) {
        ByteBuffer bytes = ByteBuffer.allocate(weight.size() * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(weight.values());
        return TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(Arrays.stream(weight.shape()).boxed().toList())
                // The array is ours and never changes again: wrapping it saves a copy of every weight.
                .setRawData(UnsafeByteOperations.unsafeWrap(bytes.array()))
                .build();
    }

    public static TensorProto longTensor(String name, long[] values, long... shape) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64_VALUE)
                .addAllDims(Arrays.stream(shape).boxed().toList())
                .setRawData(UnsafeByteOperations.unsafeWrap(bytes.array()))
                .build();
    }

    private static ByteBuffer littleEndian(ByteString raw) {
        return raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void requireInline(TensorProto tensor) {
        if (tensor.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IllegalArgumentException("tensor " + tensor.getName()
                    + " keeps its data in an external file; only self-contained ONNX files are supported");
        }
    }
}
