package io.multitune.lifecycle;

import io.multitune.events.ModelTrained;
import io.multitune.events.RunCompleted;
import io.multitune.events.RunFailed;
import io.multitune.reporting.BiasReportInput;
import io.multitune.reporting.RunReport;
import io.multitune.reporting.RunReportInput;
import java.time.Instant;
import java.util.List;

/** How a run ended, as {@link RunLifecycle#due()} says it: what the host writes and emits. */
public sealed interface RunEnding {

    String runId();

    /** Both gates judged the run: write {@link #reportHtml} as the run's report, then emit {@link #event}. */
    final class Completion implements RunEnding {
        private final RunHistory run;

        Completion(RunHistory run) {
            this.run = run;
        }

        @Override
        public String runId() {
            return run.runId;
        }

        /** The run's report: the evaluation and the bias audit on one page, drawn from the run's events. */
        public String reportHtml(Instant generatedAt) {
            BiasReportInput bias = new BiasReportInput(run.plan, run.audited, List.copyOf(run.audits.values()),
                    generatedAt);
            return RunReport.html(new RunReportInput(run.plan, run.evaluated, List.copyOf(run.evaluations.values()),
                    run.progress, run.validation, generatedAt, bias));
        }

        /** The run-completed event, with the report written from {@link #reportHtml}. */
        public RunCompleted event(ModelTrained.Artifact report, Instant at) {
            return RunOutcomes.completed(run, report, at);
        }
    }

    /** The run failed at a stage. */
    record Failure(RunFailed event) implements RunEnding {
        @Override
        public String runId() {
            return event.runId();
        }
    }
}
