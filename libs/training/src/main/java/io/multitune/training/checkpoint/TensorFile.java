package io.multitune.training.checkpoint;

import io.multitune.encoder.weights.WeightTensor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named float32 tensors in one file, bit-exact: a magic, the count, then per tensor its name, rank, dimensions and
 * raw little-endian values. No compression and no float formatting, so a restored value is the saved one.
 */
public final class TensorFile {

    private static final long MAGIC = 0x4d54_5445_4e53_3031L; // "MTTENS01"
    private static final int CHUNK = 1 << 16;

    private TensorFile() {
    }

    public static void write(Path file, Map<String, WeightTensor> tensors) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 20))) {
            out.writeLong(MAGIC);
            out.writeInt(tensors.size());
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (Map.Entry<String, WeightTensor> e : tensors.entrySet()) {
                WeightTensor t = e.getValue();
                out.writeUTF(e.getKey());
                out.writeInt(t.rank());
                for (long d : t.shape()) {
                    out.writeLong(d);
                }
                float[] values = t.values();
                for (int from = 0; from < values.length; from += CHUNK) {
                    int n = Math.min(CHUNK, values.length - from);
                    buffer.clear();
                    buffer.asFloatBuffer().put(values, from, n);
                    out.write(buffer.array(), 0, n * Float.BYTES);
                }
            }
        }
    }

    public static Map<String, WeightTensor> read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 20))) {
            if (in.readLong() != MAGIC) {
                throw new IOException(file + " is not a tensor file");
            }
            int count = in.readInt();
            Map<String, WeightTensor> tensors = new LinkedHashMap<>();
            byte[] bytes = new byte[CHUNK * Float.BYTES];
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < count; k++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                long size = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                    size *= shape[d];
                }
                float[] values = new float[Math.toIntExact(size)];
                for (int from = 0; from < values.length; from += CHUNK) {
                    int n = Math.min(CHUNK, values.length - from);
                    in.readFully(bytes, 0, n * Float.BYTES);
                    buffer.clear();
                    buffer.asFloatBuffer().get(values, from, n);
                }
                tensors.put(name, new WeightTensor(shape, values));
            }
            return tensors;
        }
    }
}
