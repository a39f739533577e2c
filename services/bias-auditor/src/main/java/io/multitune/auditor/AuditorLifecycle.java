package io.multitune.auditor;

import ai.onnxruntime.OrtEnvironment;
import io.multitune.auditing.AuditSettings;
import io.multitune.auditing.AuditedModel;
import io.multitune.auditing.ModelAudit;
import io.multitune.auditing.RunBiasJudgement;
import io.multitune.fairness.templates.Templates;
import io.multitune.fairness.terms.TermList;
import io.multitune.fairness.terms.TermLists;
import io.multitune.intake.BaseTokenizers;
import io.multitune.intake.ExampleTopicReader;
import io.multitune.intake.RunTracker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Builds the auditor once (on start-up, or on the first record if that comes first): the term lists (the shipped
 * gendered words and names, plus the configured files), the templates, the audit and its judgement. Loads the
 * default base model's tokenizer and ONNX Runtime up front so readiness means auditing can start.
 */
@ApplicationScoped
public class AuditorLifecycle {
    private static final Logger LOG = Logger.getLogger(AuditorLifecycle.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    AuditorConfig config;
    @Inject
    AuditorEvents events;
    @Inject
    AuditorMetrics metrics;
    @Inject
    TopicProvisioner topics;

    private volatile RunTracker<AuditedModel> engine;
    private volatile boolean ready;
    private volatile String readinessProblem = "starting";
    private BaseTokenizers tokenizers;

    void onStart(@Observes StartupEvent event) {
        if (config.provisionTopics()) {
            topics.ensureTopics(kafkaConfig);
        }
        try {
            engine();
            tokenizers.get(null);
            OrtEnvironment.getEnvironment();
            ready = true;
            readinessProblem = null;
        } catch (Exception | LinkageError e) {
            readinessProblem = "the term lists, the default tokenizer or ONNX Runtime cannot be loaded: " + e;
            LOG.error(readinessProblem, e);
        }
        LOG.infof("bias auditor started; artifact root %s", config.artifactRoot().toAbsolutePath());
    }

    void onStop(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (tokenizers != null) {
                tokenizers.close();
            }
        }
    }

    synchronized RunTracker<AuditedModel> engine() {
        if (engine == null) {
            tokenizers = new BaseTokenizers(config.maxSequenceLength());
            AuditSettings settings = new AuditSettings(config.batchSize(), config.maxSourcesPerTask(),
                    config.maxTemplateCases(), config.explainCases(), config.topTokens(), config.changedCases(),
                    config.minGroupSize(), config.bootstrapResamples(), config.caseInputChars());
            List<TermList> terms = termLists();
            ModelAudit audit = new ModelAudit(settings, terms, Templates.bundled(), ModelAudit.defaultFillers(terms));
            ExampleTopicReader examples = new ExampleTopicReader(kafkaConfig, config.examplesReadTimeout());
            AuditorJudge judge = new AuditorJudge(new AuditorContext(config, tokenizers, audit,
                    new RunBiasJudgement(settings), terms, examples, AuditorFiles.of(config.artifactRoot()), events,
                    metrics));
            engine = new RunTracker<>(judge, examples, config.maxTestExamplesPerTask(), config.baselineTimeout());
            LOG.infof("term lists: %s", terms.stream().map(t -> t.category() + " (" + t.terms().size()
                    + " terms)").toList());
        }
        return engine;
    }

    /** The shipped gendered words and names as one list, then each configured file's lists. */
    private List<TermList> termLists() {
        List<TermList> terms = new ArrayList<>();
        terms.add(TermLists.gender());
        for (Path file : config.termLists().orElse(List.of())) {
            terms.addAll(TermLists.load(file));
        }
        return terms;
    }

    RunTracker<AuditedModel> engineIfStarted() {
        return engine;
    }

    boolean scoringReady() {
        return ready;
    }

    String readinessProblem() {
        return readinessProblem;
    }
}
