package io.multitune.cli.run;

import io.multitune.events.AuditFailed;
import io.multitune.events.CloudEventHeaders;
import io.multitune.events.EventCodec;
import io.multitune.events.EvaluationFailed;
import io.multitune.events.ModelAudited;
import io.multitune.events.ModelEvaluated;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunAudited;
import io.multitune.events.RunCompleted;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunFailed;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import io.multitune.events.RunScoped;
import io.multitune.events.Topics;
import io.multitune.sampling.request.ReadResult;
import io.multitune.sampling.request.RequestRunIds;
import io.multitune.sampling.request.RunRequestReader;
import java.util.Comparator;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One decoded event of a run's topics (runs, training, evaluations, audits) and where it was read.
 *
 * @param timestamp the record's timestamp, in epoch milliseconds
 */
public record RunRecord(String topic, int partition, long offset, long timestamp, PipelineEvent event) {
    /**
     * The order events are applied in: by record time, then by pipeline stage, so that events that several topics
     * delivered in one poll (or a replay delivered in any order) come out as they happened, and ties within one
     * millisecond still put a plan before training, evaluation before audit and the run's end last.
     */
    static final Comparator<RunRecord> IN_ORDER = Comparator.comparingLong(RunRecord::timestamp)
            .thenComparingInt(r -> stage(r.event()))
            .thenComparing(RunRecord::topic)
            .thenComparingInt(RunRecord::partition)
            .thenComparingLong(RunRecord::offset);

    /**
     * The record as an event, or null when it is none this CLI can read. A record of the runs topic without a
     * {@code ce_type} header is a plain run request (any producer may send one): it is read with the sampler's own
     * reader and stands for the run id the sampler gives it ({@link RequestRunIds}).
     */
    static RunRecord of(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        String type = CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_TYPE);
        PipelineEvent event;
        if (type == null && Topics.RUNS.equals(r.topic())) {
            event = plainRequest(r);
        } else {
            try {
                event = EventCodec.INSTANCE.decode(r.headers(), r.value());
            } catch (RuntimeException e) {
                // an event of an unknown type or version, or garbage: not ours to judge here
                return null;
            }
        }
        return new RunRecord(r.topic(), r.partition(), r.offset(), r.timestamp(), event);
    }

    private static RunRequest plainRequest(ConsumerRecord<String, byte[]> r) {
        ReadResult read = RunRequestReader.read(r.value());
        String runId = RequestRunIds.of(read, r.key(), r.partition(), r.offset());
        return read.request().map(q -> q.withRunId(runId)).orElse(new RunRequest(RunRequest.SCHEMA_VERSION, runId,
                null, null, null, null, null, null, null, null, null, null, null, null));
    }

    /**
     * The run an event keyed by run id belongs to (the runs, evaluations and audits topics); null for others, such as
     * training events, which are keyed by job id.
     */
    static String runIdOf(PipelineEvent e) {
        return e instanceof RunScoped scoped && scoped.runId() != null && scoped.runId().equals(e.subject())
                ? scoped.runId() : null;
    }

    private static int stage(PipelineEvent e) {
        if (e instanceof RunRequest) {
            return 0;
        } else if (e instanceof RunPlanned || e instanceof RunRejected) {
            return 1;
        } else if (e instanceof RunEvaluated || e instanceof ModelEvaluated || e instanceof EvaluationFailed) {
            return 3;
        } else if (e instanceof RunAudited || e instanceof ModelAudited || e instanceof AuditFailed) {
            return 4;
        } else if (e instanceof RunCompleted || e instanceof RunFailed) {
            return 5;
        }
        return 2; // training
    }
}
