package io.multitune.sampler;

import io.multitune.events.BatchesAcknowledged;
import io.multitune.events.Channels;
import io.multitune.events.CloudEventHeaders;
import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetRegistered;
import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunRejected;
import io.multitune.events.Topics;
import io.multitune.events.TrainingEnded;
import io.multitune.events.ValidationReported;
import io.multitune.sampling.pool.PoolExampleReader;
import io.multitune.sampling.pool.TaskPool;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The sampler's state and its single writer. Every input record (examples, datasets, runs, trainer feedback) and
 * every tick goes through one lock, so the state changes in one order and planning and publishing never race.
 * Until the inputs are read up to where they ended at start-up ({@link CatchUp}), the engine only rebuilds state;
 * then it resumes the unfinished jobs and starts deciding requests.
 */
@ApplicationScoped
public class SamplerEngine {
    private static final Logger LOG = Logger.getLogger(SamplerEngine.class);

    private final SamplerConfig config;
    private final Publisher publisher;
    private final SamplerMetrics metrics;
    private final TopicProvisioner provisioner;
    private final DatasetBook datasets = new DatasetBook();
    private final RunDesk runs = new RunDesk();
    private final JobBoard jobs;
    private final RunDecider decider;
    private final RunRecords runRecords = new RunRecords();
    private volatile CatchUp catchUp;
    private volatile boolean live;
    private volatile String lastError = "starting";

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    SamplerEngine(SamplerConfig config, Publisher publisher, SamplerMetrics metrics, TopicProvisioner provisioner) {
        this.config = config;
        this.publisher = publisher;
        this.metrics = metrics;
        this.provisioner = provisioner;
        this.jobs = new JobBoard(publisher, metrics);
        this.decider = new RunDecider(datasets, config.profileWait());
    }

    /** Applies a batch of input records, then acts if live. */
    synchronized void onRecords(Iterable<ConsumerRecord<String, byte[]>> records) {
        ensureStarted();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                apply(r);
            } catch (RuntimeException e) {
                LOG.warnf("ignored a record of %s (partition %d, offset %d): %s", r.topic(), r.partition(),
                        r.offset(), e.getMessage());
            }
            if (catchUp != null) {
                catchUp.observed(r.topic(), r.partition(), r.offset(), System.nanoTime());
            }
        }
        act();
    }

    /** Periodic: start-up steps that need the broker, catch-up by consumer positions, profile-wait timeouts. */
    synchronized void tick(Map<org.apache.kafka.common.TopicPartition, Long> consumerPositions) {
        ensureStarted();
        if (catchUp != null && consumerPositions != null) {
            catchUp.positions(consumerPositions, System.nanoTime());
        }
        act();
    }

    boolean isLive() {
        return live;
    }

    String status() {
        if (live) {
            return "live";
        }
        return catchUp == null ? "starting: " + lastError : "restoring, behind: " + catchUp.behind();
    }

    int activeJobs() {
        return jobs.activeJobs();
    }

    private void ensureStarted() {
        if (catchUp != null) {
            return;
        }
        try {
            if (config.provisionTopics()) {
                provisioner.ensureTopics(kafkaConfig);
            }
            catchUp = new CatchUp(EndOffsets.of(kafkaConfig, List.of(Topics.EXAMPLES, Topics.DATASETS, Topics.RUNS,
                    Topics.TRAINING), config.brokerTimeout()));
            LOG.infof("reading the input topics up to their ends at start-up: %s", catchUp.behind());
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOG.warnf("broker not usable yet: %s", e.getMessage());
        }
    }

    /** Never throws: an exception escaping to the messaging layer would stop the input channel for good. */
    private void act() {
        try {
            if (!live && catchUp != null && catchUp.done()) {
                goLive();
            }
            if (live) {
                decideWaiting();
                jobs.pump();
            }
        } catch (RuntimeException e) {
            lastError = e.toString();
            LOG.errorf(e, "sampler step failed; retried on the next record or tick");
        }
        metrics.poolExamples(datasets.pools().size());
        metrics.waitingRuns(runs.waitingCount());
    }

    private void goLive() {
        Map<String, Long> published;
        try {
            published = BatchPositions.scan(kafkaConfig, config.brokerTimeout());
        } catch (RuntimeException e) {
            lastError = e.getMessage();
            LOG.warnf("cannot read batch positions yet: %s", e.getMessage());
            return;
        }
        for (RunPlanned plan : runs.plans()) {
            List<TaskPool> pools = plan.jobs().get(0).tasks().stream()
                    .map(t -> datasets.pool(t.taskId(), t.taskType(), t.datasets())).toList();
            jobs.resume(plan, pools, published);
            runs.ending(plan.runId()).ifPresent(why -> jobs.endRun(plan.runId(), why));
        }
        live = true;
        LOG.infof("state restored: %d examples, %d runs planned, %d waiting, %d jobs to continue",
                datasets.pools().size(), runs.plans().size(), runs.waitingCount(), jobs.activeJobs());
    }

    private void decideWaiting() {
        if (runs.waitingCount() == 0) {
            return; // the common case, on every acknowledgement while jobs stream
        }
        Instant now = Instant.now();
        for (RunDesk.Waiting waiting : runs.waiting()) {
            RunDecider.Decision decision;
            try {
                decision = decider.decide(waiting, now);
            } catch (RuntimeException e) {
                LOG.errorf(e, "planning run %s failed", waiting.runId());
                decision = RunDecider.reject(waiting.runId(), List.of(new RunRejected.Problem("request",
                        RunRejected.Reason.PLANNING_FAILED, "the sampler failed to plan this request: " + e)), now);
            }
            if (decision instanceof RunDecider.Decision.Plan p) {
                runs.planned(p.plan());
                publisher.event(Channels.RUNS_OUT, p.plan().runId(), p.plan());
                jobs.start(p.plan(), p.pools());
                metrics.runPlanned();
                LOG.infof("run %s planned: %d jobs", p.plan().runId(), p.plan().jobs().size());
            } else if (decision instanceof RunDecider.Decision.Reject r) {
                reject(r.rejection());
            }
        }
    }

    private void reject(RunRejected rejection) {
        runs.rejected(rejection.runId());
        publisher.event(Channels.RUNS_OUT, rejection.runId(), rejection);
        metrics.runRejected(rejection.problems().get(0).reason());
        LOG.infof("run %s rejected: %s", rejection.runId(), rejection.problems());
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        switch (r.topic()) {
            case Topics.EXAMPLES -> applyExample(r);
            case Topics.DATASETS -> applyDataset(EventCodec.INSTANCE.decode(r.headers(), r.value()));
            case Topics.RUNS -> applyRun(r);
            case Topics.TRAINING -> applyTraining(r);
            default -> LOG.debugf("record of unexpected topic %s", r.topic());
        }
    }

    private void applyExample(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            datasets.pools().remove(r.key());
            return;
        }
        datasets.pools().put(PoolExampleReader.read(r.value(), datasets.pools().slabs()::append));
    }

    private void applyDataset(PipelineEvent event) {
        if (event instanceof DatasetRegistered registered) {
            datasets.registered(registered);
        } else if (event instanceof DatasetProfiled profiled) {
            datasets.profiled(profiled);
        }
    }

    private void applyRun(ConsumerRecord<String, byte[]> r) {
        RunRecords.Parsed parsed = runRecords.parse(r, Instant.now());
        if (parsed instanceof RunRecords.Parsed.Planned p) {
            runs.planned(p.plan());
        } else if (parsed instanceof RunRecords.Parsed.Rejected rejected) {
            runs.rejected(rejected.runId());
        } else if (parsed instanceof RunRecords.Parsed.Ended ended) {
            runs.ended(ended.runId(), ended.why());
            if (live) {
                jobs.endRun(ended.runId(), ended.why());
            }
        } else if (parsed instanceof RunRecords.Parsed.Request request) {
            RunDesk.Receipt receipt = runs.received(request.waiting());
            if (receipt == RunDesk.Receipt.ALREADY_ANSWERED && live) {
                reject(new RunRejected(RunRejected.SCHEMA_VERSION, request.waiting().runId(), List.of(
                        new RunRejected.Problem("runId", RunRejected.Reason.DUPLICATE_RUN, "run "
                                + request.waiting().runId() + " was already answered; use a new run id")),
                        Instant.now()));
            }
        }
    }

    private void applyTraining(ConsumerRecord<String, byte[]> r) {
        if (CloudEventHeaders.lastValue(r.headers(), CloudEventHeaders.CE_TYPE) == null) {
            return;
        }
        PipelineEvent event;
        try {
            event = EventCodec.INSTANCE.decode(r.headers(), r.value());
        } catch (RuntimeException e) {
            // The training topic carries the trainer's other events too; those this reader does not know are not
            // the sampler's business.
            return;
        }
        if (event instanceof BatchesAcknowledged ack) {
            jobs.feedback(ack.jobId()).acknowledged(ack.sequence());
        } else if (event instanceof ValidationReported report) {
            jobs.feedback(report.jobId()).reported(report);
        } else if (event instanceof TrainingEnded ended) {
            jobs.feedback(ended.jobId()).ended();
        }
    }
}
