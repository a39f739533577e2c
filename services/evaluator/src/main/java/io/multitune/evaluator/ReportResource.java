package io.multitune.evaluator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.multitune.intake.RunOutputFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.function.Function;

/** Serves each judged run's report and evaluation, and each ended run's report and outcome, from the artifact root. */
@Path("/runs/{runId}")
public class ReportResource {
    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private final RunOutputFiles files;
    private final RunOutputFiles endFiles;

    ReportResource(EvaluatorConfig config) {
        this.files = EvaluatorFiles.of(config.artifactRoot());
        this.endFiles = EvaluatorFiles.runEnd(config.artifactRoot());
    }

    /** The run's report once it has ended: the evaluation and the bias audit on one page. */
    @GET
    @Path("/run-report")
    @Produces(MediaType.TEXT_HTML)
    public Response runReport(@PathParam("runId") String runId) throws IOException {
        return serve(runId, endFiles::report, HTML, "run " + runId + " has no run report: it is written when the "
                + "run completes (both its evaluation and its bias audit are in); /runs/" + runId
                + "/outcome says how a run ended");
    }

    /** How the run ended: its run-completed or run-failed event as JSON. */
    @GET
    @Path("/outcome")
    @Produces(MediaType.APPLICATION_JSON)
    public Response outcome(@PathParam("runId") String runId) throws IOException {
        return serve(runId, endFiles::result, MediaType.APPLICATION_JSON_TYPE,
                "run " + runId + " has not ended (or is unknown)");
    }

    @GET
    @Path("/report")
    @Produces(MediaType.TEXT_HTML)
    public Response report(@PathParam("runId") String runId) throws IOException {
        return serve(runId, files::report, HTML, "run " + runId + " has no report yet: it is judged once its "
                + "multi-task model and baselines are evaluated");
    }

    @GET
    @Path("/evaluation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response evaluation(@PathParam("runId") String runId) throws IOException {
        return serve(runId, files::result, MediaType.APPLICATION_JSON_TYPE, "run " + runId + " is not judged yet");
    }

    private static Response serve(String runId, Function<String, Optional<java.nio.file.Path>> file, MediaType type,
                                  String missing) throws IOException {
        Optional<java.nio.file.Path> found = safe(runId) ? file.apply(runId) : Optional.empty();
        if (found.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(missing + "\n").build();
        }
        return Response.ok(Files.readAllBytes(found.get()), type).build();
    }

    private static boolean safe(String runId) {
        return runId != null && !runId.isBlank() && runId.length() <= 200;
    }
}
