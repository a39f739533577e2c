package io.multitune.training.batch;

import io.multitune.events.StandardExample;
import io.multitune.training.MalformedBatchException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading the fields a task type needs from an example, refusing it by id and field when one is missing. */
final class ExampleFields {

    private ExampleFields() {
    }

    static String text(StandardExample e) {
        return require(e, e.input() == null ? null : e.input().text(), "input.text");
    }

    static String textPair(StandardExample e) {
        return require(e, e.input() == null ? null : e.input().textPair(), "input.textPair");
    }

    static List<String> tokens(StandardExample e) {
        List<String> tokens = require(e, e.input() == null ? null : e.input().tokens(), "input.tokens");
        if (tokens.isEmpty()) {
            throw new MalformedBatchException(e.id(), "input.tokens", "is empty");
        }
        return tokens;
    }

    static String label(StandardExample e) {
        return require(e, e.target() == null ? null : e.target().label(), "target.label");
    }

    static double value(StandardExample e) {
        Double value = require(e, e.target() == null ? null : e.target().value(), "target.value");
        if (!Double.isFinite(value)) {
            throw new MalformedBatchException(e.id(), "target.value", "is not a finite number: " + value);
        }
        return value;
    }

    static List<String> tags(StandardExample e) {
        return require(e, e.target() == null ? null : e.target().tags(), "target.tags");
    }

    static <T> T require(StandardExample e, T value, String field) {
        if (value == null) {
            throw new MalformedBatchException(e.id(), field, "is missing (task '" + e.taskId() + "' is "
                    + (e.taskType() == null ? "of unknown type" : e.taskType().wireName()) + ")");
        }
        return value;
    }

    /** Label → index over a task's label list; unknown labels are refused by example id and field. */
    static final class LabelIndex {
        private final String taskId;
        private final List<String> labels;
        private final Map<String, Integer> index = new HashMap<>();

        LabelIndex(String taskId, List<String> labels) {
            this.taskId = taskId;
            this.labels = labels == null ? List.of() : List.copyOf(labels);
            for (int i = 0; i < this.labels.size(); i++) {
                index.put(this.labels.get(i), i);
            }
            if (index.size() != this.labels.size()) {
                throw new IllegalArgumentException("task '" + taskId + "' lists a label twice: " + this.labels);
            }
        }

        int of(StandardExample e, String label, String field) {
            Integer i = index.get(label);
            if (i == null) {
                throw new MalformedBatchException(e.id(), field, "'" + label + "' is not a label of task '" + taskId
                        + "' (labels: " + labels + ")");
            }
            return i;
        }

        int size() {
            return labels.size();
        }
    }
}
