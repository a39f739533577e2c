package io.multitune.cli.run;

import io.multitune.cli.common.CliException;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import io.multitune.sampling.request.ReadResult;
import io.multitune.sampling.request.RunDefaults;
import io.multitune.sampling.request.RunRequestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Run request files as the CLI sends them: read with the sampler's own reader ({@link RunRequestReader}, so a file
 * the CLI accepts is read the same way by the sampler), then stamped with a run id and the submission time.
 */
public final class RunRequests {
    private RunRequests() {
    }

    /**
     * Reads a YAML or JSON run request.
     *
     * @throws CliException exit {@link RunSubmitCommand#BAD_REQUEST} when the file cannot be read or holds problems;
     *                      its details list every problem, one per line ({@link #problemLines})
     */
    public static RunRequest read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file", RunSubmitCommand.BAD_REQUEST, null, e);
        } catch (IOException e) {
            throw new CliException(file + ": cannot read: " + e.getMessage(), RunSubmitCommand.BAD_REQUEST, null, e);
        }
        ReadResult result = RunRequestReader.read(bytes);
        if (!result.ok() || result.request().isEmpty()) {
            List<RunRejected.Problem> problems = result.problems();
            throw new CliException(file + ": " + count(problems.size(), "problem") + "; nothing was sent",
                    RunSubmitCommand.BAD_REQUEST, problemLines(problems), null);
        }
        return result.request().get();
    }

    /** {@link #stamp(RunRequest, Instant, Supplier)} with {@link RunDefaults#newRunId()}. */
    public static RunRequest stamp(RunRequest request, Instant now) {
        return stamp(request, now, RunDefaults::newRunId);
    }

    /**
     * The request as sent: its schema version, its run id (a new one from {@code newRunId} when it has none) and
     * {@code requestedAt = now} (the time of this submission). Nothing else changes: the sampler applies the defaults
     * and publishes the effective request in its plan.
     */
    public static RunRequest stamp(RunRequest request, Instant now, Supplier<String> newRunId) {
        String runId = request.runId() == null || request.runId().isBlank() ? newRunId.get() : request.runId().trim();
        return new RunRequest(RunRequest.SCHEMA_VERSION, runId, request.tasks(), request.baseModel(),
                request.adapter(), request.weighting(), request.sampling(), request.batchSize(), request.budget(),
                request.validation(), request.seed(), request.baselines(), request.gates(), now);
    }

    /** One problem as {@code field: REASON: message}. */
    public static String problemLine(RunRejected.Problem problem) {
        return (problem.field() == null ? "request" : problem.field()) + ": "
                + (problem.reason() == null ? "?" : problem.reason().name()) + ": " + problem.message();
    }

    /** Every problem, one per line ({@link #problemLine}), each line ending with a newline. */
    public static String problemLines(List<RunRejected.Problem> problems) {
        return problems.stream().map(RunRequests::problemLine).collect(Collectors.joining("\n", "", "\n"));
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
