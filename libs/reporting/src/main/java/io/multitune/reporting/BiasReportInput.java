package io.multitune.reporting;

import io.multitune.events.ModelAudited;
import io.multitune.events.RunAudited;
import io.multitune.events.RunPlanned;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the bias report of one run is drawn from, as the bias auditor holds it when the run's audit is done:
 * events, not services, so the page can be rebuilt from the topics and tested without Kafka. Every piece may be
 * missing (no plan, no audit yet, no model audited) and the page says so instead of failing.
 *
 * @param plan        the run's plan (task order, baseline jobs, the bias gate's thresholds); null when not seen
 * @param audit       the run's audit; its {@code report} field may be null (the report is being written)
 * @param models      each audited model's figures (multi-task and baselines, any order); null is read as empty
 * @param generatedAt when the report is generated (shown on the page)
 */
public record BiasReportInput(RunPlanned plan, RunAudited audit, List<ModelAudited> models, Instant generatedAt) {

    public BiasReportInput {
        models = models == null ? List.of() : models.stream().filter(Objects::nonNull).toList();
    }
}
