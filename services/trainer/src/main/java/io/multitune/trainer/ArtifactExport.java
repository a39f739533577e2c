package io.multitune.trainer;

import io.multitune.events.JobQueued;
import io.multitune.events.ModelTrained;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.TrainingEnded.Outcome;
import io.multitune.events.ValidationReported;
import io.multitune.training.JobTrainer;
import io.multitune.training.artifacts.ArtifactFile;
import io.multitune.training.artifacts.ArtifactProvenance;
import io.multitune.training.artifacts.JobArtifacts;
import io.multitune.training.artifacts.TaskMetrics;
import io.multitune.training.artifacts.WrittenArtifacts;
import io.multitune.trainer.BaseModels.BaseModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes a trained job's model, adapter weights and provenance manifest under the artifact root
 * ({@link JobArtifacts}: atomic, write-once per job) and lists them as the model-trained event carries them.
 */
@ApplicationScoped
public class ArtifactExport {
    private final TrainerConfig config;
    private final String codeVersion;

    ArtifactExport(TrainerConfig config,
                   @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.config = config;
        this.codeVersion = "multitune-trainer " + version;
    }

    List<ModelTrained.Artifact> write(JobQueued ticket, JobTrainer trainer, BaseModel base, Outcome outcome,
                                      Map<String, ValidationReported.TaskResult> results) throws IOException {
        Map<String, TaskMetrics> metrics = new LinkedHashMap<>();
        results.forEach((task, r) -> {
            double score = r.score() == null ? Double.NaN : r.score();
            metrics.put(task, new TaskMetrics(r.loss(), r.metric(), score, score));
        });
        ArtifactProvenance provenance = new ArtifactProvenance(ticket.runId(), base.name(), base.sha256(),
                ticket.plan().request(), datasets(ticket), ticket.job(), codeVersion,
                ticket.plan().request().seed() == null ? 0 : ticket.plan().request().seed(), trainer.step(), outcome,
                metrics, Instant.now());
        WrittenArtifacts written = JobArtifacts.write(config.artifactRoot(), provenance, trainer.model());
        return written.files().stream().map(ArtifactExport::artifact).toList();
    }

    /**
     * The datasets behind the job's tasks, each with the job's pool digest: the digest fixes the exact examples
     * the datasets' profiles counted when the run was planned.
     */
    private static List<String> datasets(JobQueued ticket) {
        return ticket.job().tasks().stream().map(TaskPlan::datasets).flatMap(List::stream).distinct()
                .map(d -> d + "@pool:" + ticket.job().poolDigest()).toList();
    }

    private static ModelTrained.Artifact artifact(ArtifactFile f) {
        return new ModelTrained.Artifact(f.role(), f.relativePath(), f.sha256(), f.bytes());
    }
}
