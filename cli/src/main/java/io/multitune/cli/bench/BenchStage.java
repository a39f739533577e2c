package io.multitune.cli.bench;

import java.util.Locale;

/**
 * One measured stage of a benchmark: its rate, its window by the broker's clock, the CPU seconds of its process
 * inside the window, and a check line that shows the output is complete and right.
 *
 * @param measured   items measured
 * @param perSecond  items per second inside the window
 * @param fromMillis the window's start (a broker append time)
 * @param toMillis   the window's end (a broker append time)
 * @param cpuSeconds CPU seconds (user + system) of the stage's process inside the window
 * @param check      {@code key=value ...} figures that check the stage's output
 * @param brokerCpuSeconds CPU seconds of the broker inside the window, or a negative number when not measured: on a
 *                   small machine the broker shares the cores, so what a stage asks of it counts in its rate
 */
record BenchStage(long measured, double perSecond, long fromMillis, long toMillis, double cpuSeconds, String check,
                  double brokerCpuSeconds) {

    /** A stage measured by its output alone: the rate counts the intervals between its first and last record. */
    static BenchStage ofOutput(OutputWindow window, double cpuSeconds, String check) {
        return new BenchStage(window.measured(), window.recordsPerSecond(), window.firstAppendMillis(),
                window.lastAppendMillis(), cpuSeconds, check, -1);
    }

    /** A stage measured from its first input to its last output: {@code measured} items over that time. */
    static BenchStage ofWindow(long measured, long fromMillis, long toMillis, double cpuSeconds, String check) {
        double seconds = Math.max(1, toMillis - fromMillis) / 1000.0;
        return new BenchStage(measured, measured / seconds, fromMillis, toMillis, cpuSeconds, check, -1);
    }

    /** This stage with the broker's CPU seconds inside its window. */
    BenchStage withBrokerCpu(BenchBroker broker) {
        return new BenchStage(measured, perSecond, fromMillis, toMillis, cpuSeconds, check,
                broker.cpuSecondsBetween(fromMillis, toMillis));
    }

    double windowSeconds() {
        return (toMillis - fromMillis) / 1000.0;
    }

    /** CPU seconds per item. */
    double cpuPerItem() {
        return cpuSeconds / measured;
    }

    /**
     * {@code <name>_<unit>s_per_s}, {@code <name>_window_s}, {@code <name>_cpu_s}, {@code <name>_broker_cpu_s} when
     * measured, and {@code <name>_check: ...}.
     */
    void print(String name, String unit) {
        System.out.printf(Locale.ROOT, "%s_%ss_per_s=%.0f%n", name, unit, perSecond);
        System.out.printf(Locale.ROOT, "%s_window_s=%.3f%n", name, windowSeconds());
        System.out.printf(Locale.ROOT, "%s_cpu_s=%.2f%n", name, cpuSeconds);
        if (brokerCpuSeconds >= 0) {
            System.out.printf(Locale.ROOT, "%s_broker_cpu_s=%.2f%n", name, brokerCpuSeconds);
        }
        System.out.printf(Locale.ROOT, "%s_check: %s%n", name, check);
    }

    /**
     * Prints the bare loop's figures ({@code raw_...}), the stage's, the ratio of their CPU per item and, last,
     * {@code RESULT <name> ratio_vs_raw=<stage rate / raw rate>}.
     */
    static void printComparison(String unit, BenchStage raw, String name, BenchStage stage) {
        raw.print("raw", unit);
        stage.print(name, unit);
        System.out.printf(Locale.ROOT, "cpu_per_%s_ratio=%.2f%n", unit, stage.cpuPerItem() / raw.cpuPerItem());
        System.out.printf(Locale.ROOT, "RESULT %s ratio_vs_raw=%.3f%n", name, stage.perSecond / raw.perSecond);
    }
}
