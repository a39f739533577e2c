package io.multitune.fairness.templates;

import io.multitune.evaluation.Arguments;
import io.multitune.events.ExampleInput;
import io.multitune.events.TaskType;
import io.multitune.fairness.terms.TermGroup;
import io.multitune.fairness.terms.TermList;
import io.multitune.fairness.terms.TermSwapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads templates and fills them.
 *
 * <p><b>Format</b> (one template per line, {@code #} comments and blank lines ignored):
 * {@code task-type: text} or {@code task-type: text || text pair}, the task type by its wire name. A line's slots are
 * {@code {person}}/{@code {Person}} and {@code {identity}}/{@code {Identity}} ({@link SlotKind}); a capitalised slot
 * capitalises its filler. Text-pair templates must have a pair, text and token classification must not; regression
 * templates may have one or not (they are offered to tasks with the matching input shape). Extractive QA and
 * text-to-text take no templates.
 */
public final class Templates {

    /** Resource of the shipped templates. */
    public static final String RESOURCE = "templates.txt";

    private Templates() {
    }

    /** The shipped templates. */
    public static List<Template> bundled() {
        try (InputStream in = Templates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("shipped templates " + RESOURCE + " are missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shipped templates " + RESOURCE, e);
        }
    }

    /** Templates of a text in the format above; {@code source} names it in error messages. */
    public static List<Template> parse(String content, String source) {
        Arguments.notNull(content, "content");
        Arguments.notNull(source, "source");
        Map<TaskType, Integer> counters = new EnumMap<>(TaskType.class);
        List<Template> out = new ArrayList<>();
        String[] lines = content.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1);
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + ": expected 'task-type: text [|| text pair]'");
            }
            TaskType type;
            try {
                type = TaskType.fromWireName(line.substring(0, colon).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
            String body = line.substring(colon + 1).strip();
            String[] parts = body.split("\\|\\|", -1);
            if (parts.length > 2 || parts[0].isBlank() || parts.length == 2 && parts[1].isBlank()) {
                throw new IllegalArgumentException(where + ": expected one text, or two separated by '||'");
            }
            String text = parts[0].strip();
            String pair = parts.length == 2 ? parts[1].strip() : null;
            checkShape(type, pair != null, where);
            int n = counters.merge(type, 1, Integer::sum);
            Template t = new Template(type.wireName() + "#" + n, type, text, pair);
            if (!t.has(SlotKind.PERSON) && !t.has(SlotKind.IDENTITY)) {
                throw new IllegalArgumentException(where + ": the template has no slot");
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    /**
     * The templates for a task of this type whose inputs are pairs or not; empty for the types that are not
     * audited.
     */
    public static List<Template> forTask(List<Template> templates, TaskType type, boolean pairInput) {
        Arguments.notNull(templates, "templates");
        Arguments.notNull(type, "type");
        return templates.stream().filter(t -> t.taskType() == type && t.pair() == pairInput).toList();
    }

    /**
     * Every template holding the slot, filled with every group of the list: one case per (template, group), in
     * template then group order. For token templates a group whose terms have different word counts is skipped
     * (the variants' tokens would not align).
     */
    public static List<TemplateCase> expand(List<Template> templates, SlotKind slot, TermList fillers) {
        Arguments.notNull(templates, "templates");
        Arguments.notNull(slot, "slot");
        Arguments.notNull(fillers, "fillers");
        List<TemplateCase> out = new ArrayList<>();
        for (Template t : templates) {
            if (!t.has(slot)) {
                continue;
            }
            for (TermGroup g : fillers.groups()) {
                TemplateCase c = fill(t, slot, g.terms());
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return List.copyOf(out);
    }

    /** One template filled with one group's terms, or null for a token template whose fillers do not align. */
    public static TemplateCase fill(Template template, SlotKind slot, List<String> filler) {
        Arguments.notNull(template, "template");
        Arguments.notNull(slot, "slot");
        Arguments.notNull(filler, "filler");
        Arguments.require(filler.size() >= 2, "filler", "needs at least two terms, got " + filler);
        List<ExampleInput> variants = new ArrayList<>();
        if (template.taskType() == TaskType.TOKEN_CLASSIFICATION) {
            List<Integer> slotTokens = null;
            for (String term : filler) {
                List<String> tokens = new ArrayList<>();
                List<Integer> slots = new ArrayList<>();
                for (String word : template.text().split(" ")) {
                    String filled = fillText(word, slot, term);
                    if (filled.equals(word)) {
                        tokens.add(word);
                        continue;
                    }
                    for (String part : filled.split(" ")) {
                        slots.add(tokens.size());
                        tokens.add(part);
                    }
                }
                if (slotTokens == null) {
                    slotTokens = slots;
                } else if (!slotTokens.equals(slots)) {
                    return null;
                }
                variants.add(ExampleInput.tokens(tokens));
            }
            return new TemplateCase(template, filler, variants, slotTokens);
        }
        for (String term : filler) {
            String text = fillText(template.text(), slot, term);
            variants.add(template.pair()
                    ? ExampleInput.pair(text, fillText(template.textPair(), slot, term))
                    : ExampleInput.text(text));
        }
        return new TemplateCase(template, filler, variants, List.of());
    }

    private static String fillText(String text, SlotKind slot, String term) {
        return text.replace(slot.capitalisedPlaceholder(), TermSwapper.withCaseOf("X", term))
                .replace(slot.placeholder(), term);
    }

    private static void checkShape(TaskType type, boolean pair, String where) {
        switch (type) {
            case TEXT_CLASSIFICATION, TOKEN_CLASSIFICATION -> {
                if (pair) {
                    throw new IllegalArgumentException(where + ": a " + type.wireName() + " template has one text");
                }
            }
            case TEXT_PAIR_CLASSIFICATION -> {
                if (!pair) {
                    throw new IllegalArgumentException(where + ": a text-pair template needs a second text after"
                            + " '||'");
                }
            }
            case REGRESSION -> {
                // either shape
            }
            case EXTRACTIVE_QA, TEXT_TO_TEXT -> throw new IllegalArgumentException(where + ": " + type.wireName()
                    + " is not audited and takes no templates");
        }
    }
}
