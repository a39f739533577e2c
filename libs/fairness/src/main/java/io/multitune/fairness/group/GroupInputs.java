package io.multitune.fairness.group;

import io.multitune.evaluation.Arguments;
import io.multitune.fairness.stats.Design;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The validated data of one attribute's group metrics — gold and predicted classes and each example's group — with
 * the differences as functions of resampled rows of {@link #differenceDesign()} (what the bootstrap and
 * {@link io.multitune.fairness.transfer.BiasTransfer} call). Formulas and conventions: see the package doc.
 */
public final class GroupInputs {

    private final String attribute;
    private final List<String> groupNames;
    private final int[] groupOfExample;
    private final int[] gold;
    private final int[] predicted;
    private final int numClasses;
    private final GroupOptions options;
    private final int[] evaluatedClasses;
    private final int[] groupSize;
    private final int[] includedGroups;
    private final int[] differenceRows;
    private final int[] positionOfGroup;
    private final Design differenceDesign;
    private final int missing;

    private GroupInputs(String attribute, List<String> groupOf, int[] gold, int[] predicted, int numClasses,
                        GroupOptions options) {
        this.attribute = attribute;
        this.gold = gold.clone();
        this.predicted = predicted.clone();
        this.numClasses = numClasses;
        this.options = options;
        this.groupNames = List.copyOf(new TreeSet<>(groupOf.stream().filter(Objects::nonNull).toList()));
        this.groupOfExample = new int[gold.length];
        this.groupSize = new int[groupNames.size()];
        Map<String, Integer> indexOf = new java.util.HashMap<>();
        for (int g = 0; g < groupNames.size(); g++) {
            indexOf.put(groupNames.get(g), g);
        }
        int absent = 0;
        for (int i = 0; i < gold.length; i++) {
            String g = groupOf.get(i);
            groupOfExample[i] = g == null ? -1 : indexOf.get(g);
            if (g == null) {
                absent++;
            } else {
                groupSize[groupOfExample[i]]++;
            }
        }
        this.missing = absent;
        if (options.positiveClass().isPresent()) {
            this.evaluatedClasses = new int[] {options.positiveClass().getAsInt()};
        } else if (numClasses == 2) {
            this.evaluatedClasses = new int[] {1};
        } else {
            this.evaluatedClasses = new int[numClasses];
            Arrays.setAll(evaluatedClasses, c -> c);
        }
        List<Integer> included = new ArrayList<>();
        this.positionOfGroup = new int[groupNames.size()];
        Arrays.fill(positionOfGroup, -1);
        for (int g = 0; g < groupNames.size(); g++) {
            if (groupSize[g] >= options.minGroupSize()) {
                positionOfGroup[g] = included.size();
                included.add(g);
            }
        }
        this.includedGroups = included.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < gold.length; i++) {
            if (groupOfExample[i] >= 0 && positionOfGroup[groupOfExample[i]] >= 0) {
                rows.add(i);
            }
        }
        this.differenceRows = rows.stream().mapToInt(Integer::intValue).toArray();
        if (differenceRows.length == 0) {
            this.differenceDesign = null;
        } else {
            int[] strata = new int[differenceRows.length];
            for (int r = 0; r < differenceRows.length; r++) {
                int i = differenceRows[r];
                strata[r] = positionOfGroup[groupOfExample[i]] * numClasses + gold[i];
            }
            this.differenceDesign = Design.strata(strata);
        }
    }

    /**
     * Checks and copies the data.
     *
     * @param attribute  the attribute's name
     * @param groupOf    each example's value of the attribute; null where the example lacks it
     * @param gold       gold class of each example, 0..numClasses−1
     * @param predicted  predicted class of each example
     * @param numClasses the task's number of classes (at least 2)
     * @param options    minimum group size and positive class
     */
    public static GroupInputs of(String attribute, List<String> groupOf, int[] gold, int[] predicted, int numClasses,
                                 GroupOptions options) {
        Arguments.require(attribute != null && !attribute.isBlank(), "attribute", "must be a non-blank name");
        Arguments.notNull(groupOf, "groupOf");
        Arguments.notNull(gold, "gold");
        Arguments.notNull(predicted, "predicted");
        Arguments.notNull(options, "options");
        Arguments.sameNonEmptyLength(gold.length, predicted.length, "gold", "predicted");
        Arguments.sameNonEmptyLength(gold.length, groupOf.size(), "gold", "groupOf");
        Arguments.require(numClasses >= 2, "numClasses", "must be at least 2, was " + numClasses);
        for (int i = 0; i < gold.length; i++) {
            Arguments.require(gold[i] >= 0 && gold[i] < numClasses, "gold",
                    "label " + gold[i] + " at " + i + " is outside 0.." + (numClasses - 1));
            Arguments.require(predicted[i] >= 0 && predicted[i] < numClasses, "predicted",
                    "label " + predicted[i] + " at " + i + " is outside 0.." + (numClasses - 1));
        }
        Arguments.require(groupOf.stream().anyMatch(Objects::nonNull), "groupOf",
                "no example carries attribute '" + attribute + "'");
        options.positiveClass().ifPresent(c -> Arguments.require(c < numClasses, "positiveClass",
                "class " + c + " is outside 0.." + (numClasses - 1)));
        return new GroupInputs(attribute, groupOf, gold, predicted, numClasses, options);
    }

    /** As {@link #of}, reading each example's group from its {@code groups()} map (null map = no attributes). */
    public static GroupInputs fromGroupMaps(String attribute, List<Map<String, String>> groups, int[] gold,
                                            int[] predicted, int numClasses, GroupOptions options) {
        return of(attribute, valuesOf(groups, attribute), gold, predicted, numClasses, options);
    }

    /** Each example's value of the attribute, null where absent. */
    public static List<String> valuesOf(List<Map<String, String>> groups, String attribute) {
        Arguments.notNull(groups, "groups");
        Arguments.notNull(attribute, "attribute");
        List<String> out = new ArrayList<>(groups.size());
        for (Map<String, String> g : groups) {
            out.add(g == null ? null : g.get(attribute));
        }
        return out;
    }

    /** Every attribute some example carries, sorted. */
    public static List<String> attributes(List<Map<String, String>> groups) {
        Arguments.notNull(groups, "groups");
        TreeSet<String> names = new TreeSet<>();
        for (Map<String, String> g : groups) {
            if (g != null) {
                names.addAll(g.keySet());
            }
        }
        return List.copyOf(names);
    }

    /** The attribute. */
    public String attribute() {
        return attribute;
    }

    /** The group names, sorted. */
    public List<String> groupNames() {
        return groupNames;
    }

    /** Examples of group g (index into {@link #groupNames()}). */
    public int groupSize(int g) {
        return groupSize[g];
    }

    /** Whether group g enters the differences. */
    public boolean inDifferences(int g) {
        return positionOfGroup[g] >= 0;
    }

    /** The example indices of group g. */
    public int[] rowsOf(int g) {
        return java.util.stream.IntStream.range(0, gold.length).filter(i -> groupOfExample[i] == g).toArray();
    }

    /** Examples without the attribute. */
    public int missing() {
        return missing;
    }

    /** Number of examples. */
    public int examples() {
        return gold.length;
    }

    /** Number of classes. */
    public int numClasses() {
        return numClasses;
    }

    /** The options. */
    public GroupOptions options() {
        return options;
    }

    /** The classes whose rates are compared. */
    public int[] evaluatedClasses() {
        return evaluatedClasses.clone();
    }

    int gold(int example) {
        return gold[example];
    }

    int predicted(int example) {
        return predicted[example];
    }

    /** Number of groups that enter the differences. */
    public int groupsInDifferences() {
        return includedGroups.length;
    }

    /**
     * The stratified design (group × gold class) over the examples of the groups that enter the differences; null
     * when no group is large enough.
     */
    public Design differenceDesign() {
        return differenceDesign;
    }

    /** Whether the other inputs hold the same examples (same gold classes and groups): then pairs can be paired. */
    public boolean sameExamples(GroupInputs other) {
        return other != null && attribute.equals(other.attribute) && numClasses == other.numClasses
                && Arrays.equals(gold, other.gold) && groupNames.equals(other.groupNames)
                && Arrays.equals(groupOfExample, other.groupOfExample) && options.equals(other.options);
    }

    /** Demographic parity difference on rows of {@link #differenceDesign()} (largest over the classes). */
    public double demographicParity(int[] rows) {
        return gaps(rows).demographicParity().value();
    }

    /** Equalized odds difference on rows of {@link #differenceDesign()} (largest over the classes). */
    public double equalizedOdds(int[] rows) {
        return gaps(rows).equalizedOdds().value();
    }

    /** Demographic parity difference on all examples of the groups that enter the differences. */
    public double demographicParity() {
        return differenceDesign == null ? Double.NaN : demographicParity(differenceDesign.all());
    }

    /** Equalized odds difference on all examples of the groups that enter the differences. */
    public double equalizedOdds() {
        return differenceDesign == null ? Double.NaN : equalizedOdds(differenceDesign.all());
    }

    /** The largest gap with where it comes from. */
    record Gap(double value, int label, String component, int maxGroup, int minGroup) {
        static final Gap UNDEFINED = new Gap(Double.NaN, -1, null, -1, -1);
    }

    /** The per-class gaps and the two differences on the given rows. */
    record Gaps(List<ClassDisparity> perClass, Gap demographicParity, Gap equalizedOdds) {
    }

    Gaps gaps(int[] rows) {
        int groups = includedGroups.length;
        if (groups == 0) {
            return new Gaps(List.of(), Gap.UNDEFINED, Gap.UNDEFINED);
        }
        long[] n = new long[groups];
        long[][] support = new long[groups][numClasses];
        long[][] chosen = new long[groups][numClasses];
        long[][] truePositives = new long[groups][numClasses];
        for (int r : rows) {
            int i = differenceRows[r];
            int g = positionOfGroup[groupOfExample[i]];
            n[g]++;
            support[g][gold[i]]++;
            chosen[g][predicted[i]]++;
            if (gold[i] == predicted[i]) {
                truePositives[g][gold[i]]++;
            }
        }
        List<ClassDisparity> perClass = new ArrayList<>();
        Gap bestDp = Gap.UNDEFINED;
        Gap bestEo = Gap.UNDEFINED;
        for (int c : evaluatedClasses) {
            double[] selection = new double[groups];
            double[] tpr = new double[groups];
            double[] fpr = new double[groups];
            for (int g = 0; g < groups; g++) {
                selection[g] = (double) chosen[g][c] / n[g];
                tpr[g] = support[g][c] == 0 ? Double.NaN : (double) truePositives[g][c] / support[g][c];
                long negatives = n[g] - support[g][c];
                fpr[g] = negatives == 0 ? Double.NaN : (double) (chosen[g][c] - truePositives[g][c]) / negatives;
            }
            Gap dp = gap(selection, c, "selection-rate");
            Gap tprGap = gap(tpr, c, "tpr");
            Gap fprGap = gap(fpr, c, "fpr");
            Gap eo = larger(tprGap, fprGap);
            perClass.add(new ClassDisparity(c, dp.value(), tprGap.value(), fprGap.value(), eo.value()));
            bestDp = larger(bestDp, dp);
            bestEo = larger(bestEo, eo);
        }
        return new Gaps(perClass, bestDp, bestEo);
    }

    /** The first argument unless the second is strictly larger (NaN counts as smallest). */
    private static Gap larger(Gap a, Gap b) {
        if (Double.isNaN(a.value())) {
            return b;
        }
        if (Double.isNaN(b.value())) {
            return a;
        }
        return b.value() > a.value() ? b : a;
    }

    /** max − min over the defined rates; NaN with fewer than two defined. Ties go to the first group by name. */
    private Gap gap(double[] rate, int label, String component) {
        int max = -1;
        int min = -1;
        int defined = 0;
        for (int g = 0; g < rate.length; g++) {
            if (Double.isNaN(rate[g])) {
                continue;
            }
            defined++;
            if (max < 0 || rate[g] > rate[max]) {
                max = g;
            }
            if (min < 0 || rate[g] < rate[min]) {
                min = g;
            }
        }
        if (defined < 2) {
            return Gap.UNDEFINED;
        }
        return new Gap(rate[max] - rate[min], label, component, includedGroups[max], includedGroups[min]);
    }
}
