package io.multitune.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BytesTest {

    private static int naive(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void findsTheSameIndexAsAPlainLoopForEveryPositionAndNeighbourByte() {
        Random random = new Random(42);
        byte[] tricky = {0x0A, 0x0B, 0x09, (byte) 0x8A, (byte) 0x80, 0x00, (byte) 0xFF, 0x01, 0x7F};
        for (int length = 0; length <= 40; length++) {
            for (int trial = 0; trial < 200; trial++) {
                byte[] bytes = new byte[length];
                for (int i = 0; i < length; i++) {
                    bytes[i] = random.nextInt(4) == 0 ? tricky[random.nextInt(tricky.length)]
                            : (byte) random.nextInt(256);
                }
                int from = length == 0 ? 0 : random.nextInt(length + 1);
                assertEquals(naive(bytes, (byte) '\n', from), Bytes.indexOf(bytes, (byte) '\n', from));
                assertEquals(naive(bytes, (byte) 0xFF, from), Bytes.indexOf(bytes, (byte) 0xFF, from));
            }
        }
    }
}
