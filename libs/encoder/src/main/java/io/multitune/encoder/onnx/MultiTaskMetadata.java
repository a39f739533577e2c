package io.multitune.encoder.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.multitune.encoder.weights.TaskHeadWeights;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The heads of a multi-task model, kept as JSON in one {@code metadata_props} entry ({@value #KEY}) of the ONNX file,
 * so that whoever serves the file learns from the file alone which output is which task and what its labels are
 * (ONNX Runtime exposes the entry as custom metadata). Example:
 * <pre>{"format": 1, "last_hidden_state": "last_hidden_state", "heads": [
 *   {"task": "sentiment/imdb", "output": "sentiment_imdb", "kind": "SEQUENCE_CLASSIFICATION", "size": 2,
 *    "labels": ["negative", "positive"]}]}</pre>
 * "format" is bumped on incompatible changes; readers refuse a format they do not know rather than misread it.
 */
public final class MultiTaskMetadata {

    public static final String KEY = "multitune.heads";
    public static final int FORMAT = 1;

    private MultiTaskMetadata() {
    }

    public static String toJson(List<ExportedHead> heads) {
        JsonArray array = new JsonArray();
        for (ExportedHead head : heads) {
            JsonObject o = new JsonObject();
            o.addProperty("task", head.taskId());
            o.addProperty("output", head.output());
            o.addProperty("kind", head.kind().name());
            o.addProperty("size", head.size());
            JsonArray labels = new JsonArray();
            head.labels().forEach(labels::add);
            o.add("labels", labels);
            array.add(o);
        }
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("last_hidden_state", OnnxBertWriter.LAST_HIDDEN_STATE);
        root.add("heads", array);
        return root.toString();
    }

    public static List<ExportedHead> fromJson(String json) {
        try {
            JsonObject root = JsonParser.parseString(json).getAsJsonObject();
            int format = field(root, "format").getAsInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("head metadata format " + format + " is not supported (this "
                        + "reader knows format " + FORMAT + ")");
            }
            List<ExportedHead> heads = new ArrayList<>();
            for (JsonElement e : field(root, "heads").getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                List<String> labels = new ArrayList<>();
                field(o, "labels").getAsJsonArray().forEach(l -> labels.add(l.getAsString()));
                heads.add(new ExportedHead(field(o, "task").getAsString(), field(o, "output").getAsString(),
                        kind(field(o, "kind").getAsString()), field(o, "size").getAsInt(), labels));
            }
            return List.copyOf(heads);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            // Gson's way of saying that a value has the wrong type (an object where an array was expected, ...).
            throw new IllegalArgumentException("malformed " + KEY + " metadata: " + e.getMessage(), e);
        }
    }

    /** The heads recorded in custom metadata as ONNX Runtime returns it ({@code OnnxModelMetadata}). */
    public static List<ExportedHead> fromCustomMetadata(Map<String, String> metadata) {
        String json = metadata.get(KEY);
        if (json == null) {
            throw new IllegalArgumentException("not a multitune multi-task model: no metadata_props entry " + KEY);
        }
        return fromJson(json);
    }

    /** The heads recorded in a parsed model. */
    public static List<ExportedHead> read(ModelProto model) {
        return model.getMetadataPropsList().stream()
                .filter(p -> p.getKey().equals(KEY))
                .findFirst()
                .map(p -> fromJson(p.getValue()))
                .orElseThrow(() -> new IllegalArgumentException(
                        "not a multitune multi-task model: no metadata_props entry " + KEY));
    }

    private static JsonElement field(JsonObject object, String name) {
        JsonElement value = object.get(name);
        if (value == null || value.isJsonNull()) {
            throw new IllegalArgumentException("malformed " + KEY + " metadata: no \"" + name + "\" in " + object);
        }
        return value;
    }

    private static TaskHeadWeights.Kind kind(String name) {
        try {
            return TaskHeadWeights.Kind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("head kind " + name + " is unknown to this reader", e);
        }
    }

    static StringStringEntryProto entry(List<ExportedHead> heads) {
        return StringStringEntryProto.newBuilder().setKey(KEY).setValue(toJson(heads)).build();
    }
}
