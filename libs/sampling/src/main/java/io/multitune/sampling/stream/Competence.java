package io.multitune.sampling.stream;

import io.multitune.sampling.request.Strategies;

/**
 * Competence-based curriculum schedules (Platanios et al., NAACL 2019): the share c(x) of the difficulty-sorted
 * pool that is eligible at progress x ∈ [0, ∞) through a task's budget, with c(0) = c0 and c(x) = 1 from
 * x = ramp on.
 * <ul>
 *   <li>linear: c(x) = min(1, c0 + (1 − c0) · x / ramp)</li>
 *   <li>sqrt: c(x) = min(1, sqrt(c0² + (1 − c0²) · x / ramp)), fast at first, when the easy examples are few</li>
 * </ul>
 *
 * @param schedule          {@code linear} or {@code sqrt}
 * @param initialCompetence c0 in (0, 1]
 * @param rampFraction      ramp: the progress at which every example is eligible (≤ 0: from the start)
 */
record Competence(String schedule, double initialCompetence, double rampFraction) {

    Competence {
        if (!Strategies.CURRICULUM_SCHEDULES.contains(schedule)) {
            throw new IllegalArgumentException("unknown curriculum schedule '" + schedule + "'");
        }
    }

    double at(double progress) {
        if (rampFraction <= 0) {
            return 1.0;
        }
        double c0 = initialCompetence;
        double ramped = progress / rampFraction;
        double c = Strategies.CURRICULUM_SCHEDULE_LINEAR.equals(schedule)
                ? c0 + (1 - c0) * ramped
                : Math.sqrt(c0 * c0 + (1 - c0 * c0) * ramped);
        return Math.min(1.0, c);
    }

    /** How many of the n easiest examples are eligible: max(1, ceil(c · n)), at most n. */
    static int eligible(double competence, int n) {
        // The small tolerance keeps c · n = 2.0000000000000004 from becoming 3.
        long count = (long) Math.ceil(competence * n - 1e-9);
        return (int) Math.min(n, Math.max(1, count));
    }
}
