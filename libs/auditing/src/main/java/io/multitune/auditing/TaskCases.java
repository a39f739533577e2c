package io.multitune.auditing;

import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.fairness.templates.SlotKind;
import io.multitune.fairness.templates.Template;
import io.multitune.fairness.templates.TemplateCase;
import io.multitune.fairness.templates.Templates;
import io.multitune.fairness.terms.Counterfactual;
import io.multitune.fairness.terms.PairCounterfactual;
import io.multitune.fairness.terms.TermList;
import io.multitune.fairness.terms.TermSwapper;
import io.multitune.fairness.terms.TokenCounterfactual;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The inputs one task's counterfactual audit scores, in the order they are scored: the sources' own inputs (test
 * examples mentioning a listed term, in test order, then filled templates), then the task's other group-labelled
 * test examples (classification only), then every counterfactual, source by source. Built from the test examples,
 * the term lists, the templates and the run's seed alone, so every model of a run gets the same rows in the same
 * order, and its pairs line up with the other models' (what a paired bias-transfer interval needs).
 */
final class TaskCases {

    /** A counterfactual input; {@code swapped} marks the replaced tokens of a token list (null for texts). */
    record Variant(ExampleInput input, boolean[] swapped) {
    }

    /**
     * A source: a test example or a filled template, and its counterfactuals.
     *
     * @param id              the test example's id, or {@code template:<template id>:<filler terms>}
     * @param testIndex       its index among the task's test examples; −1 for a template
     * @param example         what is scored for it (a template's first column, with a placeholder target)
     * @param counterfactuals at least one
     */
    record Source(String id, int testIndex, StandardExample example, List<Variant> counterfactuals) {
        boolean template() {
            return testIndex < 0;
        }
    }

    final TaskPlan task;
    final List<Source> sources;
    /** Test examples mentioning a listed term with at least one counterfactual, before the cap. */
    final int mentioning;
    final int testSources;
    final int templateCasesAvailable;
    /** Indices into the test examples of those carrying group attributes (classification tasks only). */
    final List<Integer> groupExamples;
    /** Test examples carrying group attributes, whatever the task type. */
    final int withGroups;
    final List<StandardExample> rows;
    final int[] sourceRow;
    final int[][] counterfactualRow;
    final int[] groupRow;

    private TaskCases(TaskPlan task, List<Source> sources, int mentioning, int testSources,
                      int templateCasesAvailable, List<Integer> groupExamples, int withGroups,
                      List<StandardExample> test) {
        this.task = task;
        this.sources = List.copyOf(sources);
        this.mentioning = mentioning;
        this.testSources = testSources;
        this.templateCasesAvailable = templateCasesAvailable;
        this.groupExamples = List.copyOf(groupExamples);
        this.withGroups = withGroups;
        List<StandardExample> r = new ArrayList<>();
        this.sourceRow = new int[sources.size()];
        int[] rowOfTest = new int[test.size()];
        Arrays.fill(rowOfTest, -1);
        for (int s = 0; s < sources.size(); s++) {
            Source src = sources.get(s);
            sourceRow[s] = r.size();
            if (!src.template()) {
                rowOfTest[src.testIndex()] = r.size();
            }
            r.add(src.example());
        }
        this.groupRow = new int[groupExamples.size()];
        for (int g = 0; g < groupExamples.size(); g++) {
            int i = groupExamples.get(g);
            if (rowOfTest[i] < 0) {
                rowOfTest[i] = r.size();
                r.add(test.get(i));
            }
            groupRow[g] = rowOfTest[i];
        }
        this.counterfactualRow = new int[sources.size()][];
        for (int s = 0; s < sources.size(); s++) {
            Source src = sources.get(s);
            counterfactualRow[s] = new int[src.counterfactuals().size()];
            for (int k = 0; k < src.counterfactuals().size(); k++) {
                counterfactualRow[s][k] = r.size();
                r.add(copy(src.example(), src.id() + "#cf" + (k + 1), src.counterfactuals().get(k).input()));
            }
        }
        this.rows = List.copyOf(r);
    }

    /** Number of (source, counterfactual) pairs. */
    int pairs() {
        return sources.stream().mapToInt(s -> s.counterfactuals().size()).sum();
    }

    /** Number of rows that are counterfactuals or sources (what the counterfactual figures rest on). */
    int counterfactualRows() {
        return sources.size() + pairs();
    }

    /**
     * The cases of one task.
     *
     * @param test      the task's test examples, in their given order
     * @param swappers  one per term list
     * @param templates every template (those of the task's type and input shape are used)
     * @param fillers   the term list filling each slot kind (a kind without one is not filled)
     */
    static TaskCases of(TaskPlan task, List<StandardExample> test, List<TermSwapper> swappers,
                        List<Template> templates, Map<SlotKind, TermList> fillers, AuditSettings settings,
                        long seed) {
        List<Source> candidates = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            StandardExample e = test.get(i);
            List<Variant> variants = counterfactuals(e.input(), swappers);
            if (!variants.isEmpty()) {
                candidates.add(new Source(e.id(), i, e, variants));
            }
        }
        List<Source> sources = new ArrayList<>(sample(candidates, settings.maxSourcesPerTask(), seed,
                "sources:" + task.taskId()));
        int testSources = sources.size();

        List<Source> templated = new ArrayList<>();
        for (TemplateCase c : templateCases(task.taskType(), pairInput(task.taskType(), test), templates, fillers)) {
            String id = "template:" + c.template().id() + ":" + String.join("|", c.filler());
            boolean[] mask = task.taskType() == TaskType.TOKEN_CLASSIFICATION ? c.swappedMask() : null;
            StandardExample first = new StandardExample(StandardExample.SCHEMA_VERSION, id, "template",
                    task.taskId(), task.taskType(), Split.TEST, c.variants().get(0),
                    placeholderTarget(task, c.variants().get(0)), null, null, "en", null, null);
            List<Variant> variants = new ArrayList<>();
            for (ExampleInput v : c.variants().subList(1, c.variants().size())) {
                variants.add(new Variant(v, mask));
            }
            templated.add(new Source(id, -1, first, variants));
        }
        int available = templated.size();
        sources.addAll(sample(templated, settings.maxTemplateCases(), seed, "templates:" + task.taskId()));

        List<Integer> groupExamples = new ArrayList<>();
        int withGroups = 0;
        boolean classification = task.taskType() == TaskType.TEXT_CLASSIFICATION
                || task.taskType() == TaskType.TEXT_PAIR_CLASSIFICATION;
        for (int i = 0; i < test.size(); i++) {
            Map<String, String> g = test.get(i).groups();
            if (g != null && !g.isEmpty()) {
                withGroups++;
                if (classification) {
                    groupExamples.add(i);
                }
            }
        }
        return new TaskCases(task, sources, candidates.size(), testSources, available, groupExamples, withGroups,
                test);
    }

    /** Every counterfactual of an input under every list: token lists, text pairs, or single texts; none for QA. */
    static List<Variant> counterfactuals(ExampleInput input, List<TermSwapper> swappers) {
        List<Variant> out = new ArrayList<>();
        if (input == null) {
            return out;
        }
        for (TermSwapper swapper : swappers) {
            if (input.tokens() != null) {
                for (TokenCounterfactual c : swapper.counterfactuals(input.tokens())) {
                    out.add(new Variant(ExampleInput.tokens(c.tokens()), c.swappedMask()));
                }
            } else if (input.text() != null && input.textPair() != null) {
                for (PairCounterfactual c : swapper.counterfactuals(input.text(), input.textPair())) {
                    out.add(new Variant(ExampleInput.pair(c.text(), c.textPair()), null));
                }
            } else if (input.text() != null) {
                for (Counterfactual c : swapper.counterfactuals(input.text())) {
                    out.add(new Variant(ExampleInput.text(c.text()), null));
                }
            }
        }
        return out;
    }

    /**
     * Whether the task's inputs are text pairs: always for text-pair classification, never for text and token
     * classification; for regression, when most of its test examples are (no test example: single texts).
     */
    static boolean pairInput(TaskType type, List<StandardExample> test) {
        if (type == TaskType.TEXT_PAIR_CLASSIFICATION) {
            return true;
        }
        if (type != TaskType.REGRESSION) {
            return false;
        }
        long pairs = test.stream().filter(e -> e.input() != null && e.input().textPair() != null).count();
        return pairs * 2 > test.size();
    }

    /**
     * The filled templates of a task type and input shape: per slot kind with a filler, the templates holding that
     * slot and no other, filled with every group of its list (template order, then group order).
     */
    static List<TemplateCase> templateCases(TaskType type, boolean pairInput, List<Template> templates,
                                            Map<SlotKind, TermList> fillers) {
        List<Template> own = Templates.forTask(templates, type, pairInput);
        List<TemplateCase> out = new ArrayList<>();
        for (SlotKind slot : SlotKind.values()) {
            TermList filler = fillers.get(slot);
            if (filler == null) {
                continue;
            }
            List<Template> single = own.stream().filter(t -> t.has(slot) && java.util.Arrays.stream(SlotKind.values())
                    .noneMatch(other -> other != slot && t.has(other))).toList();
            out.addAll(Templates.expand(single, slot, filler));
        }
        return out;
    }

    /**
     * A target the trainer's assembler accepts for an input without gold (a template): the task's first label, that
     * label on every token, or 0. Counterfactual figures never read it; group metrics never see templates.
     */
    static ExampleTarget placeholderTarget(TaskPlan task, ExampleInput input) {
        switch (task.taskType()) {
            case TEXT_CLASSIFICATION:
            case TEXT_PAIR_CLASSIFICATION:
                return ExampleTarget.label(task.labels().get(0));
            case TOKEN_CLASSIFICATION:
                return ExampleTarget.tags(Collections.nCopies(input.tokens().size(), task.labels().get(0)));
            case REGRESSION:
                return ExampleTarget.value(0.0);
            default:
                throw new IllegalArgumentException(task.taskType().wireName() + " takes no templates");
        }
    }

    /** An example with another id and input; everything else kept but its group attributes. */
    static StandardExample copy(StandardExample e, String id, ExampleInput input) {
        return new StandardExample(e.schemaVersion(), id, e.datasetId(), e.taskId(), e.taskType(), e.split(), input,
                e.target(), e.domain(), null, e.language(), null, null);
    }

    /**
     * The items when there are at most {@code max}; else a sample of {@code max} of them, drawn under the seed and
     * the salt, in their original order.
     */
    static <T> List<T> sample(List<T> items, int max, long seed, String salt) {
        if (items.size() <= max) {
            return items;
        }
        int[] index = new int[items.size()];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ fnv(salt));
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(index.length - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] chosen = Arrays.copyOf(index, max);
        Arrays.sort(chosen);
        List<T> out = new ArrayList<>(max);
        for (int i : chosen) {
            out.add(items.get(i));
        }
        return out;
    }

    /** FNV-1a over the UTF-8 bytes: a salt that does not depend on String.hashCode's JVM. */
    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
