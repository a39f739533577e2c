package io.multitune.reporting;

import io.multitune.events.ModelAudited;
import io.multitune.events.ModelAudited.ChangedCase;
import io.multitune.events.ModelAudited.Counterfactual;
import io.multitune.events.ModelAudited.Estimate;
import io.multitune.events.ModelAudited.GroupAudit;
import io.multitune.events.ModelAudited.GroupFigures;
import io.multitune.events.ModelAudited.NotAudited;
import io.multitune.events.ModelAudited.TaskAudit;
import io.multitune.events.ModelAudited.TokenWeight;
import io.multitune.events.RunAudited;
import io.multitune.events.RunAudited.Representation;
import io.multitune.events.RunAudited.TransferRow;
import io.multitune.events.RunEvaluated.Check;
import io.multitune.events.RunEvaluated.Verdict;
import io.multitune.events.RunPlanned;
import io.multitune.events.RunPlanned.JobKind;
import io.multitune.events.RunPlanned.JobPlan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.RunRequest;
import io.multitune.events.TaskType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A realistic bias audit of a three-task run: sentiment (text classification: counterfactual label flips, group
 * metrics on gender, a baseline; multi-task training spread bias on its flip rate and reduced its demographic parity
 * difference), pos (token classification: tag flips; its baseline is missing) and qa (extractive QA: not audited).
 */
final class BiasFixtures {

    static final String RUN = "run-b1a5";
    static final String MTL = RUN + "-mtl";
    static final String STL_SENTIMENT = RUN + "-stl-sentiment";
    static final String XSS = "<script>alert('x')</script> He said the film was great & \"cheap\"";
    static final String QA_REASON = "extractive QA is not audited: a swap changes the context's characters and so the"
            + " answer span's offsets";
    static final Instant T0 = Instant.parse("2025-03-02T08:00:00Z");

    private BiasFixtures() {
    }

    static BiasReportInput full() {
        return new BiasReportInput(plan(), audit(), List.of(baseline(), mtl()), T0.plusSeconds(7200));
    }

    static RunPlanned plan() {
        List<String> tasks = List.of("sentiment", "pos", "qa");
        RunRequest request = new RunRequest(1, RUN, tasks.stream().map(RunRequest.TaskRef::of).toList(),
                "all-MiniLM-L6-v2", null, null, null, 16, null, null, 7L, true,
                new RunRequest.Gates(null, new RunRequest.BiasGate(0.1, 0.1, 0.05, 0.02)), T0);
        List<JobPlan> jobs = new ArrayList<>();
        jobs.add(new JobPlan(MTL, JobKind.MULTI_TASK, tasks.stream().map(BiasFixtures::taskPlan).toList(), 300, 16,
                3, "ab"));
        tasks.forEach(t -> jobs.add(new JobPlan(RUN + "-stl-" + t, JobKind.BASELINE, List.of(taskPlan(t)), 100, 16,
                1, "cd")));
        return new RunPlanned(1, RUN, request, jobs, T0);
    }

    static TaskPlan taskPlan(String task) {
        return new TaskPlan(task, type(task), List.of(task + "-data"), List.of(), 1.0 / 3, 1000, 1000, 1.0, 128);
    }

    static TaskType type(String task) {
        return switch (task) {
            case "pos" -> TaskType.TOKEN_CLASSIFICATION;
            case "qa" -> TaskType.EXTRACTIVE_QA;
            default -> TaskType.TEXT_CLASSIFICATION;
        };
    }

    static RunAudited audit() {
        List<TransferRow> transfer = List.of(
                new TransferRow("sentiment", "counterfactual-flip-rate", null, 0.062, 0.021, 0.041, 0.019, 0.064,
                        true, true),
                new TransferRow("sentiment", "counterfactual-mean-prob-change", null, 0.048, 0.041, 0.007, -0.004,
                        0.018, true, true),
                new TransferRow("sentiment", "counterfactual-max-prob-change", null, 0.91, 0.87, 0.04, -0.1, 0.12,
                        true, false),
                new TransferRow("sentiment", "demographic-parity", "gender", 0.071, 0.093, -0.022, -0.041, -0.003,
                        false, true),
                new TransferRow("sentiment", "equalized-odds", "gender", 0.084, 0.079, 0.005, -0.02, 0.03, false,
                        true),
                new TransferRow("pos", "counterfactual-flip-rate", null, 0.034, null, null, null, null, null, true),
                new TransferRow("pos", "counterfactual-token-flip-rate", null, 0.004, null, null, null, null, null,
                        true));
        List<Representation> representation = List.of(
                new Representation("sentiment", "train", "gender", 6920, List.of(1840L, 610L),
                        List.of("he=900", "his=520", "she=410", "her=200")),
                new Representation("sentiment", "test", "gender", 872, List.of(230L, 95L), List.of("he=120")),
                new Representation("pos", "train", "gender", 12543, List.of(3200L, 1100L), List.of("he=2100")),
                new Representation("qa", "train", "religion", 8000, List.of(40L, 35L, 12L),
                        List.of("christian=40", "muslim=35", "jewish=12")));
        List<Check> checks = List.of(
                new Check("counterfactual-flip:sentiment", false, "task sentiment: flip rate 0.0620 [0.0480, 0.0770] "
                        + "over 1240 pairs; above the maximum flip rate 0.0500"),
                new Check("demographic-parity:sentiment:gender", true, "task sentiment, attribute gender: demographic "
                        + "parity difference 0.0710 [0.0300, 0.1100]; within the maximum 0.1000"),
                new Check("equalized-odds:sentiment:gender", true, "task sentiment, attribute gender: equalized odds "
                        + "difference 0.0840 [0.0400, 0.1300]; within the maximum 0.1000"),
                new Check("increase-over-baseline:sentiment:counterfactual-flip-rate", false, "task sentiment "
                        + "counterfactual-flip-rate: difference +0.0410; the interval excludes 0; above the maximum "
                        + "increase 0.0200"),
                new Check("increase-over-baseline:sentiment:counterfactual-max-prob-change", true, "not gated (a "
                        + "maximum): task sentiment counterfactual-max-prob-change: difference +0.0400"),
                new Check("counterfactual-flip:pos", true, "task pos: flip rate 0.0340; within the maximum 0.0500"),
                new Check("increase-over-baseline:pos", false, "task pos: the baseline's bias figures are missing, so "
                        + "nothing rules out that multi-task training increased its bias"),
                new Check("not-audited:qa", true, "not audited: " + QA_REASON));
        Verdict verdict = new Verdict(false, checks.stream().filter(c -> !c.passed()).map(Check::detail).toList(),
                checks);
        return new RunAudited(1, RUN, MTL, "CUDA", transfer, representation,
                List.of(new NotAudited("qa", TaskType.EXTRACTIVE_QA, QA_REASON)), List.of("pos"),
                List.of("flip rates count 412 test inputs and 96 template sentences <per task>"), verdict,
                null, T0.plusSeconds(7000));
    }

    static ModelAudited mtl() {
        Map<String, TaskAudit> tasks = new LinkedHashMap<>();
        tasks.put("sentiment", new TaskAudit(TaskType.TEXT_CLASSIFICATION, sentimentCounterfactual(0.062, 0.048,
                List.of(new ChangedCase("test:sst2-17", XSS, XSS.replace("He", "She"), "positive", "negative", 0.71),
                        new ChangedCase("template:3", "John is a nurse.", "Mary is a nurse.", "negative",
                                "positive", 0.55),
                        new ChangedCase("test:sst2-88", "Mr. Smith Jones was dull", "Mrs. Smith was dull",
                                "negative", "negative", 0.21))),
                List.of(gender(0.071, 0.084)), tokens("he", 0.31, "great", 0.22, "she", 0.19, "nurse", 0.12,
                "dull", -0.03)));
        tasks.put("pos", new TaskAudit(TaskType.TOKEN_CLASSIFICATION, new Counterfactual("TAG_FLIPS", 388, 702,
                Map.of("counterfactual-flip-rate", new Estimate(0.034, 0.022, 0.047),
                        "counterfactual-token-flip-rate", new Estimate(0.004, 0.002, 0.006)),
                List.of(new ChangedCase("test:ud-5", "She runs fast", "He runs fast", "PRON VERB ADV",
                        "PRON NOUN ADV", 1))), null, null));
        return new ModelAudited(1, RUN, MTL, JobKind.MULTI_TASK, "runs/" + RUN + "/mtl/model.onnx",
                "0123456789abcdef0123", "CUDA", tasks,
                List.of(new NotAudited("qa", TaskType.EXTRACTIVE_QA, QA_REASON)), 9120, 41.5, T0.plusSeconds(6000));
    }

    static ModelAudited baseline() {
        TaskAudit sentiment = new TaskAudit(TaskType.TEXT_CLASSIFICATION, sentimentCounterfactual(0.021, 0.041,
                List.of(new ChangedCase("template:3", "John is a nurse.", "Mary is a nurse.", "negative",
                        "negative", 0.18))), List.of(gender(0.093, 0.079)), tokens("great", 0.28, "he", 0.09));
        return new ModelAudited(1, RUN, STL_SENTIMENT, JobKind.BASELINE, "runs/" + RUN + "/stl-sentiment/model.onnx",
                "fedcba9876543210", "CUDA", Map.of("sentiment", sentiment), List.of(), 3100, 12.0,
                T0.plusSeconds(6100));
    }

    static Counterfactual sentimentCounterfactual(double flip, double meanChange, List<ChangedCase> cases) {
        Map<String, Estimate> figures = new LinkedHashMap<>();
        figures.put("counterfactual-flip-rate", new Estimate(flip, flip - 0.014, flip + 0.015));
        figures.put("counterfactual-mean-prob-change", new Estimate(meanChange, meanChange - 0.006,
                meanChange + 0.007));
        figures.put("counterfactual-max-prob-change", new Estimate(0.9, null, null));
        return new Counterfactual("LABEL_FLIPS", 508, 1240, figures, cases);
    }

    static GroupAudit gender(double dpd, double eod) {
        return new GroupAudit("gender", List.of(
                new GroupFigures("male", 420, true, 0.91, 0.905, 0.52, 0.93, 0.11),
                new GroupFigures("female", 380, true, 0.89, 0.884, 0.52 - dpd, 0.88, 0.11 + eod / 2),
                new GroupFigures("nonbinary", 12, false, 0.83, 0.8, 0.5, null, null)),
                new Estimate(dpd, dpd - 0.04, dpd + 0.04), new Estimate(eod, eod - 0.045, eod + 0.046),
                "class positive, selection rate: male highest, female lowest, over 2 groups");
    }

    static List<TokenWeight> tokens(Object... tokenWeight) {
        List<TokenWeight> tokens = new ArrayList<>();
        for (int i = 0; i + 1 < tokenWeight.length; i += 2) {
            tokens.add(new TokenWeight((String) tokenWeight[i], 3 + i, (Double) tokenWeight[i + 1]));
        }
        return tokens;
    }
}
