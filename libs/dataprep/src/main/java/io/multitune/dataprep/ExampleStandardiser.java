package io.multitune.dataprep;

import io.multitune.events.DatasetSpec;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.RejectReason;
import io.multitune.events.SourcePosition;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Turns the fields of one parsed record into a standard example of the spec's task type: reads each logical field
 * (see {@link DatasetSpec}) through the spec's field mapping, normalises every text with {@link TextNormaliser},
 * validates, and derives the stable id.
 *
 * <p>Checks run in a fixed order so a record with several problems always gets the same reason: missing or empty
 * fields first, then texts that are too long, then values (label, number, tags, answer span, split).
 *
 * <p>Optional fields (a regression's textPair, answerStart, id, domain, split) that are empty count as absent, since
 * CSV cannot tell an empty value from a missing one. For token classification, the spec's labels and labelMapping
 * apply to the tags. A JSON number where a text is expected reads in its plain form (1.0 reads "1").
 *
 * <p>Immutable and thread-safe. Build a new one when the spec changes.
 */
public final class ExampleStandardiser {
    private static final String TEXT = "text";
    private static final String TEXT_PAIR = "textPair";
    private static final String LABEL = "label";
    private static final String TOKENS = "tokens";
    private static final String TAGS = "tags";
    private static final String VALUE = "value";
    private static final String DIFFICULTY = "difficulty";
    private static final String QUESTION = "question";
    private static final String CONTEXT = "context";
    private static final String TARGET = "target";
    private static final String SPLIT = "split";

    private final DatasetSpec spec;
    private final LabelSet labels;

    public ExampleStandardiser(DatasetSpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(spec.taskType(), "spec.taskType");
        this.labels = new LabelSet(spec.labels(), spec.labelMapping());
    }

    /** The record as a candidate example, or the first problem found. Never throws on bad data. */
    public Standardised standardise(Map<String, Object> fields, SourcePosition position) {
        FieldReader reader = new FieldReader(spec, fields);
        try {
            Core core = core(reader);
            Split split = split(reader);
            return new Standardised.Ok(candidate(core, split, reader, position));
        } catch (RejectionException e) {
            return new Standardised.Rejected(e.rejection());
        }
    }

    /** What the task type determines: inputs, target and the stratum of the split. */
    private record Core(ExampleInput input, ExampleTarget target, String stratum) {
    }

    private Core core(FieldReader r) {
        return switch (spec.taskType()) {
            case TEXT_CLASSIFICATION -> textClassification(r);
            case TEXT_PAIR_CLASSIFICATION -> textPairClassification(r);
            case TOKEN_CLASSIFICATION -> tokenClassification(r);
            case REGRESSION -> regression(r);
            case EXTRACTIVE_QA -> extractiveQa(r);
            case TEXT_TO_TEXT -> textToText(r);
        };
    }

    private Core textClassification(FieldReader r) {
        String text = r.requireText(TEXT);
        String rawLabel = r.requireText(LABEL);
        r.checkLength(TEXT, text);
        String label = labels.resolve(LABEL, rawLabel, "");
        return new Core(ExampleInput.text(text), ExampleTarget.label(label), label);
    }

    private Core textPairClassification(FieldReader r) {
        String text = r.requireText(TEXT);
        String textPair = r.requireText(TEXT_PAIR);
        String rawLabel = r.requireText(LABEL);
        r.checkLength(TEXT, text);
        r.checkLength(TEXT_PAIR, textPair);
        String label = labels.resolve(LABEL, rawLabel, "");
        return new Core(ExampleInput.pair(text, textPair), ExampleTarget.label(label), label);
    }

    private Core tokenClassification(FieldReader r) {
        List<String> tokens = r.requireSequence(TOKENS);
        List<String> rawTags = r.requireSequence(TAGS);
        r.checkLength(TOKENS, joinedLength(tokens));
        if (tokens.size() != rawTags.size()) {
            throw new RejectionException(RejectReason.TOKEN_TAG_MISMATCH, TAGS,
                    tokens.size() + " tokens but " + rawTags.size() + " tags");
        }
        String[] tags = new String[rawTags.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = labels.resolve(TAGS, rawTags.get(i), "tag " + i + " ");
        }
        return new Core(ExampleInput.tokens(tokens), ExampleTarget.tags(List.of(tags)), null);
    }

    private Core regression(FieldReader r) {
        String text = r.requireText(TEXT);
        String textPair = r.optionalText(TEXT_PAIR);
        Object rawValue = r.requirePresent(VALUE);
        if (rawValue instanceof String) {
            r.requireText(VALUE);
        }
        r.checkLength(TEXT, text);
        if (textPair != null) {
            r.checkLength(TEXT_PAIR, textPair);
        }
        ExampleInput input = textPair == null ? ExampleInput.text(text) : ExampleInput.pair(text, textPair);
        return new Core(input, ExampleTarget.value(finiteNumber(VALUE, rawValue)), null);
    }

    private Core extractiveQa(FieldReader r) {
        String question = r.requireText(QUESTION);
        String context = r.requireText(CONTEXT);
        String answer = r.requireText(AnswerSpans.ANSWER_TEXT);
        r.checkLength(QUESTION, question);
        r.checkLength(CONTEXT, context);
        ExampleTarget.AnswerSpan span = r.isGiven(AnswerSpans.ANSWER_START)
                ? AnswerSpans.at(context, answer, answerStart(r), rawText(r, CONTEXT), rawText(r, AnswerSpans.ANSWER_TEXT))
                : AnswerSpans.find(context, answer);
        return new Core(ExampleInput.questionContext(question, context), ExampleTarget.answer(span), null);
    }

    private Core textToText(FieldReader r) {
        String text = r.requireText(TEXT);
        String target = r.requireText(TARGET);
        r.checkLength(TEXT, text);
        return new Core(ExampleInput.text(text), ExampleTarget.text(target), null);
    }

    private static int joinedLength(List<String> tokens) {
        int length = tokens.size() - 1;
        for (String token : tokens) {
            length += token.length();
        }
        return length;
    }

    private static double finiteNumber(String field, Object raw) {
        double value;
        if (raw instanceof Number n) {
            value = n.doubleValue();
        } else if (raw instanceof String s) {
            value = parseDouble(field, s);
        } else {
            throw invalid(field, "expected a number but got " + FieldValues.kindOf(raw));
        }
        if (!Double.isFinite(value)) {
            throw invalid(field, "'" + raw + "' is not a finite number");
        }
        return value;
    }

    private static double parseDouble(String field, String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw invalid(field, "'" + s + "' is not a number");
        }
    }

    /** The optional per-example difficulty score a curriculum can order by; absent or empty means none. */
    private static Double difficulty(FieldReader r) {
        if (!r.isGiven(DIFFICULTY)) {
            return null;
        }
        return finiteNumber(DIFFICULTY, r.raw(DIFFICULTY));
    }

    private static int answerStart(FieldReader r) {
        Object raw = r.raw(AnswerSpans.ANSWER_START);
        String text = FieldValues.asText(raw, AnswerSpans.ANSWER_START).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(AnswerSpans.ANSWER_START, "'" + text + "' is not a whole number");
        }
    }

    /** A field's text before normalisation, to translate raw answer offsets; null when it is not a scalar. */
    private static String rawText(FieldReader r, String logical) {
        Object raw = r.raw(logical);
        return raw instanceof String s ? s : null;
    }

    private static Split split(FieldReader r) {
        String raw = r.optionalText(SPLIT);
        if (raw == null) {
            return null;
        }
        try {
            return Split.parse(raw);
        } catch (IllegalArgumentException e) {
            throw invalid(SPLIT, e.getMessage());
        }
    }

    private Candidate candidate(Core core, Split split, FieldReader r, SourcePosition position) {
        String domain = r.optionalText("domain");
        String sourceId = r.optionalText("id");
        ExampleIds.Keys keys = ExampleIds.keys(spec.datasetId(), core.input(), core.target());
        StandardExample example = new StandardExample(
                StandardExample.SCHEMA_VERSION,
                keys.exampleId(),
                spec.datasetId(),
                spec.taskId(),
                spec.taskType(),
                split,
                core.input(),
                core.target(),
                domain != null ? domain : spec.domain(),
                groups(r),
                spec.languageOrDefault(),
                withSourceId(position, sourceId),
                difficulty(r));
        return new Candidate(example, keys.inputKey(), core.stratum());
    }

    /** Group attributes by source field name; absent, non-scalar or empty values are left out. */
    private Map<String, String> groups(FieldReader r) {
        List<String> groupFields = spec.groupFieldsOrEmpty();
        if (groupFields.isEmpty()) {
            return Map.of();
        }
        Map<String, String> groups = new TreeMap<>();
        for (String field : groupFields) {
            Object raw = r.rawSource(field);
            if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
                String value = TextNormaliser.normalise(FieldValues.asText(raw, field));
                if (!value.isEmpty()) {
                    groups.put(field, value);
                }
            }
        }
        // Sorted and unmodifiable, so the JSON of an example does not depend on hash order.
        return Collections.unmodifiableMap(groups);
    }

    private static SourcePosition withSourceId(SourcePosition position, String sourceId) {
        if (position == null || sourceId == null) {
            return position;
        }
        return new SourcePosition(position.topic(), position.partition(), position.offset(), position.index(), sourceId);
    }

    private static RejectionException invalid(String field, String problem) {
        return new RejectionException(RejectReason.INVALID_VALUE, field, problem);
    }
}
