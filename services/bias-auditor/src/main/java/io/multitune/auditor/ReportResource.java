package io.multitune.auditor;

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

/** Serves each audited run's bias report and audit from the artifact root. */
@Path("/runs/{runId}")
public class ReportResource {
    private final RunOutputFiles files;

    ReportResource(AuditorConfig config) {
        this.files = AuditorFiles.of(config.artifactRoot());
    }

    @GET
    @Path("/bias-report")
    @Produces(MediaType.TEXT_HTML)
    public Response report(@PathParam("runId") String runId) throws IOException {
        Optional<java.nio.file.Path> file = safe(runId) ? files.report(runId) : Optional.empty();
        if (file.isEmpty()) {
            return notFound("run " + runId + " has no bias report yet: it is audited once its multi-task model and "
                    + "baselines are");
        }
        return Response.ok(Files.readAllBytes(file.get()), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("/audit")
    @Produces(MediaType.APPLICATION_JSON)
    public Response audit(@PathParam("runId") String runId) throws IOException {
        Optional<java.nio.file.Path> file = safe(runId) ? files.result(runId) : Optional.empty();
        if (file.isEmpty()) {
            return notFound("run " + runId + " is not audited yet");
        }
        return Response.ok(Files.readAllBytes(file.get()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean safe(String runId) {
        return runId != null && !runId.isBlank() && runId.length() <= 200;
    }

    private static Response notFound(String message) {
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(message + "\n").build();
    }
}
