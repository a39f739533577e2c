package io.multitune.dataprep;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Strict UTF-8 decoding that reports invalid bytes instead of silently replacing them. */
final class Utf8 {
    private static final char REPLACEMENT = '\uFFFD';

    // A CharsetDecoder keeps state between calls, so each thread needs its own.
    private static final ThreadLocal<CharsetDecoder> STRICT = ThreadLocal.withInitial(() ->
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    private Utf8() {
    }

    /**
     * The text of {@code len} bytes from {@code off}, or null when they are not valid UTF-8.
     * The JDK's lenient String constructor is much faster than a CharsetDecoder, and it only ever inserts U+FFFD
     * for invalid input; so the strict decoder runs only when U+FFFD shows up, to tell a genuine U+FFFD from an error.
     */
    static String decode(byte[] bytes, int off, int len) {
        String lenient = new String(bytes, off, len, StandardCharsets.UTF_8);
        if (lenient.indexOf(REPLACEMENT) < 0) {
            return lenient;
        }
        return decodeStrictly(bytes, off, len);
    }

    private static String decodeStrictly(byte[] bytes, int off, int len) {
        CharsetDecoder decoder = STRICT.get();
        decoder.reset();
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, off, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String base64(byte[] bytes, int off, int len) {
        if (off == 0 && len == bytes.length) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        byte[] part = new byte[len];
        System.arraycopy(bytes, off, part, 0, len);
        return Base64.getEncoder().encodeToString(part);
    }

    /** A whole message as text without its byte-order mark, or null when it is not valid UTF-8. */
    static String decodeMessage(byte[] value) {
        int off = bomLength(value);
        return decode(value, off, value.length - off);
    }

    /** Length of a UTF-8 byte order mark at the start of the bytes (0 or 3). */
    static int bomLength(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
    }
}
