package io.multitune.cli.run;

import static io.multitune.cli.run.RunEventsFixture.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.cli.run.RunState.Change;
import io.multitune.cli.run.RunState.Phase;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunFailed;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunRejected;
import io.multitune.events.RunRequest;
import io.multitune.events.Topics;
import io.multitune.events.TrainingEnded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RunStateTest {
    private final RunEventsFixture run = new RunEventsFixture("r1", Instant.parse("2026-11-26T14:35:24Z"));
    private final RunState state = new RunState("r1");
    private long clock = 1_000;

    private Change apply(PipelineEvent e) {
        return state.apply(record(e, clock++));
    }

    @Test
    void foldsARunFromItsRequestToItsEndAndSaysWhatItWaitsFor() {
        assertEquals(Phase.UNKNOWN, state.phase());
        assertEquals(Change.REQUESTED, apply(run.request()));
        assertEquals(Phase.WAITING_FOR_PLAN, state.phase());
        assertEquals("the sampler's plan (run-planned)", state.waitingFor());
        assertEquals(Instant.parse("2026-11-26T14:35:24Z"), state.requestedAt());

        assertEquals(Change.PLANNED, apply(run.plan()));
        assertEquals(Phase.RUNNING, state.phase());
        assertEquals(3, state.jobs().size());
        assertEquals("the training of 3 of 3 jobs (r1.mtl, r1.stl.sentiment, r1.stl.pos)", state.waitingFor());

        for (PipelineEvent e : run.trained(run.mtl(), JobKind.MULTI_TASK, 30, 0.9)) {
            assertEquals(Change.JOB, apply(e));
        }
        run.trained(run.stl("sentiment"), JobKind.BASELINE, 18, 0.85).forEach(this::apply);
        assertEquals("the training of 1 of 3 jobs (r1.stl.pos)", state.waitingFor());
        assertEquals(Change.JOB, apply(run.failedTraining(run.stl("pos"), 3)));
        assertEquals(Change.NONE, apply(run.failedTraining(run.stl("pos"), 4)), "the first end of a job counts");
        assertEquals(3, state.jobs().get(2).ended().step());
        assertEquals(TrainingEnded.Outcome.FAILED, state.jobs().get(2).ended().outcome());
        assertEquals("the evaluator's judgement (run-evaluated)", state.waitingFor());

        assertEquals(Change.MODEL_EVALUATED, apply(run.modelEvaluated(run.mtl(), JobKind.MULTI_TASK)));
        assertEquals(Change.EVALUATION_FAILED, apply(run.evaluationFailed(run.stl("pos"))));
        assertEquals(Change.EVALUATED, apply(run.evaluated()));
        assertEquals("the bias audit (run-audited)", state.waitingFor());
        assertEquals(Change.MODEL_AUDITED, apply(run.modelAudited(run.mtl(), JobKind.MULTI_TASK)));
        assertEquals(Change.AUDITED, apply(run.audited()));
        assertEquals("the run's end (run-completed or run-failed, from the evaluator)", state.waitingFor());
        assertFalse(state.ended());

        assertEquals(Change.ENDED, apply(run.completed()));
        assertEquals(Phase.COMPLETED, state.phase());
        assertTrue(state.ended());
        assertEquals(Change.NONE, apply(run.failed(RunFailed.Stage.AUDIT, null, "late")), "the first end counts");
        assertNull(state.failed());
        assertEquals(1_000L, state.firstSeen());
    }

    @Test
    void theFirstAnswerCountsALaterRejectionAnswersADuplicateRequest() {
        apply(run.request());
        apply(run.plan());
        assertEquals(Change.NONE, apply(run.request()), "a second request with the same id changes nothing");
        assertEquals(Change.NONE, apply(run.rejected(RunRejected.Reason.DUPLICATE_RUN)));
        assertEquals(Change.NONE, apply(run.failed(RunFailed.Stage.REQUEST, null, "duplicate run")));
        assertEquals(Phase.RUNNING, state.phase());
        assertNull(state.rejected());
        assertEquals(Change.ENDED, apply(run.failed(RunFailed.Stage.TRAINING, run.mtl(), "the trainer stalled")));
        assertEquals(Phase.FAILED, state.phase());
    }

    @Test
    void aRejectionOrAFailureAtTheRequestMeansRejected() {
        apply(run.request());
        assertEquals(Change.REJECTED, apply(run.rejected(RunRejected.Reason.UNKNOWN_TASK)));
        assertEquals(Phase.REJECTED, state.phase());
        assertTrue(state.ended());
        assertEquals(Change.NONE, apply(run.plan()), "a rejected run id is never planned");

        RunState onlyFailure = new RunState("r1");
        onlyFailure.apply(record(run.failed(RunFailed.Stage.REQUEST, null, "1 problem"), 5));
        assertEquals(Phase.REJECTED, onlyFailure.phase());
        RunState planning = new RunState("r1");
        planning.apply(record(run.failed(RunFailed.Stage.PLANNING, null, "no plan within 10m"), 5));
        assertEquals(Phase.FAILED, planning.phase());
    }

    @Test
    void eventsOfOtherRunsAndJobsChangeNothing() {
        RunEventsFixture other = new RunEventsFixture("r2", Instant.now());
        assertEquals(Change.NONE, apply(other.request()));
        assertEquals(Change.NONE, apply(other.plan()));
        assertEquals(Phase.UNKNOWN, state.phase());
        apply(run.plan());
        assertEquals(Change.NONE, apply(other.trained(other.mtl(), JobKind.MULTI_TASK, 30, 0.9).get(0)));
        assertEquals(Change.NONE, apply(other.completed()));
        assertEquals(1_002L, state.firstSeen(), "only this run's events count as seen");
        assertTrue(state.wants(Topics.TRAINING, run.mtl()));
        assertFalse(state.wants(Topics.TRAINING, other.mtl()));
        assertTrue(state.wants(Topics.EVALUATIONS, "r1"));
        assertFalse(state.wants(Topics.AUDITS, "r2"));
        assertTrue(state.wants(Topics.RUNS, "r2"), "a plain request may name its run in its body only");
    }

    @Test
    void aPlainRequestWithoutHeadersStandsForTheRunItsBodyOrKeyNames() {
        ConsumerRecord<String, byte[]> plain = new ConsumerRecord<>(Topics.RUNS, 1, 7, 42L,
                TimestampType.CREATE_TIME, 0, 0, "r1", "{\"tasks\":[\"genre\"],\"budget\":{\"steps\":3}}"
                .getBytes(StandardCharsets.UTF_8), new RecordHeaders(), Optional.empty());
        RunRecord read = RunRecord.of(plain);
        assertEquals("r1", ((RunRequest) read.event()).runId());
        assertEquals(Change.REQUESTED, state.apply(read));
        assertEquals(Instant.ofEpochMilli(42), state.requestedAt(), "no requestedAt: the record's time");
        assertEquals("genre", state.request().tasks().get(0).task());
    }

    @Test
    void recordsAreOrderedByTimeThenByStage() {
        List<RunRecord> records = new ArrayList<>(List.of(record(run.completed(), 5), record(run.audited(), 5),
                record(run.evaluated(), 5), record(run.plan(), 5), record(run.request(), 4)));
        records.sort(RunRecord.IN_ORDER);
        assertSame(RunRequest.class, records.get(0).event().getClass());
        assertEquals(List.of("RunRequest", "RunPlanned", "RunEvaluated", "RunAudited", "RunCompleted"),
                records.stream().map(r -> r.event().getClass().getSimpleName()).toList());
    }
}
