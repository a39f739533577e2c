package io.multitune.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import io.multitune.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RunClientTest {

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> p) {
        return new ConsumerRecord<>(p.topic(), 0, 0, 0L, TimestampType.CREATE_TIME, 0, 0, p.key(), p.value(),
                p.headers(), Optional.empty());
    }

    private static ConsumerRecord<String, byte[]> event(String key, PipelineEvent e) {
        return consumed(EventCodec.INSTANCE.record(Topics.RUNS, key, e, "/multitune/sampler"));
    }

    @Test
    void picksThePlanOrRejectionOfThisRunOnly() {
        RunRejected rejected = new RunRejected(RunRejected.SCHEMA_VERSION, "run-1", List.of(), Instant.now());
        RunClient.Answer a = RunClient.answerOf(event("run-1", rejected), "run-1");
        assertEquals(rejected, a.rejected());
        assertTrue(!a.isPlanned());

        RunClient.Answer p = RunClient.answerOf(event("run-1", PlanReportTest.plan()), "run-1");
        assertTrue(p.isPlanned());
        assertEquals("run-1", p.planned().runId());

        assertNull(RunClient.answerOf(event("run-2", rejected), "run-2"), "body of another run");
        assertNull(RunClient.answerOf(event("run-9", rejected), "run-1"), "key of another run");
        RunRequest request = new RunRequest(1, "run-1", List.of(RunRequest.TaskRef.of("t")), null, null, null, null,
                null, null, null, null, null, null, null);
        assertNull(RunClient.answerOf(event("run-1", request), "run-1"), "the request itself");
        RecordHeaders noHeaders = new RecordHeaders();
        assertNull(RunClient.answerOf(consumed(new ProducerRecord<>(Topics.RUNS, null, "run-1",
                "tasks: [t]".getBytes(StandardCharsets.UTF_8), noHeaders)), "run-1"), "a plain request");
    }
}
