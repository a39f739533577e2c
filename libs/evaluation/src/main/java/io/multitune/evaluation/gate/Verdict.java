package io.multitune.evaluation.gate;

import java.util.List;

/**
 * The gate's verdict.
 *
 * @param pass    whether every check passed
 * @param reasons the detail of every failed check (empty when it passes)
 * @param checks  every check made, passed or not, with its figures
 */
public record Verdict(boolean pass, List<String> reasons, List<Check> checks) {

    /** Copies the lists. */
    public Verdict {
        reasons = List.copyOf(reasons);
        checks = List.copyOf(checks);
    }

    /** A verdict from its checks: it passes when all do, its reasons are the failing checks' details. */
    public static Verdict of(List<Check> checks) {
        List<String> reasons = checks.stream().filter(c -> !c.passed()).map(Check::detail).toList();
        return new Verdict(reasons.isEmpty(), reasons, checks);
    }
}
