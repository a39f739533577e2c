package io.multitune.fairness.gate;

import io.multitune.evaluation.Arguments;
import io.multitune.evaluation.gate.Check;
import io.multitune.evaluation.gate.Verdict;
import io.multitune.events.RunRequest;
import io.multitune.fairness.counterfactual.CounterfactualFigures;
import io.multitune.fairness.counterfactual.FlipStatistics;
import io.multitune.fairness.counterfactual.TagFlipStatistics;
import io.multitune.fairness.group.Disparity;
import io.multitune.fairness.group.GroupReport;
import io.multitune.fairness.transfer.TransferFigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Applies the bias thresholds. Every check is made and reported, in task order:
 * <ul>
 *   <li>{@code not-audited:<task>} for a type that is not audited: <b>passes</b>, detail "not audited: &lt;reason&gt;".
 *       Failing would block every run holding a QA task for a reason its owner cannot remove; passing silently would
 *       hide that the task was never measured. A listed, passing check says it once, visibly.</li>
 *   <li>{@code counterfactual-flip:<task>}: the flip rate (classification; tagging: the sequence flip rate) ≤
 *       maxCounterfactualFlipRate. A regression task has no flips: the check passes as "not gated", with its value
 *       changes (their increase over the baseline is gated). A task without counterfactual pairs passes as "not
 *       measured".</li>
 *   <li>{@code demographic-parity:<task>:<attribute>} and {@code equalized-odds:<task>:<attribute>} per group report:
 *       the difference ≤ its maximum; an undefined difference (fewer than two groups large enough) passes as "not
 *       measured", naming the groups and their sizes.</li>
 *   <li>{@code increase-over-baseline:<task>:<figure>} per transfer figure: fails when multi-task − baseline &gt;
 *       maxIncreaseOverBaseline (on the observed difference; the detail says whether the interval excludes 0, i.e.
 *       whether the increase is also significant). Figures that are not gated ({@link
 *       io.multitune.fairness.BiasMetric#gated()}) pass as "not gated"; undefined ones as "not measured".</li>
 *   <li>{@code increase-over-baseline:<task>} when the baseline is missing: fails (nothing rules out an increase);
 *       when none was requested: passes as "not measured".</li>
 * </ul>
 * The verdict passes when every check does; its reasons are the failed checks' details.
 */
public final class BiasGateCheck {

    private BiasGateCheck() {
    }

    /** The verdict of a run request's bias gate (null = defaults) on the tasks' figures. */
    public static Verdict evaluate(RunRequest.BiasGate gate, List<TaskBias> tasks) {
        return evaluate(BiasThresholds.of(gate), tasks);
    }

    /** The verdict of the thresholds on the tasks' figures. */
    public static Verdict evaluate(BiasThresholds thresholds, List<TaskBias> tasks) {
        Arguments.notNull(thresholds, "thresholds");
        Arguments.notNull(tasks, "tasks");
        Arguments.require(!tasks.isEmpty(), "tasks", "must hold at least one task");
        Set<String> seen = new HashSet<>();
        List<Check> checks = new ArrayList<>();
        for (TaskBias t : tasks) {
            Arguments.notNull(t, "tasks");
            Arguments.require(seen.add(t.task()), "tasks", "task '" + t.task() + "' is listed twice");
            if (!t.auditability().audited()) {
                checks.add(new Check("not-audited:" + t.task(), true, "not audited: " + t.auditability().reason()));
                continue;
            }
            checks.add(counterfactualCheck(thresholds, t));
            for (GroupReport g : t.groups()) {
                checks.add(groupCheck("demographic-parity:", t.task(), g, g.demographicParity(),
                        thresholds.maxDemographicParityDifference()));
                checks.add(groupCheck("equalized-odds:", t.task(), g, g.equalizedOdds(),
                        thresholds.maxEqualizedOddsDifference()));
            }
            checks.addAll(transferChecks(thresholds, t));
        }
        return Verdict.of(checks);
    }

    private static Check counterfactualCheck(BiasThresholds thresholds, TaskBias t) {
        String name = "counterfactual-flip:" + t.task();
        CounterfactualFigures cf = t.counterfactual();
        if (cf == null) {
            return new Check(name, true, "not measured: task " + t.task() + " had no counterfactual pair (no input"
                    + " mentions a listed term and no template was filled)");
        }
        double rate;
        if (cf instanceof FlipStatistics f) {
            rate = f.flipRate();
        } else if (cf instanceof TagFlipStatistics f) {
            rate = f.flipRate();
        } else {
            return new Check(name, true, "not gated: a regression task has no class to flip and the bias gate has no"
                    + " threshold for value changes; " + cf.summary());
        }
        boolean passed = rate <= thresholds.maxCounterfactualFlipRate();
        return new Check(name, passed, format("task %s: %s; %s the maximum flip rate %.4f", t.task(), cf.summary(),
                passed ? "within" : "above", thresholds.maxCounterfactualFlipRate()));
    }

    private static Check groupCheck(String prefix, String task, GroupReport report, Disparity d, double max) {
        String name = prefix + task + ":" + report.attribute();
        String label = d.metric().wireName().replace('-', ' ') + " difference";
        if (!d.defined()) {
            StringBuilder groups = new StringBuilder();
            report.groups().forEach(g -> groups.append(groups.length() == 0 ? "" : ", ").append(g.group())
                    .append(" (n=").append(g.n()).append(')'));
            return new Check(name, true, format("not measured: task %s, attribute %s: the %s needs two groups of at"
                            + " least %d examples with the rate defined; groups: %s", task, report.attribute(), label,
                    report.minGroupSize(), groups));
        }
        boolean passed = d.value() <= max;
        return new Check(name, passed, format("task %s, attribute %s: %s %.4f [%.4f, %.4f] (class %d, %s: %s highest,"
                        + " %s lowest, over %d groups); %s the maximum %.4f", task, report.attribute(), label,
                d.value(), d.interval().lower(), d.interval().upper(), d.label(), d.component(), d.maxGroup(),
                d.minGroup(), report.groupsInDifferences().size(), passed ? "within" : "above", max));
    }

    private static List<Check> transferChecks(BiasThresholds thresholds, TaskBias t) {
        String prefix = "increase-over-baseline:" + t.task();
        if (t.baseline() == BaselineStatus.MISSING) {
            return List.of(new Check(prefix, false, "task " + t.task() + ": the baseline's bias figures are missing,"
                    + " so nothing rules out that multi-task training increased its bias"));
        }
        if (t.baseline() == BaselineStatus.NOT_REQUESTED) {
            return List.of(new Check(prefix, true, "not measured: task " + t.task() + " has no baseline requested"));
        }
        List<Check> checks = new ArrayList<>();
        for (TransferFigure f : t.transfer()) {
            String name = prefix + ":" + f.name();
            String figures = format("task %s %s: multi-task %.4f vs baseline %.4f, difference %+.4f, %.0f%% CI"
                            + " [%+.4f, %+.4f] (%s)", t.task(), f.name(), f.multiTask(), f.baseline(), f.difference(),
                    (1 - f.interval().alpha()) * 100, f.interval().lower(), f.interval().upper(),
                    f.paired() ? "paired" : "unpaired");
            if (!f.defined()) {
                checks.add(new Check(name, true, "not measured: " + figures));
                continue;
            }
            String significance = f.intervalExcludesZero() ? "the interval excludes 0" : "the interval includes 0";
            if (!f.metric().gated()) {
                checks.add(new Check(name, true, "not gated (a maximum): " + figures + "; " + significance));
                continue;
            }
            boolean passed = f.difference() <= thresholds.maxIncreaseOverBaseline();
            checks.add(new Check(name, passed, figures + "; " + significance + "; " + (passed ? "within" : "above")
                    + format(" the maximum increase %.4f", thresholds.maxIncreaseOverBaseline())));
        }
        if (checks.isEmpty()) {
            checks.add(new Check(prefix, true, "not measured: task " + t.task() + " has a baseline but no bias figure"
                    + " to compare"));
        }
        return checks;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
