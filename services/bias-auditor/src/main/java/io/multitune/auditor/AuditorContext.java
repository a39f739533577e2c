package io.multitune.auditor;

import io.multitune.auditing.ModelAudit;
import io.multitune.auditing.RunBiasJudgement;
import io.multitune.fairness.terms.TermList;
import io.multitune.intake.BaseTokenizers;
import io.multitune.intake.ExampleTopicReader;
import io.multitune.intake.RunOutputFiles;

import java.util.List;

/** What the auditor's judge works with: settings, the audit steps, the term lists, files, events and metrics. */
record AuditorContext(AuditorConfig config, BaseTokenizers tokenizers, ModelAudit audit, RunBiasJudgement judgement,
                      List<TermList> terms, ExampleTopicReader examples, RunOutputFiles files, AuditorEvents events,
                      AuditorMetrics metrics) {
}
