package io.multitune.sampler;

import io.multitune.events.RunPlanned;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The run requests the sampler has seen and what became of them: answered (planned or rejected) or still waiting.
 * Replaying the runs topic after a restart rebuilds it exactly: a request followed by its plan is answered; one
 * without an answer waits again.
 */
final class RunDesk {
    private final Map<String, RunPlanned> plans = new LinkedHashMap<>();
    private final Set<String> answered = new HashSet<>();
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private final Map<String, String> endings = new HashMap<>();

    /**
     * A request that is not answered yet.
     *
     * @param request      the request as read (null when it could not be read)
     * @param readProblems problems found while reading it
     * @param since        when the sampler first saw it (its profile wait counts from here)
     */
    record Waiting(String runId, RunRequest request, List<RunRejected.Problem> readProblems, Instant since) {
    }

    /** What became of a received request. */
    enum Receipt { WAITING, ALREADY_ANSWERED, ALREADY_WAITING }

    Receipt received(Waiting request) {
        if (answered.contains(request.runId())) {
            return Receipt.ALREADY_ANSWERED;
        }
        if (waiting.containsKey(request.runId())) {
            return Receipt.ALREADY_WAITING;
        }
        waiting.put(request.runId(), request);
        return Receipt.WAITING;
    }

    void planned(RunPlanned plan) {
        plans.putIfAbsent(plan.runId(), plan);
        answer(plan.runId());
    }

    void rejected(String runId) {
        answer(runId);
    }

    /** The run has its end event (run-completed or run-failed): its jobs are no longer needed. */
    void ended(String runId, String why) {
        endings.putIfAbsent(runId, why);
    }

    /** Why the run ended, when it has. */
    Optional<String> ending(String runId) {
        return Optional.ofNullable(endings.get(runId));
    }

    boolean isAnswered(String runId) {
        return answered.contains(runId);
    }

    List<Waiting> waiting() {
        return new ArrayList<>(waiting.values());
    }

    int waitingCount() {
        return waiting.size();
    }

    List<RunPlanned> plans() {
        return new ArrayList<>(plans.values());
    }

    private void answer(String runId) {
        answered.add(runId);
        waiting.remove(runId);
    }
}
