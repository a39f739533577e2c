package io.multitune.cli.demo;

import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.run.AuditTable;
import io.multitune.cli.run.AuditWatch;
import io.multitune.cli.services.ServiceCatalog;
import io.multitune.events.RunAudited;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Waits for the bias auditor's audit of the demo run and prints it: the bias transfer table (multi-task against
 * each baseline, per task and bias figure), the tasks not audited, the bias verdict and the bias report's path.
 */
final class DemoAuditStep implements DemoStep {
    @Override
    public String name() {
        return "bias audit";
    }

    @Override
    public String run(DemoContext ctx) {
        if (ctx.plan == null) {
            return "skipped: no run was planned";
        }
        ProjectLayout layout = ProjectLayout.at(ctx.projectRoot());
        if (new ServiceCatalog(layout).find("bias-auditor").isEmpty()) {
            return "skipped: the bias auditor service is not in this repository yet";
        }
        AuditWatch.Outcome outcome;
        try (AuditWatch watch = new AuditWatch(KafkaSettings.fromEnvironment().clientConfig())) {
            outcome = watch.follow(ctx.plan, ctx.evaluateTimeout, new PrintWriter(ctx.out(), true));
        }
        RunAudited audited = outcome.audited();
        if (audited == null) {
            throw new DemoException(outcome.failures().isEmpty()
                    ? "the bias auditor did not audit run " + ctx.plan.runId() + " within " + ctx.evaluateTimeout
                    : "the bias auditor could not audit run " + ctx.plan.runId() + ": "
                    + outcome.failures().get(outcome.failures().size() - 1).reason());
        }
        ctx.audit = audited;
        ctx.out().println();
        ctx.out().print(AuditTable.render(audited));
        Path report = layout.artifactsDir().resolve(audited.report().path());
        ctx.out().println("bias report: " + report + "  (also served at http://localhost:8085/runs/"
                + audited.runId() + "/bias-report)");
        return "run " + audited.runId() + " audited: " + (audited.verdict().pass() ? "PASS" : "FAIL");
    }
}
