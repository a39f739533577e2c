package io.multitune.ingest;

import io.multitune.dataprep.DatasetLedger;
import io.multitune.dataprep.Admission;
import io.multitune.dataprep.Standardised;
import io.multitune.dataprep.RawUnit;
import io.multitune.dataprep.Rejection;
import io.multitune.events.CloudEventHeaders;
import io.multitune.events.Channels;
import io.multitune.events.DatasetProfiled;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RawMessageKind;
import io.multitune.events.RecordRejected;
import io.multitune.events.RejectReason;
import io.multitune.events.SourcePosition;
import io.multitune.events.StandardExample;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns one raw message into the records to publish: examples, tombstones, dead letters and dataset events.
 * Every record of a known dataset passes through its ledger, so its counts always add up.
 */
@Singleton
public class RawRecordProcessor {
    private static final String UNKNOWN = "unknown";

    private final DatasetRegistry registry;
    private final IngestMetrics metrics;
    private final SpecRegistration specs;

    RawRecordProcessor(DatasetRegistry registry, IngestMetrics metrics, SpecRegistration specs, IngestConfig config) {
        this.registry = registry;
        this.metrics = metrics;
        this.specs = specs;
    }

    List<OutgoingRecord> process(RawRecord raw) {
        List<OutgoingRecord> out = new ArrayList<>();
        RawMessageKind kind;
        try {
            kind = RawMessageKind.fromHeader(CloudEventHeaders.lastValue(raw.headers(), RawMessageKind.HEADER));
        } catch (IllegalArgumentException e) {
            rejectWhole(raw, RejectReason.UNKNOWN_MESSAGE_KIND, RawMessageKind.HEADER, e.getMessage(), out);
            return out;
        }
        switch (kind) {
            case SPEC -> specs.register(raw, out);
            case END -> endOfImport(raw, out);
            case RECORDS -> records(raw, out);
        }
        return out;
    }

    private void records(RawRecord raw, List<OutgoingRecord> out) {
        Optional<DatasetState> found = registry.find(raw.key());
        if (found.isEmpty()) {
            String why = raw.key() == null
                    ? "record has no key; the key must be the dataset id of a registered spec"
                    : "dataset '" + raw.key() + "' has no registered spec; send a message with header "
                    + RawMessageKind.HEADER + "=spec first";
            rejectWhole(raw, RejectReason.UNKNOWN_DATASET, "key", why, out);
            return;
        }
        DatasetState state = found.get();
        synchronized (state) {
            state.touch();
            List<RawUnit> units = state.parser().parse(raw.value() == null ? new byte[0] : raw.value());
            metrics.received(raw.key(), units.size());
            for (RawUnit unit : units) {
                SourcePosition position = new SourcePosition(raw.topic(), raw.partition(), raw.offset(), unit.index(),
                        null);
                if (unit instanceof RawUnit.Malformed bad) {
                    reject(state.ledger(), raw.key(), bad.rejection(), bad.text(), bad.textEncoding(), position, out);
                } else if (unit instanceof RawUnit.Parsed parsed) {
                    standardise(state, parsed, position, out);
                }
            }
        }
    }

    private void standardise(DatasetState state, RawUnit.Parsed parsed, SourcePosition position,
                             List<OutgoingRecord> out) {
        String dataset = state.spec().datasetId();
        Standardised result = state.standardiser().standardise(parsed.fields(), position);
        if (result instanceof Standardised.Rejected rejected) {
            reject(state.ledger(), dataset, rejected.rejection(), parsed.text(), "utf-8", position, out);
            return;
        }
        long leakageBefore = state.ledger().leakageRemoved();
        Admission admission = state.ledger().admit(((Standardised.Ok) result).candidate());
        metrics.leakageRemoved(dataset, state.ledger().leakageRemoved() - leakageBefore);
        if (admission instanceof Admission.Publish publish) {
            metrics.accepted(dataset);
            for (String removed : publish.tombstoneIds()) {
                out.add(OutgoingRecord.tombstone(Channels.EXAMPLES_OUT, removed));
            }
            StandardExample example = publish.example();
            out.add(event(Channels.EXAMPLES_OUT, example.id(), example));
        } else if (admission instanceof Admission.Duplicate) {
            metrics.duplicate(dataset);
        } else if (admission instanceof Admission.LeakageDropped) {
            metrics.accepted(dataset);
        }
    }

    private void endOfImport(RawRecord raw, List<OutgoingRecord> out) {
        Optional<DatasetState> found = registry.find(raw.key());
        if (found.isEmpty()) {
            rejectWhole(raw, RejectReason.UNKNOWN_DATASET, "key",
                    "end of import for dataset '" + raw.key() + "', which has no registered spec", out);
            return;
        }
        out.add(profile(found.get(), true, DatasetProfiled.Trigger.END_OF_IMPORT));
    }

    /** The current profile of a dataset as an outgoing event. */
    OutgoingRecord profile(DatasetState state, boolean complete, DatasetProfiled.Trigger trigger) {
        DatasetProfiled profile;
        synchronized (state) {
            profile = state.ledger().profile(complete, trigger, Instant.now());
            state.profiled();
        }
        metrics.profileEmitted(profile.datasetId(), trigger);
        return event(Channels.DATASETS_OUT, profile.datasetId(), profile);
    }

    private void reject(DatasetLedger ledger, String dataset, Rejection rejection, String payload, String encoding,
                        SourcePosition position, List<OutgoingRecord> out) {
        ledger.rejected(rejection.reason());
        metrics.rejected(dataset, rejection.reason());
        out.add(deadLetter(dataset, rejection, payload, encoding, position));
    }

    /** Rejects a whole message that belongs to no known dataset: counted in metrics, never in a ledger. */
    void rejectWhole(RawRecord raw, RejectReason reason, String field, String message, List<OutgoingRecord> out) {
        String dataset = raw.key() == null ? UNKNOWN : raw.key();
        Optional<DatasetState> known = registry.find(raw.key());
        metrics.received(dataset, 1);
        metrics.rejected(dataset, reason);
        known.ifPresent(state -> {
            synchronized (state) {
                state.ledger().rejected(reason);
                state.touch();
            }
        });
        SourcePosition position = new SourcePosition(raw.topic(), raw.partition(), raw.offset(), 0, null);
        Payload payload = Payload.of(raw.value());
        out.add(deadLetter(dataset, new Rejection(reason, field, message), payload.text(), payload.encoding(), position));
    }

    private OutgoingRecord deadLetter(String dataset, Rejection rejection, String payload, String encoding,
                                      SourcePosition position) {
        RecordRejected event = new RecordRejected(RecordRejected.SCHEMA_VERSION, dataset, rejection.reason(),
                rejection.field(), rejection.message(), payload, encoding, position, Instant.now());
        return event(Channels.DLQ_OUT, dataset, event);
    }

    OutgoingRecord event(String channel, String key, PipelineEvent event) {
        return new OutgoingRecord(channel, key, event);
    }
}
