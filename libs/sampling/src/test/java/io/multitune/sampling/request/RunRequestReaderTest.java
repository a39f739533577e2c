package io.multitune.sampling.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.RunRejected.Problem;
import io.multitune.events.RunRejected.Reason;
import io.multitune.events.RunRequest;
import io.multitune.events.RunRequest.TaskRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunRequestReaderTest {

    private static ReadResult read(String text) {
        return RunRequestReader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Problem onlyProblem(ReadResult result) {
        assertFalse(result.ok());
        assertTrue(result.request().isEmpty());
        assertEquals(1, result.problems().size(), () -> result.problems().toString());
        return result.problems().get(0);
    }

    private static List<String> fields(ReadResult result) {
        return result.problems().stream().map(Problem::field).toList();
    }

    @Test
    void readsMinimalYamlAndJsonAlike() {
        RunRequest yaml = Fixtures.read("tasks: [sentiment]\n");
        RunRequest json = Fixtures.read("  {\"tasks\": [\"sentiment\"]}");
        assertEquals(yaml, json);
        assertEquals(1, yaml.schemaVersion());
        assertEquals(List.of(TaskRef.of("sentiment")), yaml.tasks());
        assertEquals(null, yaml.runId());
        assertEquals(null, yaml.sampling());
    }

    @Test
    void readsTasksAsStringsOrObjectsFromYaml() {
        RunRequest request = Fixtures.read("""
                tasks:
                  - sentiment
                  - task: nli
                    datasets: [snli]
                    weight: 2
                  - {task: reviews-a}
                """);
        assertEquals(List.of(new TaskRef("sentiment", null, null), new TaskRef("nli", List.of("snli"), 2.0),
                new TaskRef("reviews-a", null, null)), request.tasks());
    }

    @Test
    void acceptsSchemaVersionOneAndRejectsOthers() {
        assertEquals(1, Fixtures.read("schemaVersion: 1\ntasks: [nli]").schemaVersion());
        Problem problem = onlyProblem(read("schemaVersion: 2\nrunId: r-1\ntasks: [nli]\nbogus: 1"));
        assertEquals(new Problem("schemaVersion", Reason.MALFORMED,
                "version 2 is not supported by this sampler (supported: 1)"), problem);
        assertEquals("schemaVersion", onlyProblem(read("{\"schemaVersion\": \"one\", \"tasks\": []}")).field());
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        Problem problem = onlyProblem(read("{\"tasks\": [\"nli\"],\n  \"batchSize\": }"));
        assertEquals("request", problem.field());
        assertEquals(Reason.MALFORMED, problem.reason());
        assertTrue(problem.message().startsWith("not valid JSON: "), problem.message());
        assertTrue(problem.message().contains("line 2, column"), problem.message());
    }

    @Test
    void malformedYamlIsReportedWithLineAndColumn() {
        Problem problem = onlyProblem(read("tasks: [nli\nbatchSize: 3\n"));
        assertEquals("request", problem.field());
        assertEquals(Reason.MALFORMED, problem.reason());
        assertTrue(problem.message().startsWith("not valid YAML: "), problem.message());
        assertEquals("not valid YAML: expected ',' or ']', but got : (line 2, column 10), while parsing a flow"
                + " sequence started at line 1, column 8", problem.message());
    }

    @Test
    void duplicateKeysAreMalformed() {
        Problem problem = onlyProblem(read("tasks: [nli]\nbatchSize: 8\nbatchSize: 16\n"));
        assertEquals("request", problem.field());
        assertTrue(problem.message().contains("batchSize"), problem.message());
    }

    @Test
    void rejectsEmptyNonObjectAndNonUtf8Input() {
        assertEquals("the request is empty", onlyProblem(read(" \n ")).message());
        assertEquals("the request is empty", onlyProblem(RunRequestReader.read(null)).message());
        assertEquals("request", onlyProblem(read("- nli\n- sentiment\n")).field());
        assertEquals("request", onlyProblem(read("just words")).field());
        Problem binary = onlyProblem(RunRequestReader.read(new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}));
        assertEquals("the request is not valid UTF-8 text", binary.message());
    }

    @Test
    void wrongTypesNameTheirPathsAllAtOnce() {
        ReadResult result = read("""
                runId: typo-run
                tasks:
                  - sentiment
                  - {task: nli, weight: heavy}
                batchSize: "abc"
                sampling:
                  temperature: hot
                weighting:
                  strategy: dwa
                  params: {temperature: warm}
                """);
        assertEquals(List.of("tasks[1].weight", "batchSize", "sampling.temperature", "weighting.params.temperature"),
                fields(result), "in the order written");
        assertTrue(result.problems().stream().allMatch(p -> p.reason() == Reason.MALFORMED));
        Problem batchSize = result.problems().stream().filter(p -> p.field().equals("batchSize")).findFirst()
                .orElseThrow();
        assertEquals("expected a whole number, got the string \"abc\"", batchSize.message());
        assertEquals("typo-run", result.runId().orElseThrow(), "the rejection can still be keyed by run id");
    }

    @Test
    void numbersAreNotTruncatedOrReadFromStrings() {
        assertEquals(List.of("batchSize"), fields(read("tasks: [nli]\nbatchSize: 1.5")));
        assertEquals(List.of("seed"), fields(read("{\"tasks\": [\"nli\"], \"seed\": \"42\"}")));
        assertEquals(List.of("baselines"), fields(read("tasks: [nli]\nbaselines: 1")));
        assertEquals(List.of("tasks"), fields(read("tasks: nli")));
        assertEquals(List.of("adapter"), fields(read("tasks: [nli]\nadapter: lora")));
        assertEquals("expected a whole number from -2147483648 to 2147483647, got the number 99999999999",
                onlyProblem(read("tasks: [nli]\nbatchSize: 99999999999")).message());
    }

    @Test
    void unknownFieldsAnywhereAreAllListed() {
        ReadResult result = read("""
                tasks:
                  - {task: nli, wieght: 2}
                batchsize: 8
                sampling:
                  temprature: 3
                  curriculum: {shedule: linear}
                gates: {bias: {maxFlipRate: 0.1}}
                """);
        assertEquals(List.of("tasks[0].wieght", "batchsize", "sampling.temprature", "sampling.curriculum.shedule",
                "gates.bias.maxFlipRate"), fields(result));
        assertTrue(result.problems().stream().allMatch(p -> p.reason() == Reason.MALFORMED
                && p.message().startsWith("unknown field '")));
        Map<String, String> messages = result.problems().stream()
                .collect(Collectors.toMap(Problem::field, Problem::message));
        assertEquals("unknown field 'temprature'; did you mean 'temperature'?", messages.get("sampling.temprature"));
        assertEquals("unknown field 'batchsize'; did you mean 'batchSize'?", messages.get("batchsize"));
        assertTrue(messages.get("gates.bias.maxFlipRate").contains("expected one of maxCounterfactualFlipRate"),
                messages.get("gates.bias.maxFlipRate"));
    }

    @Test
    void unknownWeightingParamsAreLeftToTheValidator() {
        // params is a free map on the wire: its keys depend on the strategy, which only the validator knows.
        RunRequest request = Fixtures.read("tasks: [nli]\nweighting: {strategy: dwa, params: {temp: 1}}");
        assertEquals(Map.of("temp", 1.0), request.weighting().params());
    }
}
