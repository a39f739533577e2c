package io.multitune.sampling.request;

import io.multitune.events.RunRejected.Problem;
import io.multitune.events.RunRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link RunRequestReader#read} made of a user's bytes: either the request, or every problem found.
 *
 * @param request  the request as written (no defaults applied); present exactly when there are no problems
 * @param runId    the run id the user wrote, when it could be made out even though the request was rejected, so the
 *                 rejection can be keyed by it
 * @param problems every problem found, each with its field path; empty when the request was read
 */
public record ReadResult(Optional<RunRequest> request, Optional<String> runId, List<Problem> problems) {

    public ReadResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(runId, "runId");
        problems = List.copyOf(problems);
        if (request.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("a read result has either a request or problems, not both or none");
        }
    }

    static ReadResult read(RunRequest request) {
        return new ReadResult(Optional.of(request), Optional.ofNullable(request.runId()), List.of());
    }

    static ReadResult rejected(String runId, List<Problem> problems) {
        return new ReadResult(Optional.empty(), Optional.ofNullable(runId), problems);
    }

    /** True when the request was read; it may still be invalid (see {@link RunValidator}). */
    public boolean ok() {
        return problems.isEmpty();
    }
}
