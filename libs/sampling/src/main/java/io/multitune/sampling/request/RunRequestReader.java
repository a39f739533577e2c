package io.multitune.sampling.request;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.multitune.events.EventCodec;
import io.multitune.events.RunRejected.Problem;
import io.multitune.events.RunRejected.Reason;
import io.multitune.events.RunRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a run request as a user wrote it, in JSON (the text starts with <code>{</code>) or YAML (anything else).
 *
 * <p>Stricter than {@link EventCodec}: a user's request is checked field by field, so an unknown field (usually a
 * typo such as {@code sampling.temprature}) is a problem instead of a silently ignored setting, and a number is not
 * accepted where a string of digits was written or the other way round. Every unknown field and every field of the
 * wrong type is reported at once, each by its path ({@code tasks[1].weight}). Defaults are not applied here; see
 * {@link RunDefaults}.
 */
public final class RunRequestReader {
    private static final String WHOLE_REQUEST = "request";
    /** One pass per problem; a request with more problems than this is not worth reading further. */
    private static final int MAX_FIELD_PROBLEMS = 100;

    private static final ObjectMapper JSON_TREES = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper YAML_TREES = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper STRICT = strictCopyOf(EventCodec.INSTANCE.mapper());

    private RunRequestReader() {
    }

    /** The request in the bytes (UTF-8 JSON or YAML), or every problem that kept it from being read. */
    public static ReadResult read(byte[] bytes) {
        String text;
        try {
            text = decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            return rejected(null, WHOLE_REQUEST, "the request is not valid UTF-8 text");
        }
        if (text.isBlank()) {
            return rejected(null, WHOLE_REQUEST, "the request is empty");
        }
        boolean json = text.stripLeading().startsWith("{");
        JsonNode tree;
        try {
            tree = (json ? JSON_TREES : YAML_TREES).readTree(text);
        } catch (JsonProcessingException e) {
            return rejected(null, WHOLE_REQUEST, "not valid " + (json ? "JSON" : "YAML") + ": " + describe(e));
        }
        if (tree == null || !tree.isObject()) {
            return rejected(null, WHOLE_REQUEST, "the request must be " + (json ? "a JSON object" : "a YAML mapping")
                    + " with at least a tasks field");
        }
        return read((ObjectNode) tree);
    }

    private static ReadResult read(ObjectNode tree) {
        JsonNode runIdNode = tree.get("runId");
        String runId = runIdNode != null && runIdNode.isValueNode() && !runIdNode.isNull() ? runIdNode.asText() : null;

        JsonNode version = tree.get("schemaVersion");
        if (version != null && !version.isNull()) {
            if (!version.isIntegralNumber() || !version.canConvertToInt()) {
                return rejected(runId, "schemaVersion", "expected a whole number, got " + TreeEdits.describe(version));
            }
            if (version.intValue() != RunRequest.SCHEMA_VERSION) {
                // Fields of another version may mean something else: reading on would report misleading problems.
                return rejected(runId, "schemaVersion", "version " + version.intValue()
                        + " is not supported by this sampler (supported: " + RunRequest.SCHEMA_VERSION + ")");
            }
        }
        tree.put("schemaVersion", RunRequest.SCHEMA_VERSION);

        Map<String, Integer> documentOrder = TreeEdits.documentOrder(tree);
        List<Problem> problems = new ArrayList<>();
        // Jackson stops at the first bad field; report it, cut it out of the tree and read again until the rest
        // reads, so the user sees every problem in one go (the tree is small: a few dozen nodes at most).
        while (problems.size() < MAX_FIELD_PROBLEMS) {
            try {
                RunRequest request = STRICT.treeToValue(tree, RunRequest.class);
                if (problems.isEmpty()) {
                    return ReadResult.read(request);
                }
                break;
            } catch (JsonMappingException e) {
                String path = TreeEdits.pathOf(e.getPath());
                if (path.isEmpty()) {
                    problems.add(malformed(WHOLE_REQUEST, e.getOriginalMessage()));
                    break;
                }
                problems.add(malformed(path, fieldProblem(e, tree)));
                if (!TreeEdits.cutOut(tree, e.getPath())) {
                    break;
                }
            } catch (JsonProcessingException e) {
                problems.add(malformed(WHOLE_REQUEST, e.getOriginalMessage()));
                break;
            }
        }
        // Jackson finds problems in its own order (creator properties last); users read them top to bottom.
        problems.sort(Comparator.comparingInt(p -> documentOrder.getOrDefault(p.field(), Integer.MAX_VALUE)));
        return ReadResult.rejected(runId, problems);
    }

    private static String fieldProblem(JsonMappingException e, JsonNode tree) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'"
                    + Spelling.hint(unknown.getPropertyName(), unknown.getKnownPropertyIds());
        }
        JsonNode found = TreeEdits.nodeAt(tree, e.getPath());
        String got = found == null ? "" : ", got " + TreeEdits.describe(found);
        if (e.getCause() instanceof InputCoercionException outOfRange && outOfRange.getTargetType() != null) {
            return "expected " + TreeEdits.expected(outOfRange.getTargetType()) + " from "
                    + TreeEdits.range(outOfRange.getTargetType()) + got;
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + TreeEdits.expected(mismatch.getTargetType()) + got;
        }
        return "cannot be read" + got + ": " + firstLine(e.getOriginalMessage());
    }

    /** The shared event mapper, made strict about what a person may write. */
    private static ObjectMapper strictCopyOf(ObjectMapper events) {
        ObjectMapper strict = events.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // 1.5 for a batch size is a mistake, not 1.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            strict.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return strict;
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        if (bytes == null) {
            return "";
        }
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The parser's own words, first line only, and where. */
    private static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            return describe(yaml);
        }
        String message = firstLine(e.getOriginalMessage());
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return message;
    }

    /**
     * SnakeYAML's problem and where it is, then what it was reading ("while parsing a flow sequence") and from
     * where: its message proper repeats the offending text with a caret, which reads badly on one line.
     */
    private static String describe(MarkedYAMLException e) {
        StringBuilder message = new StringBuilder(e.getProblem().strip());
        if (e.getProblemMark() != null) {
            message.append(" (").append(position(e.getProblemMark())).append(')');
        }
        if (e.getContext() != null) {
            message.append(", ").append(e.getContext().strip());
            if (e.getContextMark() != null) {
                message.append(" started at ").append(position(e.getContextMark()));
            }
        }
        return message.toString();
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String trimmed = message.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
    }

    private static Problem malformed(String field, String message) {
        return new Problem(field, Reason.MALFORMED, message);
    }

    private static ReadResult rejected(String runId, String field, String message) {
        return ReadResult.rejected(runId, List.of(malformed(field, message)));
    }
}
