package io.multitune.evaluator;

import ai.onnxruntime.OrtEnvironment;
import io.multitune.intake.BaseTokenizers;
import io.multitune.intake.ExampleTopicReader;
import io.multitune.intake.RunTracker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Builds the engine once (on start-up, or on the first record if that comes first), loads the default base model's
 * tokenizer and ONNX Runtime up front so readiness means scoring can start, and closes the tokenizers at shutdown.
 */
@ApplicationScoped
public class EvaluatorLifecycle {
    private static final Logger LOG = Logger.getLogger(EvaluatorLifecycle.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    EvaluatorConfig config;
    @Inject
    EvaluatorEvents events;
    @Inject
    EvaluatorMetrics metrics;
    @Inject
    TopicProvisioner topics;

    private volatile RunTracker<ScoredModel> engine;
    private volatile boolean scoringReady;
    private volatile String readinessProblem = "starting";
    private BaseTokenizers tokenizers;

    void onStart(@Observes StartupEvent event) {
        if (config.provisionTopics()) {
            topics.ensureTopics(kafkaConfig);
        }
        engine();
        try {
            tokenizers.get(null);
            OrtEnvironment.getEnvironment();
            scoringReady = true;
            readinessProblem = null;
        } catch (Exception | LinkageError e) {
            readinessProblem = "the default tokenizer or ONNX Runtime cannot be loaded: " + e;
            LOG.error(readinessProblem, e);
        }
        LOG.infof("evaluator started; artifact root %s", config.artifactRoot().toAbsolutePath());
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (tokenizers != null) {
                tokenizers.close();
            }
        }
    }

    synchronized RunTracker<ScoredModel> engine() {
        if (engine == null) {
            tokenizers = new BaseTokenizers(config.maxSequenceLength());
            ModelScoring scoring = new ModelScoring(config.artifactRoot(), tokenizers, config.intraOpThreads(),
                    config.batchSize());
            RunJudgement judgement = new RunJudgement(config.bootstrapResamples(),
                    new ReviewCases(config.reviewCases(), config.reviewInputChars()));
            EvaluatorJudge judge = new EvaluatorJudge(new EvaluatorContext(config, scoring, judgement,
                    EvaluatorFiles.of(config.artifactRoot()), events, metrics));
            engine = new RunTracker<>(judge, new ExampleTopicReader(kafkaConfig, config.testSplitTimeout()),
                    config.maxTestExamplesPerTask(), config.baselineTimeout());
        }
        return engine;
    }

    RunTracker<ScoredModel> engineIfStarted() {
        return engine;
    }

    boolean scoringReady() {
        return scoringReady;
    }

    String readinessProblem() {
        return readinessProblem;
    }
}
