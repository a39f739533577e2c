package io.multitune.sampler;

import io.multitune.events.ValidationReported;
import java.util.HashMap;
import java.util.Map;

/**
 * What the trainer has said about one job: the last acknowledged batch, its validation reports and whether the job
 * ended. Kept even before the job's driver exists, because on restart the training topic may be read before the
 * plan that created the job.
 */
final class JobFeedback {
    private long acknowledged = -1;
    private final Map<Integer, ValidationReported> reports = new HashMap<>();
    private boolean ended;

    void acknowledged(long sequence) {
        acknowledged = Math.max(acknowledged, sequence);
    }

    void reported(ValidationReported report) {
        reports.putIfAbsent(report.round(), report);
    }

    void ended() {
        ended = true;
    }

    /** The last batch the trainer acknowledged; -1 before the first. */
    long acknowledged() {
        return acknowledged;
    }

    ValidationReported report(int round) {
        return reports.get(round);
    }

    boolean isEnded() {
        return ended;
    }
}
