package io.multitune.auditing;

import ai.onnxruntime.OrtException;
import io.multitune.evaluation.stats.BootstrapResult;
import io.multitune.events.ExampleInput;
import io.multitune.events.ModelAudited;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;
import io.multitune.fairness.Auditability;
import io.multitune.fairness.BiasMetric;
import io.multitune.fairness.CounterfactualKind;
import io.multitune.fairness.counterfactual.FlipInputs;
import io.multitune.fairness.counterfactual.FlipStatistics;
import io.multitune.fairness.counterfactual.TagFlipInputs;
import io.multitune.fairness.counterfactual.TagFlipStatistics;
import io.multitune.fairness.counterfactual.TaggedPair;
import io.multitune.fairness.counterfactual.ValueChangeInputs;
import io.multitune.fairness.counterfactual.ValueChangeStatistics;
import io.multitune.fairness.explain.Attribution;
import io.multitune.fairness.explain.Occlusion;
import io.multitune.fairness.explain.TokenImportance;
import io.multitune.fairness.explain.TopTokens;
import io.multitune.fairness.explain.WordTokens;
import io.multitune.fairness.group.ClassRates;
import io.multitune.fairness.group.Disparity;
import io.multitune.fairness.group.GroupFigures;
import io.multitune.fairness.group.GroupInputs;
import io.multitune.fairness.group.GroupMetrics;
import io.multitune.fairness.group.GroupOptions;
import io.multitune.fairness.group.GroupReport;
import io.multitune.fairness.stats.Bootstrap;
import io.multitune.fairness.templates.SlotKind;
import io.multitune.fairness.templates.Template;
import io.multitune.fairness.terms.TermList;
import io.multitune.fairness.terms.TermLists;
import io.multitune.fairness.terms.TermSwapper;
import io.multitune.scoring.ModelScorer;
import io.multitune.scoring.TaskPredictions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Audits one opened model on its job's tasks. Per task, by {@link Auditability}:
 * <ul>
 *   <li>a type the audits do not cover (extractive QA, text-to-text) is listed as not audited, with the reason;</li>
 *   <li><b>counterfactual invariance</b>: the sources are the task's test examples that mention a listed term
 *       ({@link TermSwapper}; texts, text pairs swapped consistently, token lists token for token), a seeded sample
 *       of {@code maxSourcesPerTask} when more do, plus templates of the task's type and input shape filled with
 *       each group of the slot's list (a seeded sample of {@code maxTemplateCases}); each source's counterfactuals
 *       are copies with the swapped input (ids {@code <source id>#cf<k>}). Sources and counterfactuals of a task go
 *       through the model in one {@link ModelScorer#score} call, and the pairs give {@link FlipStatistics}
 *       (classification), {@link TagFlipStatistics} (tagging) or {@link ValueChangeStatistics} (regression) with
 *       cluster-bootstrap intervals over sources; the {@code changedCases} most changed pairs are kept;</li>
 *   <li><b>group metrics</b> (classification): the task's test examples carrying group attributes, scored in the
 *       same call, give per attribute the groups' accuracy and macro-F1, selection rate, TPR and FPR and the
 *       demographic parity and equalized odds differences ({@link GroupMetrics}) against gold labels;</li>
 *   <li><b>explanations</b> (classification): the source inputs of the {@code explainCases} most changed pairs,
 *       split into words, each word left out in turn ({@link Occlusion#REMOVE}) and scored in one more call; the
 *       attribution of a word is p(ŷ|x) − p(ŷ|x without it), ŷ the class predicted for the source, and
 *       {@link TopTokens} ranks the words over the task's explained cases.</li>
 * </ul>
 * Everything random is drawn from the run's seed, and the rows of a task depend only on its test examples, the
 * lists and the templates: every model of a run is audited on the same pairs in the same order, which is what
 * lets {@link RunBiasJudgement} pair the multi-task model with each baseline.
 */
public final class ModelAudit {

    /** Words of a text (or of each text of a pair, when both together exceed it) that occlusion explains. */
    static final int MAX_OCCLUDED_WORDS = 128;

    private final AuditSettings settings;
    private final List<TermSwapper> swappers;
    private final List<Template> templates;
    private final Map<SlotKind, TermList> fillers;

    /**
     * An audit swapping the terms of one list. Templates' {@code {person}} slots take the shipped given-name pairs
     * ({@link TermLists#genderNames()}), their {@code {identity}} slots the list when its category is not
     * {@code gender} (a user's religion or nationality list).
     *
     * @param templates the templates (e.g. {@code Templates.bundled()}); those of each task's type are used
     */
    public ModelAudit(AuditSettings settings, TermList terms, List<Template> templates) {
        this(settings, List.of(Objects.requireNonNull(terms, "terms")), templates, defaultFillers(List.of(terms)));
    }

    /**
     * An audit swapping the terms of several lists (each source gets the counterfactuals of every list it
     * mentions), with the term list filling each template slot kind (a kind without a list is not filled).
     */
    public ModelAudit(AuditSettings settings, List<TermList> terms, List<Template> templates,
                      Map<SlotKind, TermList> fillers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(terms, "terms");
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("terms must hold at least one term list");
        }
        this.swappers = terms.stream().map(TermSwapper::new).toList();
        this.templates = List.copyOf(Objects.requireNonNull(templates, "templates"));
        this.fillers = new EnumMap<>(SlotKind.class);
        this.fillers.putAll(Objects.requireNonNull(fillers, "fillers"));
    }

    /** Person slots: the shipped given-name pairs; identity slots: the first list not of category gender. */
    public static Map<SlotKind, TermList> defaultFillers(List<TermList> terms) {
        Map<SlotKind, TermList> out = new EnumMap<>(SlotKind.class);
        out.put(SlotKind.PERSON, TermLists.genderNames());
        terms.stream().filter(t -> !t.category().equals("gender")).findFirst()
                .ifPresent(t -> out.put(SlotKind.IDENTITY, t));
        return out;
    }

    /** The settings. */
    public AuditSettings settings() {
        return settings;
    }

    /**
     * The rows {@link #audit} scores for one task's counterfactual and group figures, in order: source inputs,
     * other group-labelled test examples (classification), counterfactuals. Empty for a task that is not audited.
     */
    public List<StandardExample> plannedInputs(TaskPlan task, List<StandardExample> testExamples, long seed) {
        if (!Auditability.of(task.taskType()).audited()) {
            return List.of();
        }
        return cases(task, testExamples, seed).rows;
    }

    /**
     * Audits one opened model on its job's tasks.
     *
     * @param scorer       the model, opened on {@code tasks}
     * @param tasks        the job's tasks
     * @param testExamples task id → that task's test examples (the same lists, in the same order, for every model
     *                     of a run); a task without an entry has none
     * @param seed         the run's seed
     * @throws OrtException when ONNX Runtime fails; a malformed example fails with the scorer's
     *                      {@code MalformedBatchException}
     */
    public AuditedModel audit(ModelScorer scorer, List<TaskPlan> tasks, Map<String, List<StandardExample>> testExamples,
                              long seed) throws OrtException {
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(testExamples, "testExamples");
        long start = System.nanoTime();
        Map<String, ModelAudited.TaskAudit> audits = new LinkedHashMap<>();
        Map<String, AuditedModel.AuditedTask> details = new LinkedHashMap<>();
        List<ModelAudited.NotAudited> notAudited = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long inputs = 0;
        long occlusionInputs = 0;
        long occlusionNanos = 0;
        Bootstrap bootstrap = new Bootstrap(settings.bootstrapResamples(), seed);
        for (TaskPlan task : tasks) {
            Auditability auditability = Auditability.of(task.taskType());
            if (!auditability.audited()) {
                notAudited.add(new ModelAudited.NotAudited(task.taskId(), task.taskType(), auditability.reason()));
                continue;
            }
            List<StandardExample> test = testExamples.getOrDefault(task.taskId(), List.of());
            TaskCases cases = cases(task, test, seed);
            TaskAuditor t = new TaskAuditor(task, auditability.kind(), cases, test, bootstrap, notes);
            TaskPredictions predictions = null;
            if (!cases.rows.isEmpty()) {
                // One call: sources, group-labelled examples and counterfactuals of the task together.
                predictions = scorer.score(cases.rows, settings.batchSize()).get(task.taskId());
                inputs += cases.rows.size();
            }
            t.counterfactual(predictions);
            t.groups(predictions);
            long explainStart = System.nanoTime();
            long explained = t.explain(scorer, predictions);
            occlusionNanos += System.nanoTime() - explainStart;
            occlusionInputs += explained;
            inputs += explained;
            t.capNotes();
            audits.put(task.taskId(), t.event());
            details.put(task.taskId(), t.detail());
        }
        return new AuditedModel(audits, details, notAudited, notes, inputs, (System.nanoTime() - start) / 1e9,
                occlusionInputs, occlusionNanos / 1e9);
    }

    private TaskCases cases(TaskPlan task, List<StandardExample> test, long seed) {
        return TaskCases.of(task, test, swappers, templates, fillers, settings, seed);
    }

    /** One task's audit in progress. */
    private final class TaskAuditor {
        private final TaskPlan task;
        private final CounterfactualKind kind;
        private final TaskCases cases;
        private final List<StandardExample> test;
        private final Bootstrap bootstrap;
        private final List<String> notes;
        private ModelAudited.Counterfactual counterfactualEvent;
        private io.multitune.fairness.counterfactual.CounterfactualFigures figures;
        private FlipInputs flips;
        private TagFlipInputs tagFlips;
        private ValueChangeInputs valueChanges;
        /** Per flip pair, its source; the explained cases are read from it. */
        private int[] flipSource;
        private final List<GroupInputs> groupInputs = new ArrayList<>();
        private final List<GroupReport> groupReports = new ArrayList<>();
        private final List<ModelAudited.GroupAudit> groupAudits = new ArrayList<>();
        private List<ModelAudited.TokenWeight> topTokens = List.of();

        TaskAuditor(TaskPlan task, CounterfactualKind kind, TaskCases cases, List<StandardExample> test,
                    Bootstrap bootstrap, List<String> notes) {
            this.task = task;
            this.kind = kind;
            this.cases = cases;
            this.test = test;
            this.bootstrap = bootstrap;
            this.notes = notes;
        }

        void counterfactual(TaskPredictions predictions) {
            if (cases.sources.isEmpty()) {
                notes.add("task " + task.taskId() + ": no counterfactual pair (no test input mentions a listed term"
                        + " and no template of its type was filled)");
                return;
            }
            switch (kind) {
                case LABEL_FLIPS -> labelFlips((TaskPredictions.Classification) predictions);
                case TAG_FLIPS -> tagFlips((TaskPredictions.Tagging) predictions);
                case VALUE_CHANGE -> valueChanges((TaskPredictions.Regression) predictions);
            }
        }

        private void labelFlips(TaskPredictions.Classification p) {
            int m = cases.pairs();
            int[] originalPredicted = new int[m];
            double[] originalProb = new double[m];
            int[] counterfactualPredicted = new int[m];
            double[] counterfactualProb = new double[m];
            int[] source = new int[m];
            int[] cf = new int[m];
            int j = 0;
            for (int s = 0; s < cases.sources.size(); s++) {
                int row = cases.sourceRow[s];
                int y = p.predicted()[row];
                for (int k = 0; k < cases.counterfactualRow[s].length; k++) {
                    int cfRow = cases.counterfactualRow[s][k];
                    originalPredicted[j] = y;
                    originalProb[j] = p.probabilities()[row][y];
                    counterfactualPredicted[j] = p.predicted()[cfRow];
                    counterfactualProb[j] = p.probabilities()[cfRow][y];
                    source[j] = s;
                    cf[j] = k;
                    j++;
                }
            }
            flips = FlipInputs.of(originalPredicted, originalProb, counterfactualPredicted, counterfactualProb, source);
            flipSource = source;
            FlipStatistics stats = FlipStatistics.of(flips, bootstrap);
            figures = stats;
            Map<String, ModelAudited.Estimate> f = new LinkedHashMap<>();
            f.put(BiasMetric.FLIP_RATE.wireName(), estimate(stats.flipRate(), stats.flipRateInterval()));
            f.put(BiasMetric.MEAN_PROB_CHANGE.wireName(),
                    estimate(stats.meanAbsChange(), stats.meanAbsChangeInterval()));
            f.put(BiasMetric.MAX_PROB_CHANGE.wireName(), estimate(stats.maxAbsChange(), stats.maxAbsChangeInterval()));
            List<ModelAudited.ChangedCase> changed = new ArrayList<>();
            for (int pair : flips.mostChanged(settings.changedCases())) {
                int s = source[pair];
                TaskCases.Source src = cases.sources.get(s);
                changed.add(new ModelAudited.ChangedCase(src.id(), render(src.example().input()),
                        render(src.counterfactuals().get(cf[pair]).input()), p.labels().get(originalPredicted[pair]),
                        p.labels().get(counterfactualPredicted[pair]), flips.absChange(pair)));
            }
            counterfactualEvent = new ModelAudited.Counterfactual(kind.name(), stats.sources(), stats.pairs(), f,
                    changed);
        }

        private void tagFlips(TaskPredictions.Tagging p) {
            Map<String, Integer> tagIndex = new HashMap<>();
            for (int i = 0; i < p.labels().size(); i++) {
                tagIndex.put(p.labels().get(i), i);
            }
            List<TaggedPair> pairs = new ArrayList<>();
            List<int[]> where = new ArrayList<>(); // source, counterfactual, of each pair kept
            int empty = 0;
            for (int s = 0; s < cases.sources.size(); s++) {
                int row = cases.sourceRow[s];
                // Compare the words every input of the source kept after truncation, so that all pairs of one
                // source agree on the source's tags.
                int n = p.predicted().get(row).size();
                for (int cfRow : cases.counterfactualRow[s]) {
                    n = Math.min(n, p.predicted().get(cfRow).size());
                }
                if (n == 0) {
                    empty += cases.counterfactualRow[s].length;
                    continue;
                }
                int[] originalTags = tags(p.predicted().get(row), n, tagIndex);
                double[] originalProb = new double[n];
                for (int i = 0; i < n; i++) {
                    originalProb[i] = p.probabilities().get(row)[i][originalTags[i]];
                }
                for (int k = 0; k < cases.counterfactualRow[s].length; k++) {
                    int cfRow = cases.counterfactualRow[s][k];
                    int[] cfTags = tags(p.predicted().get(cfRow), n, tagIndex);
                    double[] cfProb = new double[n];
                    for (int i = 0; i < n; i++) {
                        cfProb[i] = p.probabilities().get(cfRow)[i][originalTags[i]];
                    }
                    boolean[] swapped = java.util.Arrays.copyOf(cases.sources.get(s).counterfactuals().get(k)
                            .swapped(), n);
                    TaggedPair pair = new TaggedPair(s, originalTags, originalProb, cfTags, cfProb, swapped);
                    pairs.add(pair);
                    if (pair.untouched() > 0) {
                        where.add(new int[] {s, k});
                    }
                }
            }
            if (empty > 0) {
                notes.add(String.format(Locale.ROOT, "task %s: %d counterfactual pair(s) left out: truncation left"
                        + " no word to compare", task.taskId(), empty));
            }
            if (where.isEmpty()) {
                notes.add("task " + task.taskId() + ": no counterfactual pair has a token the swap did not touch;"
                        + " tag flips are not measured");
                return;
            }
            tagFlips = TagFlipInputs.of(pairs);
            TagFlipStatistics stats = TagFlipStatistics.of(tagFlips, bootstrap);
            figures = stats;
            Map<String, ModelAudited.Estimate> f = new LinkedHashMap<>();
            f.put(BiasMetric.FLIP_RATE.wireName(), estimate(stats.flipRate(), stats.flipRateInterval()));
            f.put(BiasMetric.TOKEN_FLIP_RATE.wireName(),
                    estimate(stats.tokenFlipRate(), stats.tokenFlipRateInterval()));
            f.put(BiasMetric.MEAN_PROB_CHANGE.wireName(),
                    estimate(stats.meanAbsChange(), stats.meanAbsChangeInterval()));
            f.put(BiasMetric.MAX_PROB_CHANGE.wireName(), estimate(stats.maxAbsChange(), stats.maxAbsChangeInterval()));
            List<TaggedPair> kept = pairs.stream().filter(x -> x.untouched() > 0).toList();
            List<ModelAudited.ChangedCase> changed = new ArrayList<>();
            for (int j : tagFlips.mostChanged(settings.changedCases())) {
                int s = where.get(j)[0];
                int k = where.get(j)[1];
                TaskCases.Source src = cases.sources.get(s);
                int n = kept.get(j).originalTags().length;
                changed.add(new ModelAudited.ChangedCase(src.id(), render(src.example().input()),
                        render(src.counterfactuals().get(k).input()),
                        cut(String.join(" ", p.predicted().get(cases.sourceRow[s]).subList(0, n))),
                        cut(String.join(" ", p.predicted().get(cases.counterfactualRow[s][k]).subList(0, n))),
                        kept.get(j).maxAbsChange()));
            }
            if (stats.excludedPairs() > 0) {
                notes.add(String.format(Locale.ROOT, "task %s: %d counterfactual pair(s) had every token swapped"
                        + " and are left out of the tag flips", task.taskId(), stats.excludedPairs()));
            }
            counterfactualEvent = new ModelAudited.Counterfactual(kind.name(), stats.sources(), stats.pairs(), f,
                    changed);
        }

        private static int[] tags(List<String> predicted, int n, Map<String, Integer> tagIndex) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = tagIndex.get(predicted.get(i));
            }
            return out;
        }

        private void valueChanges(TaskPredictions.Regression p) {
            int m = cases.pairs();
            double[] original = new double[m];
            double[] counterfactual = new double[m];
            int[] source = new int[m];
            int[] cf = new int[m];
            int j = 0;
            for (int s = 0; s < cases.sources.size(); s++) {
                for (int k = 0; k < cases.counterfactualRow[s].length; k++) {
                    original[j] = p.predicted()[cases.sourceRow[s]];
                    counterfactual[j] = p.predicted()[cases.counterfactualRow[s][k]];
                    source[j] = s;
                    cf[j] = k;
                    j++;
                }
            }
            valueChanges = ValueChangeInputs.of(original, counterfactual, source);
            ValueChangeStatistics stats = ValueChangeStatistics.of(valueChanges, bootstrap);
            figures = stats;
            Map<String, ModelAudited.Estimate> f = new LinkedHashMap<>();
            f.put(BiasMetric.MEAN_VALUE_CHANGE.wireName(),
                    estimate(stats.meanAbsChange(), stats.meanAbsChangeInterval()));
            f.put(BiasMetric.MAX_VALUE_CHANGE.wireName(),
                    estimate(stats.maxAbsChange(), stats.maxAbsChangeInterval()));
            List<ModelAudited.ChangedCase> changed = new ArrayList<>();
            for (int pair : valueChanges.mostChanged(settings.changedCases())) {
                TaskCases.Source src = cases.sources.get(source[pair]);
                changed.add(new ModelAudited.ChangedCase(src.id(), render(src.example().input()),
                        render(src.counterfactuals().get(cf[pair]).input()), value(original[pair]),
                        value(counterfactual[pair]), valueChanges.absChange(pair)));
            }
            counterfactualEvent = new ModelAudited.Counterfactual(kind.name(), stats.sources(), stats.pairs(), f,
                    changed);
        }

        void groups(TaskPredictions predictions) {
            if (cases.withGroups > 0 && cases.groupExamples.isEmpty()) {
                notes.add(String.format(Locale.ROOT, "task %s: %d test example(s) carry group attributes, but group"
                                + " metrics (selection rates, TPR, FPR) need classes: not computed for a %s task",
                        task.taskId(), cases.withGroups, task.taskType().wireName()));
                return;
            }
            if (cases.groupExamples.isEmpty()) {
                return;
            }
            TaskPredictions.Classification p = (TaskPredictions.Classification) predictions;
            int n = cases.groupExamples.size();
            int[] gold = new int[n];
            int[] predicted = new int[n];
            List<Map<String, String>> groups = new ArrayList<>(n);
            for (int g = 0; g < n; g++) {
                gold[g] = p.gold()[cases.groupRow[g]];
                predicted[g] = p.predicted()[cases.groupRow[g]];
                groups.add(test.get(cases.groupExamples.get(g)).groups());
            }
            GroupOptions options = new GroupOptions(settings.minGroupSize(), OptionalInt.empty());
            for (String attribute : GroupInputs.attributes(groups)) {
                GroupInputs inputs = GroupInputs.fromGroupMaps(attribute, groups, gold, predicted, p.labels().size(),
                        options);
                GroupReport report = GroupMetrics.of(inputs, bootstrap);
                groupInputs.add(inputs);
                groupReports.add(report);
                groupAudits.add(groupAudit(report, p.labels()));
            }
        }

        /** Occlusion of the most changed pairs' sources; returns the model inputs it ran. */
        long explain(ModelScorer scorer, TaskPredictions predictions) throws OrtException {
            if (settings.explainCases() == 0 || flips == null) {
                return 0;
            }
            TaskPredictions.Classification p = (TaskPredictions.Classification) predictions;
            List<Integer> explained = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (int pair : flips.mostChanged(settings.explainCases())) {
                if (seen.add(flipSource[pair])) {
                    explained.add(flipSource[pair]);
                }
            }
            List<StandardExample> rows = new ArrayList<>();
            List<List<String>> tokens = new ArrayList<>();
            List<int[]> span = new ArrayList<>(); // first row and row count of each explained case
            for (int s : explained) {
                TaskCases.Source src = cases.sources.get(s);
                Occluded o = occluded(src);
                if (o == null) {
                    continue;
                }
                span.add(new int[] {rows.size(), o.inputs().size(), cases.sourceRow[s]});
                tokens.add(o.tokens());
                for (int i = 0; i < o.inputs().size(); i++) {
                    rows.add(TaskCases.copy(src.example(), src.id() + "#occ" + i, o.inputs().get(i)));
                }
            }
            if (rows.isEmpty()) {
                return 0;
            }
            TaskPredictions.Classification occluded = (TaskPredictions.Classification) scorer
                    .score(rows, settings.batchSize()).get(task.taskId());
            List<Attribution> attributions = new ArrayList<>();
            for (int c = 0; c < span.size(); c++) {
                int first = span.get(c)[0];
                int count = span.get(c)[1];
                int y = p.predicted()[span.get(c)[2]];
                double[] prob = new double[count];
                for (int i = 0; i < count; i++) {
                    prob[i] = occluded.probabilities()[first + i][y];
                }
                attributions.add(Occlusion.REMOVE.attributeBatch(tokens.get(c), in -> {
                    if (in.size() != count) {
                        throw new IllegalStateException("occlusion asked for " + in.size() + " inputs, "
                                + count + " were scored");
                    }
                    return prob;
                }));
            }
            List<ModelAudited.TokenWeight> top = new ArrayList<>();
            for (TokenImportance t : TopTokens.of(attributions, settings.topTokens())) {
                top.add(new ModelAudited.TokenWeight(t.token(), t.occurrences(), t.mean()));
            }
            topTokens = List.copyOf(top);
            return rows.size();
        }

        void capNotes() {
            if (cases.mentioning > cases.testSources) {
                notes.add(String.format(Locale.ROOT, "task %s: %d test examples mention a listed term; a seeded"
                                + " sample of %d was swapped", task.taskId(), cases.mentioning, cases.testSources));
            }
            int templated = cases.sources.size() - cases.testSources;
            if (cases.templateCasesAvailable > templated) {
                notes.add(String.format(Locale.ROOT, "task %s: %d filled templates; a seeded sample of %d was used",
                        task.taskId(), cases.templateCasesAvailable, templated));
            }
        }

        ModelAudited.TaskAudit event() {
            return new ModelAudited.TaskAudit(task.taskType(), counterfactualEvent, List.copyOf(groupAudits),
                    topTokens);
        }

        AuditedModel.AuditedTask detail() {
            return new AuditedModel.AuditedTask(task.taskId(), task.taskType(), figures, flips, tagFlips,
                    valueChanges, groupInputs, groupReports);
        }
    }

    /** A source's words and the inputs occlusion scores: the whole input first, then one word left out each. */
    private record Occluded(List<String> tokens, List<ExampleInput> inputs) {
    }

    private static Occluded occluded(TaskCases.Source src) {
        ExampleInput in = src.example().input();
        if (in.text() == null) {
            return null;
        }
        List<String> first = WordTokens.split(in.text());
        List<String> second = in.textPair() == null ? null : WordTokens.split(in.textPair());
        int total = first.size() + (second == null ? 0 : second.size());
        if (total > MAX_OCCLUDED_WORDS) {
            int each = second == null ? MAX_OCCLUDED_WORDS : MAX_OCCLUDED_WORDS / 2;
            first = first.subList(0, Math.min(first.size(), each));
            if (second != null) {
                second = second.subList(0, Math.min(second.size(), MAX_OCCLUDED_WORDS - first.size()));
            }
        }
        List<String> tokens = new ArrayList<>(first);
        if (second != null) {
            tokens.addAll(second);
        }
        if (tokens.isEmpty()) {
            return null;
        }
        List<ExampleInput> inputs = new ArrayList<>(tokens.size() + 1);
        inputs.add(join(first, second));
        for (int t = 0; t < tokens.size(); t++) {
            if (t < first.size()) {
                List<String> a = new ArrayList<>(first);
                a.remove(t);
                inputs.add(join(a, second));
            } else {
                List<String> b = new ArrayList<>(second);
                b.remove(t - first.size());
                inputs.add(join(first, b));
            }
        }
        return new Occluded(List.copyOf(tokens), inputs);
    }

    private static ExampleInput join(List<String> first, List<String> second) {
        return second == null ? ExampleInput.text(WordTokens.join(first))
                : ExampleInput.pair(WordTokens.join(first), WordTokens.join(second));
    }

    private ModelAudited.GroupAudit groupAudit(GroupReport report, List<String> labels) {
        Disparity dp = report.demographicParity();
        Disparity eo = report.equalizedOdds();
        int shown = dp.defined() ? dp.label() : report.evaluatedClasses().get(0);
        List<ModelAudited.GroupFigures> groups = new ArrayList<>();
        for (GroupFigures g : report.groups()) {
            ClassRates rates = g.rates().stream().filter(r -> r.label() == shown).findFirst().orElse(null);
            groups.add(new ModelAudited.GroupFigures(g.group(), g.n(), g.inDifferences(), g.accuracy(),
                    finiteOr(g.macroF1(), 0.0), rates == null ? null : nullIfNaN(rates.selectionRate()),
                    rates == null ? null : nullIfNaN(rates.truePositiveRate()),
                    rates == null ? null : nullIfNaN(rates.falsePositiveRate())));
        }
        StringBuilder detail = new StringBuilder();
        detail.append(String.format(Locale.ROOT, "rates of class %s; %d of %d groups have at least %d examples",
                labels.get(shown), report.groupsInDifferences().size(), report.groups().size(),
                report.minGroupSize()));
        if (dp.defined()) {
            detail.append(String.format(Locale.ROOT, "; demographic parity: class %s selection rate, %s highest, %s"
                    + " lowest", labels.get(dp.label()), dp.maxGroup(), dp.minGroup()));
        }
        if (eo.defined()) {
            detail.append(String.format(Locale.ROOT, "; equalized odds: class %s %s gap, %s highest, %s lowest",
                    labels.get(eo.label()), eo.component(), eo.maxGroup(), eo.minGroup()));
        }
        for (String note : report.notes()) {
            detail.append("; ").append(note);
        }
        return new ModelAudited.GroupAudit(report.attribute(), groups, estimate(dp.value(), dp.interval()),
                estimate(eo.value(), eo.interval()), detail.toString());
    }

    /** An estimate with its interval; NaN values and bounds become null. */
    static ModelAudited.Estimate estimate(double value, BootstrapResult interval) {
        return new ModelAudited.Estimate(nullIfNaN(value), interval == null ? null : nullIfNaN(interval.lower()),
                interval == null ? null : nullIfNaN(interval.upper()));
    }

    static Double nullIfNaN(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    private String render(ExampleInput in) {
        if (in.tokens() != null) {
            return cut(String.join(" ", in.tokens()));
        }
        return cut(in.textPair() == null ? in.text() : in.text() + " || " + in.textPair());
    }

    private String cut(String s) {
        int max = settings.caseInputChars();
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String value(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
