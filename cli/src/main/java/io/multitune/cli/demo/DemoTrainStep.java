package io.multitune.cli.demo;

import io.multitune.cli.common.KafkaSettings;
import io.multitune.cli.common.ProjectLayout;
import io.multitune.cli.ingest.ConsoleProgress;
import io.multitune.cli.run.JobStatus;
import io.multitune.cli.run.JobTable;
import io.multitune.cli.run.TrainingWatch;
import io.multitune.cli.services.ServiceCatalog;
import io.multitune.events.TrainingEnded;
import java.io.PrintWriter;
import java.util.List;

/**
 * Follows the demo run's training: a progress line per job while the trainer works through them, then a table of
 * the trained models (outcome, last validation figures, model path under the artifact root).
 */
final class DemoTrainStep implements DemoStep {
    @Override
    public String name() {
        return "training";
    }

    @Override
    public String run(DemoContext ctx) {
        if (ctx.plan == null) {
            return "skipped: no run was planned";
        }
        if (new ServiceCatalog(ProjectLayout.at(ctx.projectRoot())).find("trainer").isEmpty()) {
            return "skipped: the trainer service is not in this repository yet";
        }
        List<JobStatus> jobs;
        try (TrainingWatch watch = new TrainingWatch(KafkaSettings.fromEnvironment().clientConfig())) {
            jobs = watch.follow(ctx.plan, ctx.trainTimeout, new PrintWriter(ctx.out(), true),
                    ConsoleProgress.isTerminal());
        }
        ctx.out().println();
        ctx.out().print(JobTable.render(jobs));
        long trained = jobs.stream().filter(j -> j.model() != null).count();
        long failed = jobs.stream().filter(j -> j.done() && j.ended().outcome() == TrainingEnded.Outcome.FAILED)
                .count();
        long open = jobs.stream().filter(j -> !j.done()).count();
        if (failed > 0 || open > 0) {
            throw new DemoException(trained + " of " + jobs.size() + " jobs trained; " + failed + " failed, " + open
                    + " not finished within " + ctx.trainTimeout);
        }
        return trained + " models trained (model paths are relative to the trainer's artifact root, "
                + ".multitune/artifacts locally)";
    }
}
