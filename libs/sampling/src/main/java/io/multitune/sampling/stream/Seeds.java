package io.multitune.sampling.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * Derives independent random generators from the run seed and a path of names (task id, purpose, pass): the
 * first 8 bytes of SHA-256 over the seed and the parts. Stable across JVMs and releases, unlike
 * {@code String.hashCode} combinations, and collision-free in practice, so two tasks never share a sequence.
 */
final class Seeds {

    private Seeds() {
    }

    static SplittableRandom random(long seed, Object... parts) {
        return new SplittableRandom(derive(seed, parts));
    }

    static long derive(long seed, Object... parts) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
        for (Object part : parts) {
            // A separator byte that never occurs in UTF-8 keeps ("ab", "c") apart from ("a", "bc").
            sha256.update((byte) 0xFF);
            sha256.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        }
        return ByteBuffer.wrap(sha256.digest()).getLong();
    }
}
