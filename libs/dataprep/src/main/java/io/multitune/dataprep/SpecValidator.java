package io.multitune.dataprep;

import io.multitune.events.DatasetSpec;
import io.multitune.events.RejectReason;
import io.multitune.events.SourceFormat;
import io.multitune.events.SplitRatios;
import io.multitune.events.TaskType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Finds every problem of a dataset spec, so a producer can fix them all in one go. */
final class SpecValidator {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final DatasetSpec spec;
    private final List<Rejection> problems = new ArrayList<>();

    private SpecValidator(DatasetSpec spec) {
        this.spec = spec;
    }

    static List<Rejection> validate(DatasetSpec spec) {
        if (spec == null) {
            return List.of(Rejection.of(RejectReason.INVALID_SPEC, "value", "no spec"));
        }
        SpecValidator v = new SpecValidator(spec);
        v.checkId("datasetId", spec.datasetId());
        v.checkId("taskId", spec.taskId());
        v.checkKinds();
        v.checkSplitRatios();
        v.checkLabels();
        v.checkLimits();
        v.checkColumns();
        return List.copyOf(v.problems);
    }

    private void checkId(String field, String id) {
        if (id == null || id.isEmpty()) {
            problem(field, "missing");
        } else if (!ID.matcher(id).matches()) {
            problem(field, "'" + id + "' must be 1 to 128 characters of letters, digits, '.', '_' or '-'");
        }
    }

    private void checkKinds() {
        if (spec.taskType() == null) {
            problem("taskType", "missing");
        }
        if (spec.format() == null) {
            problem("format", "missing");
        }
        if (spec.format() == SourceFormat.CONLL && spec.taskType() != null
                && spec.taskType() != TaskType.TOKEN_CLASSIFICATION) {
            problem("format", "conll holds token-classification data only, not " + spec.taskType().wireName());
        }
    }

    private void checkSplitRatios() {
        SplitRatios r = spec.splitRatios();
        if (r == null) {
            return;
        }
        checkRatio("splitRatios.train", r.train());
        checkRatio("splitRatios.validation", r.validation());
        checkRatio("splitRatios.test", r.test());
        double sum = r.train() + r.validation() + r.test();
        if (!(sum > 0) || !Double.isFinite(sum)) {
            problem("splitRatios", "the ratios must have a positive, finite sum");
        }
    }

    private void checkRatio(String field, double ratio) {
        if (!(ratio >= 0) || !Double.isFinite(ratio)) {
            problem(field, ratio + " must be a finite number of at least 0");
        }
    }

    private void checkLabels() {
        List<String> labels = spec.labels();
        Set<String> known = new HashSet<>();
        if (labels != null) {
            if (labels.isEmpty()) {
                problem("labels", "must not be empty when given (leave it out to accept any label)");
            }
            for (String label : labels) {
                String normalised = TextNormaliser.normalise(label);
                if (normalised == null || normalised.isEmpty()) {
                    problem("labels", "a label is empty");
                } else if (!known.add(normalised)) {
                    problem("labels", "'" + normalised + "' appears more than once");
                }
            }
        }
        Map<String, String> mapping = spec.labelMapping();
        if (mapping != null && labels != null) {
            mapping.forEach((from, to) -> {
                if (!known.contains(TextNormaliser.normalise(to))) {
                    problem("labelMapping." + from, "maps to '" + to + "', which is not in labels " + labels);
                }
            });
        }
    }

    private void checkLimits() {
        if (spec.maxTextChars() != null && spec.maxTextChars() <= 0) {
            problem("maxTextChars", spec.maxTextChars() + " must be greater than 0");
        }
        if (spec.tokenColumn() != null && spec.tokenColumn() < 0) {
            problem("tokenColumn", spec.tokenColumn() + " must be 0 or more");
        }
        if (spec.tagColumn() != null && spec.tagColumn() < 0) {
            problem("tagColumn", spec.tagColumn() + " must be 0 or more");
        }
        if (spec.tokenColumn() != null && spec.tokenColumn().equals(spec.tagColumn())) {
            problem("tagColumn", "must differ from tokenColumn");
        }
    }

    private void checkColumns() {
        boolean delimited = spec.format() == SourceFormat.CSV || spec.format() == SourceFormat.TSV;
        if (delimited && !spec.hasHeaderRow() && (spec.columns() == null || spec.columns().isEmpty())) {
            problem("columns", "must name the columns when there is no header row");
        }
    }

    private void problem(String field, String problem) {
        problems.add(Rejection.of(RejectReason.INVALID_SPEC, field, problem));
    }
}
