package io.multitune.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A raw message's value as a dead letter carries it: UTF-8 text when it decodes, else base64, so no byte is lost. */
record Payload(String text, String encoding) {
    static Payload of(byte[] value) {
        if (value == null) {
            return new Payload("", "utf-8");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
            return new Payload(text, "utf-8");
        } catch (CharacterCodingException e) {
            return new Payload(Base64.getEncoder().encodeToString(value), "base64");
        }
    }
}
