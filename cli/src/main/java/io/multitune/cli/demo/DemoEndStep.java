package io.multitune.cli.demo;

import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.run.ReportLocation;
import io.multitune.cli.run.RunState;
import io.multitune.cli.run.RunWatch;
import io.multitune.cli.run.VerdictTable;
import io.multitune.events.RunCompleted;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Waits for the demo run's end event and prints the overall verdict (the evaluation gate and the bias gate), every
 * job's outcome and where the run's report is: one page with the evaluation and the bias audit.
 */
final class DemoEndStep implements DemoStep {
    @Override
    public String name() {
        return "run end";
    }

    @Override
    public String run(DemoContext ctx) {
        if (ctx.plan == null) {
            return "skipped: no run was planned";
        }
        // The earlier steps printed the run's progress and tables; here only the end is new.
        RunWatch watch = new RunWatch(KafkaSettings.fromEnvironment().clientConfig(),
                new PrintWriter(Writer.nullWriter()), false);
        RunState state = watch.follow(ctx.plan, ctx.evaluateTimeout);
        if (state.failed() != null) {
            throw new DemoException("run " + ctx.plan.runId() + " failed at " + state.failed().stage() + ": "
                    + state.failed().reason());
        }
        RunCompleted completed = state.completed();
        ctx.completed = completed;
        ctx.out().println();
        ctx.out().print(VerdictTable.render(completed, false, new ReportLocation(
                ProjectLayout.at(ctx.projectRoot()).artifactsDir(), ReportLocation.DEFAULT_EVALUATOR_URL)));
        return "run " + completed.runId() + " completed: " + (completed.pass() ? "PASS" : "FAIL");
    }
}
