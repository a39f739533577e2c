package io.multitune.cli.demo;

import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.run.EvaluationTable;
import io.multitune.cli.run.EvaluationWatch;
import io.multitune.cli.services.ServiceCatalog;
import io.multitune.events.RunEvaluated;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Waits for the evaluator's judgement of the demo run and prints it: every task, multi-task against its baseline
 * with the confidence interval and significance, the unified score, Δm, the verdict and the report's path.
 */
final class DemoEvaluateStep implements DemoStep {
    @Override
    public String name() {
        return "evaluation";
    }

    @Override
    public String run(DemoContext ctx) {
        if (ctx.plan == null) {
            return "skipped: no run was planned";
        }
        ProjectLayout layout = ProjectLayout.at(ctx.projectRoot());
        if (new ServiceCatalog(layout).find("evaluator").isEmpty()) {
            return "skipped: the evaluator service is not in this repository yet";
        }
        EvaluationWatch.Outcome outcome;
        try (EvaluationWatch watch = new EvaluationWatch(KafkaSettings.fromEnvironment().clientConfig())) {
            outcome = watch.follow(ctx.plan, ctx.evaluateTimeout, new PrintWriter(ctx.out(), true));
        }
        RunEvaluated evaluated = outcome.evaluated();
        if (evaluated == null) {
            throw new DemoException(outcome.failures().isEmpty()
                    ? "the evaluator did not judge run " + ctx.plan.runId() + " within " + ctx.evaluateTimeout
                    : "the evaluator could not judge run " + ctx.plan.runId() + ": "
                    + outcome.failures().get(outcome.failures().size() - 1).reason());
        }
        ctx.evaluation = evaluated;
        ctx.out().println();
        ctx.out().print(EvaluationTable.render(evaluated));
        Path report = layout.artifactsDir().resolve(evaluated.report().path());
        ctx.out().println("report: " + report + "  (also served at http://localhost:8084/runs/"
                + evaluated.runId() + "/report)");
        return "run " + evaluated.runId() + " judged: " + (evaluated.verdict().pass() ? "PASS" : "FAIL");
    }
}
