package io.multitune.cli.run;

import io.multitune.events.AuditFailed;
import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelAudited;
import io.multitune.events.ModelEvaluated;
import java.io.PrintWriter;

/**
 * What {@code run watch} prints while a run goes on: a progress line per job ({@link JobBars}), a line per model the
 * evaluator scored or the bias auditor audited (or could not), the evaluation table when the run is judged and the
 * bias transfer table when it is audited. The end is printed by {@link RunEnd}.
 */
final class RunDisplay {
    private final PrintWriter out;
    private final boolean interactive;
    private JobBars bars;

    RunDisplay(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** Shows what {@code change} (the result of applying {@code record} to {@code state}) brought. */
    void show(RunState state, RunState.Change change, RunRecord record) {
        switch (change) {
            case PLANNED -> bars = new JobBars(out, interactive, state.jobs());
            case JOB -> {
                if (bars != null) {
                    bars.changed();
                }
            }
            case MODEL_EVALUATED -> block(EvaluationWatch.scoredLine((ModelEvaluated) record.event()));
            case EVALUATION_FAILED -> block(EvaluationWatch.failedLine((EvaluationFailed) record.event()));
            case MODEL_AUDITED -> block(AuditWatch.auditedLine((ModelAudited) record.event()));
            case AUDIT_FAILED -> block(AuditWatch.failedLine((AuditFailed) record.event()));
            case EVALUATED -> block("\nevaluation of run " + state.runId() + " (the evaluator's gate):\n"
                    + EvaluationTable.render(state.evaluated()));
            case AUDITED -> block("\nbias audit of run " + state.runId() + " (the bias gate):\n"
                    + AuditTable.render(state.audited()));
            default -> {
                // the request, the answer and the end are printed by the watch and by RunEnd
            }
        }
    }

    /** Redraws the progress lines if it is time. */
    void tick() {
        if (bars != null) {
            bars.tick();
        }
    }

    /** Draws the progress lines' last state. */
    void finish() {
        if (bars != null) {
            bars.flush();
        }
        out.flush();
    }

    private void block(String text) {
        finish();
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
    }
}
