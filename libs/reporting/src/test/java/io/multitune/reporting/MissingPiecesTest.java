package io.multitune.reporting;

import static io.multitune.reporting.HtmlProbe.count;
import static io.multitune.reporting.HtmlProbe.svgById;
import static io.multitune.reporting.HtmlProbe.svgsByClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.ModelEvaluated;
import io.multitune.events.RunEvaluated;
import io.multitune.events.RunEvaluated.TaskOutcome;
import io.multitune.events.RunPlanned;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Runs with pieces missing or at the edges: the page says what is missing and never throws. */
class MissingPiecesTest {

    @Test
    void nothingButARunStillMakesAPage() {
        String html = RunReport.html(new RunReportInput(null, null, null, null, null, null));
        assertTrue(html.contains("data-verdict=\"none\"") && html.contains("NOT EVALUATED"));
        assertTrue(html.contains("The run has not been evaluated: there is no verdict yet."));
        assertTrue(html.contains("The trainer sent no progress or validation events"));
        assertTrue(html.contains("The trainer measured no gradient conflicts"));
        assertTrue(html.contains("The run&#39;s plan was not available"));
        assertTrue(html.endsWith("</html>\n"));
    }

    @Test
    void noBaselinesAtAll() {
        RunEvaluated full = ReportFixtures.evaluation();
        List<TaskOutcome> alone = full.tasks().stream().map(t -> new TaskOutcome(t.taskId(), t.taskType(), t.metric(),
                t.higherIsBetter(), t.weight(), t.examples(), t.mtl(), null, null, null, null, t.alpha(), null, null,
                false)).toList();
        RunEvaluated eval = new RunEvaluated(1, ReportFixtures.RUN, ReportFixtures.MTL, "CPU", 0.88, null, null, alone,
                ReportFixtures.TASKS, List.of(), new RunEvaluated.Verdict(true, List.of(), List.of()), null, null,
                null);
        RunPlanned plan = new RunPlanned(1, ReportFixtures.RUN, ReportFixtures.request(),
                List.of(ReportFixtures.plan(ReportFixtures.TASKS).jobs().get(0)), null);
        RunReportInput input = new RunReportInput(plan, eval, List.of(ReportFixtures.models().get(0)),
                Map.of(ReportFixtures.MTL, ReportFixtures.progress(ReportFixtures.MTL, ReportFixtures.TASKS, false)),
                Map.of(), null);
        String html = RunReport.html(input);
        assertTrue(html.contains("data-verdict=\"pass\""));
        assertTrue(html.contains(">undefined<") && html.contains("undefined: no task has a baseline"));
        String chart = svgById(html, MtlVsBaselineChart.ID);
        assertEquals(6, count(chart, ">no baseline</text>"));
        assertEquals(0, count(chart, "<circle"));
        assertEquals(3, svgsByClass(html, TrainingCurvesChart.LOSS_CLASS).size());
        assertTrue(html.contains("The trainer measured no gradient conflicts for the multi-task job."));
        assertTrue(html.contains("The gate recorded no checks."));
    }

    @Test
    void singleTask() {
        List<String> one = List.of("sentiment");
        RunEvaluated full = ReportFixtures.evaluation();
        RunEvaluated eval = new RunEvaluated(1, ReportFixtures.RUN, ReportFixtures.MTL, "CPU", 0.91, 0.89, 1.67,
                List.of(full.tasks().get(0)), List.of(), List.of(), full.verdict(), List.of(), null, null);
        List<TrainingProgress> progress = ReportFixtures.progress(ReportFixtures.MTL, one, true);
        String html = RunReport.html(new RunReportInput(ReportFixtures.plan(one), eval, List.of(),
                Map.of(ReportFixtures.MTL, progress), Map.of(), null));
        assertEquals(1, count(svgById(html, ConflictMatrixChart.ID), ">1.00</text>"));
        assertFalse(html.contains("Task pairs, most conflicting first"), "no pair to list");
        assertEquals(1, svgsByClass(html, TrainingCurvesChart.LOSS_CLASS).size());
        assertTrue(html.contains("Every task was compared with its baseline."));
        assertTrue(html.contains("No model of this run was scored."));
    }

    @Test
    void twelveTasksStayLegible() {
        List<String> tasks = IntStream.range(0, 12).mapToObj(i -> "task-with-a-rather-long-name-" + i).toList();
        List<TaskOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            double d = (i - 6) / 100.0;
            outcomes.add(new TaskOutcome(tasks.get(i), TaskType.REGRESSION, "pearson", true, 1, 100, 0.5 + d, 0.5,
                    d, d - 0.02, d + 0.02, 0.05, null, d * 200, d < -0.02));
        }
        RunEvaluated eval = new RunEvaluated(1, "r", "mtl", "CPU", 0.7, 0.7, 0.0, outcomes, List.of(), List.of(),
                new RunEvaluated.Verdict(true, List.of(), List.of()), List.of(), null, null);
        String html = RunReport.html(new RunReportInput(null, eval, List.of(),
                Map.of("mtl", ReportFixtures.progress("mtl", tasks, true)), Map.of(), null));
        String chart = svgById(html, MtlVsBaselineChart.ID);
        assertEquals(12, count(chart, "<circle"));
        assertTrue(chart.contains("task-with-a-rather-long…"), "long labels are cut");
        assertTrue(chart.contains("<title>task-with-a-rather-long-name-11</title>"), "and shown whole on hover");
        assertEquals(144, count(svgById(html, ConflictMatrixChart.ID), ": cos = "));
        assertTrue(svgById(html, TaskWeightsSection.ID).contains("stroke-dasharray=\"6 3\""),
                "tasks 11 and 12 reuse colours with a dash");
        assertEquals(12, svgsByClass(html, TrainingCurvesChart.LOSS_CLASS).size());
    }

    @Test
    void baselinesArePairedWithoutAPlan() {
        RunReportInput full = ReportFixtures.full();
        String html = RunReport.html(new RunReportInput(null, full.evaluation(), full.models(), full.progressByJob(),
                full.validationByJob(), null));
        List<String> loss = svgsByClass(html, TrainingCurvesChart.LOSS_CLASS);
        assertEquals(2, count(loss.get(0), "<path"), "sentiment's baseline found through its scored model");
        assertEquals(1, count(loss.get(2), "<path"));
    }

    @Test
    void nanAndNullFiguresPrintAsDashes() {
        TaskOutcome nan = new TaskOutcome("t", TaskType.TEXT_CLASSIFICATION, "accuracy", true, 1, 0, Double.NaN,
                Double.NaN, Double.NaN, null, null, null, null, Double.NaN, false);
        RunEvaluated eval = new RunEvaluated(1, "r", "m", null, Double.NaN, null, Double.NaN, List.of(nan), null, null,
                null, null, null, null);
        ModelEvaluated model = new ModelEvaluated(1, "r", "m", RunPlanned.JobKind.MULTI_TASK, null, null, null,
                null, Double.NaN, Double.NaN, Double.NaN, null);
        String html = RunReport.html(new RunReportInput(null, eval, List.of(model), null, null, null));
        assertFalse(html.contains("NaN"));
        assertTrue(html.contains("<td>t</td><td>accuracy\u00a0↑</td><td class=\"num\">0</td><td class=\"num\">—</td>"
                + "<td class=\"num\">—</td>"));
        assertTrue(html.contains("The evaluation carries no verdict."));
    }
}
