package io.multitune.dataprep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.multitune.events.DatasetSpec;
import io.multitune.events.RejectReason;
import io.multitune.events.SourceFormat;
import io.multitune.events.TaskType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads dataset specs written in JSON or YAML, and validates them.
 *
 * <p>Unknown properties are ignored, as in {@link io.multitune.events.EventCodec}, so an older reader accepts a
 * spec written for a newer one. Task type and format accept their wire names ("text-classification", "csv").
 */
public final class SpecReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SpecReader() {
    }

    /**
     * The spec in the bytes, not yet validated (see {@link #validate}).
     *
     * @throws SpecException when the bytes are not a JSON or YAML object, a property has the wrong type, or the
     *                       task type or format is unknown
     */
    public static DatasetSpec read(byte[] jsonOrYaml) {
        JsonNode tree = parse(jsonOrYaml);
        List<Rejection> problems = new ArrayList<>();
        checkEnum(tree, "taskType", TaskType::fromWireName, problems);
        checkEnum(tree, "format", SourceFormat::fromWireName, problems);
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        try {
            return JSON.treeToValue(tree, DatasetSpec.class);
        } catch (JsonMappingException e) {
            throw single(pathOf(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw single("value", e.getOriginalMessage());
        }
    }

    /** Every problem of the spec, each with its field; empty when the spec is valid. */
    public static List<Rejection> validate(DatasetSpec spec) {
        return SpecValidator.validate(spec);
    }

    private static JsonNode parse(byte[] bytes) {
        String text = bytes == null ? null : Utf8.decode(bytes, Utf8.bomLength(bytes), bytes.length - Utf8.bomLength(bytes));
        if (text == null) {
            throw single("value", "the spec is missing or not valid UTF-8");
        }
        if (text.isBlank()) {
            throw single("value", "the spec is empty");
        }
        JsonNode tree;
        try {
            tree = (text.stripLeading().startsWith("{") ? JSON : YAML).readTree(text);
        } catch (IOException e) {
            throw single("value", "not valid JSON or YAML: " + firstLine(e));
        }
        if (tree == null || !tree.isObject()) {
            throw single("value", "the spec must be a JSON or YAML object");
        }
        return tree;
    }

    private static void checkEnum(JsonNode tree, String field, Function<String, ?> parse, List<Rejection> problems) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            return;
        }
        try {
            parse.apply(node.asText());
        } catch (IllegalArgumentException e) {
            problems.add(Rejection.of(RejectReason.INVALID_SPEC, field, e.getMessage()));
        }
    }

    private static String pathOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "value" : path;
    }

    private static String firstLine(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static SpecException single(String field, String problem) {
        return new SpecException(List.of(Rejection.of(RejectReason.INVALID_SPEC, field, problem)));
    }
}
