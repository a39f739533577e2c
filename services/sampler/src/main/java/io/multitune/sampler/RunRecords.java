package io.multitune.sampler;

import io.multitune.events.CloudEventHeaders;
import io.multitune.events.EventCodec;
import io.multitune.events.EventType;
import io.multitune.events.RunCompleted;
import io.multitune.events.RunFailed;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRejected;
import io.multitune.sampling.request.ReadResult;
import io.multitune.sampling.request.RequestRunIds;
import io.multitune.sampling.request.RunRequestReader;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a record of the runs topic. A run request may come as a CloudEvent from the CLI or as a plain JSON or YAML
 * body from any producer; both are read by the same strict reader. Plans and rejections are the sampler's own
 * answers, read back to rebuild its state.
 */
final class RunRecords {

    sealed interface Parsed {
        record Request(RunDesk.Waiting waiting) implements Parsed {
        }

        record Planned(RunPlanned plan) implements Parsed {
        }

        record Rejected(String runId) implements Parsed {
        }

        /** The run's end (run-completed or run-failed), with why, for the jobs it ends. */
        record Ended(String runId, String why) implements Parsed {
        }

        record Other() implements Parsed {
        }
    }

    Parsed parse(ConsumerRecord<String, byte[]> r, Instant now) {
        String ceType = CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_TYPE);
        if (ceType == null || ceType.equals(EventType.RUN_REQUESTED.ceType())) {
            return request(r, now);
        }
        if (ceType.equals(EventType.RUN_PLANNED.ceType())) {
            return new Parsed.Planned(EventCodec.INSTANCE.decode(r.value(), RunPlanned.class));
        }
        if (ceType.equals(EventType.RUN_REJECTED.ceType())) {
            return new Parsed.Rejected(EventCodec.INSTANCE.decode(r.value(), RunRejected.class).runId());
        }
        if (ceType.equals(EventType.RUN_COMPLETED.ceType())) {
            RunCompleted completed = EventCodec.INSTANCE.decode(r.value(), RunCompleted.class);
            return new Parsed.Ended(completed.runId(), "run " + completed.runId() + " has completed ("
                    + (completed.pass() ? "PASS" : "FAIL") + ")");
        }
        if (ceType.equals(EventType.RUN_FAILED.ceType())) {
            RunFailed failed = EventCodec.INSTANCE.decode(r.value(), RunFailed.class);
            return new Parsed.Ended(failed.runId(), "run " + failed.runId() + " has failed at " + failed.stage()
                    + ": " + failed.reason());
        }
        return new Parsed.Other();
    }

    private static Parsed request(ConsumerRecord<String, byte[]> r, Instant now) {
        ReadResult read = RunRequestReader.read(r.value() == null ? new byte[0] : r.value());
        String runId = RequestRunIds.of(read, r.key(), r.partition(), r.offset());
        return new Parsed.Request(new RunDesk.Waiting(runId,
                read.request().map(req -> req.withRunId(runId)).orElse(null), read.problems(), now));
    }
}
