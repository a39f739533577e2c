package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * JSON codec for pipeline events. Writing puts the schema version in the body and the CloudEvents attributes in
 * headers; reading checks the type against the headers and refuses schema versions this reader does not know.
 * Thread-safe; share {@link #INSTANCE}.
 */
public final class EventCodec {
    public static final EventCodec INSTANCE = new EventCodec();

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            // Record accessors through generated lambdas instead of reflection: examples are encoded once per record.
            .addModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final java.util.Map<Class<?>, com.fasterxml.jackson.databind.ObjectWriter> writers =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Class<?>, com.fasterxml.jackson.databind.ObjectReader> readers =
            new java.util.concurrent.ConcurrentHashMap<>();

    private EventCodec() {
    }

    /** The mapper used for events, for callers that read or write other JSON the same way. */
    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] encode(PipelineEvent event) {
        try {
            return writerFor(event.getClass()).writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("cannot write " + event.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    // Looked up before computing: a bound method reference passed to computeIfAbsent is a new object on every call,
    // and encoding sits on every producer's hot path.
    private com.fasterxml.jackson.databind.ObjectWriter writerFor(Class<?> type) {
        com.fasterxml.jackson.databind.ObjectWriter writer = writers.get(type);
        return writer != null ? writer : writers.computeIfAbsent(type, mapper::writerFor);
    }

    private com.fasterxml.jackson.databind.ObjectReader readerFor(Class<?> type) {
        com.fasterxml.jackson.databind.ObjectReader reader = readers.get(type);
        return reader != null ? reader : readers.computeIfAbsent(type, mapper::readerFor);
    }

    /** CloudEvents headers for an event sent by {@code source}; the subject is the event's own. */
    public Headers headers(PipelineEvent event, String source) {
        return CloudEventHeaders.create(EventType.of(event.getClass()).ceType(), source, event.subject())
                .toKafkaHeaders();
    }

    /** A ready-to-send record with body and CloudEvents headers. */
    public ProducerRecord<String, byte[]> record(String topic, String key, PipelineEvent event, String source) {
        return new ProducerRecord<>(topic, null, key, encode(event), headers(event, source));
    }

    /** Reads an event whose type is given by its {@code ce_type} header. */
    public PipelineEvent decode(Headers headers, byte[] body) {
        String ceType = CloudEventHeaders.lastValue(headers, CloudEventHeaders.CE_TYPE);
        if (ceType == null) {
            throw new EventFormatException("header ce_type: missing; cannot tell which event this is");
        }
        EventType type = EventType.ofCeType(ceType).orElseThrow(() -> new EventFormatException(
                "header ce_type: unknown event type '" + ceType + "'"));
        return decode(body, type.javaType());
    }

    /**
     * Reads an event of a known type; checks its schema version. The body is bound straight to the record (one
     * pass; events are read on every consumer's hot path); only when that fails, or the version is not readable,
     * is it read again as a tree, to name the offending field or version precisely.
     */
    public <T extends PipelineEvent> T decode(byte[] body, Class<T> javaType) {
        EventType type = EventType.of(javaType);
        try {
            T event = readerFor(javaType).readValue(body);
            if (event != null && type.readableVersions().contains(event.schemaVersion())) {
                return event;
            }
        } catch (IOException e) {
            // fall through: the tree pass below reports what is wrong
        }
        return decodeViaTree(body, type, javaType);
    }

    private <T extends PipelineEvent> T decodeViaTree(byte[] body, EventType type, Class<T> javaType) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (IOException e) {
            throw new EventFormatException(type.ceType() + ": body is not valid JSON: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new EventFormatException(type.ceType() + ": body must be a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new EventFormatException(type.ceType() + ": field schemaVersion: missing or not an integer");
        }
        if (!type.readableVersions().contains(version.intValue())) {
            throw new EventFormatException(type.ceType() + ": field schemaVersion: version " + version.intValue()
                    + " is not supported by this reader (supported: " + type.readableVersions().stream().sorted()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        try {
            return mapper.treeToValue(tree, javaType);
        } catch (JsonProcessingException e) {
            throw new EventFormatException(type.ceType() + ": " + e.getOriginalMessage(), e);
        }
    }
}
