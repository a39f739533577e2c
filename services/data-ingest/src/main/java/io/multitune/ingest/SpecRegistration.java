package io.multitune.ingest;

import io.multitune.dataprep.Rejection;
import io.multitune.dataprep.SpecException;
import io.multitune.dataprep.SpecReader;
import io.multitune.events.Channels;
import io.multitune.events.DatasetRegistered;
import io.multitune.events.DatasetSpec;
import io.multitune.events.RecordRejected;
import io.multitune.events.RejectReason;
import io.multitune.events.SourcePosition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Handles spec messages: a valid spec registers (or updates) its dataset and is announced on the datasets topic;
 * an invalid one goes to the dead-letter topic listing every problem, field by field.
 */
@ApplicationScoped
public class SpecRegistration {
    private static final Logger LOG = Logger.getLogger(SpecRegistration.class);

    private final DatasetRegistry registry;
    private final IngestMetrics metrics;

    SpecRegistration(DatasetRegistry registry, IngestMetrics metrics, IngestConfig config) {
        this.registry = registry;
        this.metrics = metrics;
    }

    void register(RawRecord raw, List<OutgoingRecord> out) {
        DatasetSpec spec;
        try {
            spec = SpecReader.read(raw.value() == null ? new byte[0] : raw.value());
        } catch (SpecException e) {
            invalid(raw, e.problems(), out);
            return;
        }
        List<Rejection> problems = new java.util.ArrayList<>(SpecReader.validate(spec));
        if (raw.key() != null && spec.datasetId() != null && !raw.key().equals(spec.datasetId())) {
            problems.add(new Rejection(RejectReason.INVALID_SPEC, "datasetId", "field datasetId: '" + spec.datasetId()
                    + "' differs from the message key '" + raw.key() + "'; the key must be the dataset id"));
        }
        if (!problems.isEmpty()) {
            invalid(raw, problems, out);
            return;
        }
        registry.register(spec);
        LOG.infof("dataset %s registered: task %s (%s), format %s", spec.datasetId(), spec.taskId(),
                spec.taskType().wireName(), spec.format().wireName());
        DatasetRegistered event = new DatasetRegistered(DatasetRegistered.SCHEMA_VERSION, spec, Instant.now());
        out.add(new OutgoingRecord(Channels.DATASETS_OUT, spec.datasetId(), event));
    }

    private void invalid(RawRecord raw, List<Rejection> problems, List<OutgoingRecord> out) {
        String dataset = raw.key() == null ? "unknown" : raw.key();
        String message = problems.stream().map(Rejection::message).collect(Collectors.joining("; "));
        String field = problems.stream().map(Rejection::field).distinct().collect(Collectors.joining(","));
        LOG.warnf("dataset %s: spec rejected: %s", dataset, message);
        metrics.rejected(dataset, RejectReason.INVALID_SPEC);
        Payload payload = Payload.of(raw.value());
        RecordRejected event = new RecordRejected(RecordRejected.SCHEMA_VERSION, dataset, RejectReason.INVALID_SPEC,
                field, message, payload.text(), payload.encoding(),
                new SourcePosition(raw.topic(), raw.partition(), raw.offset(), 0, null), Instant.now());
        out.add(new OutgoingRecord(Channels.DLQ_OUT, dataset, event));
    }
}
