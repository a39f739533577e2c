package io.multitune.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents 1.0 attributes of an event in Kafka binary mode: each attribute is a {@code ce_} header and the
 * JSON body is the record value.
 */
public record CloudEventHeaders(String id, String source, String type, String subject, Instant time) {
    public static final String SPEC_VERSION = "1.0";
    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CE_TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    /** New attributes for an event about {@code subject}, sent by {@code source} (e.g. "/multitune/data-ingest"). */
    public static CloudEventHeaders create(String type, String source, String subject) {
        return new CloudEventHeaders(EventIds.next(), source, type, subject, Instant.now());
    }

    public Headers toKafkaHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CE_SPECVERSION, SPEC_VERSION_BYTES);
        add(headers, CE_ID, id);
        headers.add(CE_SOURCE, cachedBytes(source));
        headers.add(CE_TYPE, cachedBytes(type));
        if (subject != null) {
            add(headers, CE_SUBJECT, subject);
        }
        headers.add(CE_TIME, EventTimes.format(time));
        headers.add(CONTENT_TYPE, JSON_BYTES);
        return headers;
    }

    private static final byte[] SPEC_VERSION_BYTES = SPEC_VERSION.getBytes(StandardCharsets.UTF_8);
    private static final byte[] JSON_BYTES = JSON.getBytes(StandardCharsets.UTF_8);
    private static final java.util.concurrent.ConcurrentMap<String, byte[]> CONSTANTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Sources and types are a handful of constants sent once per record: encode each once. */
    private static byte[] cachedBytes(String value) {
        return CONSTANTS.size() < 256 ? CONSTANTS.computeIfAbsent(value, v -> v.getBytes(StandardCharsets.UTF_8))
                : value.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads the attributes; throws {@link EventFormatException} naming the first required header that is missing. */
    public static CloudEventHeaders fromKafkaHeaders(Headers headers) {
        String time = lastValue(headers, CE_TIME);
        return new CloudEventHeaders(
                required(headers, CE_ID), required(headers, CE_SOURCE), required(headers, CE_TYPE),
                lastValue(headers, CE_SUBJECT), time == null ? null : Instant.parse(time));
    }

    /** The last value of a header as UTF-8, or null. */
    public static String lastValue(Headers headers, String key) {
        Header h = headers == null ? null : headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String key) {
        String v = lastValue(headers, key);
        if (v == null || v.isBlank()) {
            throw new EventFormatException("header " + key + ": missing; every event needs the CloudEvents headers "
                    + "ce_id, ce_source and ce_type");
        }
        return v;
    }

    private static void add(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
