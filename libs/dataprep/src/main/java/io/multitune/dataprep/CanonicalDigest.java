package io.multitune.dataprep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Feeds values into SHA-256 in the length-prefixed encoding documented on {@link ExampleIds}. Length prefixes make
 * the encoding unambiguous: ("ab", "c") and ("a", "bc") hash differently, which plain concatenation would not.
 * One instance per thread: MessageDigest is not thread-safe and costly to look up on every record.
 */
final class CanonicalDigest {
    private static final ThreadLocal<CanonicalDigest> PER_THREAD = ThreadLocal.withInitial(CanonicalDigest::new);

    private final MessageDigest sha256;
    private final byte[] scratch = new byte[8];

    private CanonicalDigest() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    /** This thread's digest, reset. */
    static CanonicalDigest start() {
        CanonicalDigest d = PER_THREAD.get();
        d.sha256.reset();
        return d;
    }

    CanonicalDigest string(String s) {
        if (s == null) {
            return int32(-1);
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int32(bytes.length);
        sha256.update(bytes);
        return this;
    }

    CanonicalDigest strings(List<String> list) {
        if (list == null) {
            return int32(-1);
        }
        int32(list.size());
        for (String s : list) {
            string(s);
        }
        return this;
    }

    /** Bytes of a fixed, known length (a digest): no length prefix needed. */
    CanonicalDigest raw(byte[] bytes) {
        sha256.update(bytes);
        return this;
    }

    CanonicalDigest present(boolean present) {
        sha256.update((byte) (present ? 1 : 0));
        return this;
    }

    CanonicalDigest int32(int v) {
        scratch[0] = (byte) (v >>> 24);
        scratch[1] = (byte) (v >>> 16);
        scratch[2] = (byte) (v >>> 8);
        scratch[3] = (byte) v;
        sha256.update(scratch, 0, 4);
        return this;
    }

    CanonicalDigest int64(long v) {
        for (int i = 0; i < 8; i++) {
            scratch[i] = (byte) (v >>> (56 - 8 * i));
        }
        sha256.update(scratch, 0, 8);
        return this;
    }

    byte[] finish() {
        return sha256.digest();
    }
}
