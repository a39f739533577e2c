package io.multitune.encoder.onnx;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns task ids into graph output names. The ONNX IR spec asks names to be C90 identifiers
 * ({@code [A-Za-z_][A-Za-z0-9_]*}); ONNX Runtime is lenient, but other tools (converters, Netron, code generators)
 * are not, and task ids come from users ("sentiment/imdb-v2"). The original ids are kept in the model's metadata,
 * so sanitising loses nothing.
 */
public final class OnnxNames {

    private OnnxNames() {
    }

    /** Every character outside {@code [A-Za-z0-9_]} becomes '_', and a leading digit (or nothing) gets a '_'. */
    public static String sanitise(String id) {
        StringBuilder name = new StringBuilder(id.length() + 1);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            name.append(ok ? c : '_');
        }
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name.insert(0, '_');
        }
        return name.toString();
    }

    public static boolean isValid(String name) {
        return !name.isEmpty() && sanitise(name).equals(name);
    }

    /**
     * One distinct output name per task id, in the ids' order: the sanitised id, with "_2", "_3", ... appended when
     * it is already taken (by a graph value such as an input, or by an earlier task: "a-b" and "a_b" both sanitise
     * to "a_b"). Deterministic, so the same heads always export under the same names.
     *
     * @param taken whether a name is already used in the graph
     */
    public static Map<String, String> outputNames(List<String> taskIds, Predicate<String> taken) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (String id : taskIds) {
            if (names.containsKey(id)) {
                throw new IllegalArgumentException("task id " + id + " appears twice");
            }
            String base = sanitise(id);
            String name = base;
            for (int n = 2; taken.test(name) || used.contains(name); n++) {
                name = base + "_" + n;
            }
            used.add(name);
            names.put(id, name);
        }
        return names;
    }
}
