package io.multitune.sampling.request;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.multitune.events.RunRequest;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Paths of Jackson errors as users write them, and the tree edits that let {@link RunRequestReader} read on. */
final class TreeEdits {
    private TreeEdits() {
    }

    /** {@code tasks[1].weight} for the references tasks, 1, weight. */
    static String pathOf(List<Reference> path) {
        StringBuilder text = new StringBuilder();
        for (Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                text.append('[').append(ref.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    /** Every path in the tree, numbered in the order it is written (depth first, as a reader meets it). */
    static Map<String, Integer> documentOrder(JsonNode root) {
        Map<String, Integer> order = new HashMap<>();
        number(root, "", order);
        return order;
    }

    private static void number(JsonNode node, String path, Map<String, Integer> order) {
        order.putIfAbsent(path, order.size());
        if (node.isObject()) {
            node.properties().forEach(field ->
                    number(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), order));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                number(node.get(i), path + "[" + i + "]", order);
            }
        }
    }

    /** The node the path leads to, or null. */
    static JsonNode nodeAt(JsonNode root, List<Reference> path) {
        JsonNode node = root;
        for (Reference ref : path) {
            if (node == null) {
                return null;
            }
            node = ref.getFieldName() != null ? node.get(ref.getFieldName()) : node.get(ref.getIndex());
        }
        return node;
    }

    /**
     * Removes the node the path leads to: a field is dropped, a list element becomes null (so the indices of the
     * elements after it, and thus their paths in later problems, stay as the user wrote them).
     *
     * @return false when the path leads nowhere, so nothing changed
     */
    static boolean cutOut(JsonNode root, List<Reference> path) {
        if (path.isEmpty()) {
            return false;
        }
        JsonNode parent = nodeAt(root, path.subList(0, path.size() - 1));
        Reference last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last.getFieldName() != null && object.has(last.getFieldName())) {
            object.remove(last.getFieldName());
            return true;
        }
        if (parent instanceof ArrayNode array && last.getIndex() >= 0 && last.getIndex() < array.size()
                && !array.get(last.getIndex()).isNull()) {
            array.set(last.getIndex(), NullNode.getInstance());
            return true;
        }
        return false;
    }

    /** What the user wrote, in words. */
    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string \"" + node.textValue() + "\"";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isNull() ? "null" : node.getNodeType().name().toLowerCase();
    }

    /** The range of an integral Java type: {@code -2147483648 to 2147483647}. */
    static String range(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        return "its range";
    }

    /** What a field of this Java type must be, in words. */
    static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == RunRequest.TaskRef.class) {
            return "a task id or an object with task, datasets and weight";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a timestamp such as 2024-05-01T12:00:00Z";
        }
        return "a " + type.getSimpleName();
    }
}
