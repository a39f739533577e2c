package io.multitune.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.RawMessageKind;
import io.multitune.events.RecordRejected;
import io.multitune.events.RejectReason;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.Topics;
import io.multitune.testing.kafka.KafkaBrokerResource;
import io.multitune.testing.kafka.TestBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** data-ingest against a real broker: every format in, examples, dead letters and profiles read back and counted. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true)
class IngestPipelineTest {
    private final IngestTestSupport io = new IngestTestSupport();

    @Inject
    IngestConfig config;

    @Inject
    IngestMetrics metrics;

    @Inject
    TopicProvisioner provisioner;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private static String id(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends spec, payloads and end marker; returns the complete profile after checking every count adds up. */
    private Outcome ingest(String dataset, String spec, byte[]... payloads) {
        io.sendSpec(dataset, spec.replace("$ID", dataset));
        for (byte[] p : payloads) {
            io.sendRecords(dataset, p);
        }
        io.sendEnd(dataset);
        DatasetProfiled profile = io.awaitProfile(dataset, 1, true);
        DatasetProfiled.Counts c = profile.counts();
        assertTrue(c.addUp(), "counts add up: " + c);
        Map<String, StandardExample> examples = io.liveExamples(dataset, c.examples());
        List<RecordRejected> rejects = io.deadLetters(dataset, c.rejected());
        assertEquals(c.examples(), examples.size(), "live examples on the topic = profile's examples");
        assertEquals(c.rejected(), rejects.size(), "dead letters on the DLQ = profile's rejected");
        return new Outcome(profile, examples, rejects);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesWithValidAndMalformedRecords() {
        String dataset = id("jsonl");
        String spec = """
                {"datasetId":"$ID","taskId":"sentiment","taskType":"text-classification","format":"jsonl",
                 "labels":["pos","neg"],"domain":"films","groupFields":["gender"]}""";
        byte[] lines = utf8("""
                {"text":"Great film","label":"pos","gender":"f"}
                {"text":"Awful","label":"neg","gender":"m"}
                {not json
                {"text":"   ","label":"pos"}
                {"text":"ok","label":"meh"}
                {"label":"pos"}
                {"text":"Great \\t  film","label":"pos"}
                """);
        byte[] invalidUtf8 = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        Outcome out = ingest(dataset, spec, lines, invalidUtf8);
        DatasetProfiled.Counts c = out.profile.counts();
        assertEquals(8, c.received());
        assertEquals(2, c.accepted());
        assertEquals(5, c.rejected());
        assertEquals(1, c.duplicates());
        assertEquals(Map.of("MALFORMED_JSON", 1L, "EMPTY_FIELD", 1L, "UNKNOWN_LABEL", 1L, "MISSING_FIELD", 1L,
                "INVALID_UTF8", 1L), out.profile.rejectsByReason());
        RecordRejected unknownLabel = out.reject(RejectReason.UNKNOWN_LABEL);
        assertEquals("label", unknownLabel.field());
        assertTrue(unknownLabel.payload().contains("meh"), "original payload kept: " + unknownLabel.payload());
        assertEquals(Topics.DATA_RAW, unknownLabel.source().topic());
        assertEquals("base64", out.reject(RejectReason.INVALID_UTF8).payloadEncoding());
        StandardExample great = out.examples.values().stream().filter(e -> e.input().text().equals("Great film"))
                .findFirst().orElseThrow();
        assertEquals("films", great.domain());
        assertEquals(Map.of("gender", "f"), great.groups());
        assertEquals(Map.of("f", 1L, "m", 1L), out.profile.groups().get("gender"));
    }

    @Test
    void csvWithQuotedFieldsEmbeddedNewlinesAndExplicitSplits() {
        String dataset = id("csv");
        String spec = """
                {"datasetId":"$ID","taskId":"nli","taskType":"text-pair-classification","format":"csv",
                 "fields":{"text":"premise","textPair":"hypothesis"},"labels":["entailment","neutral","contradiction"]}""";
        byte[] csv = utf8("premise,hypothesis,label,split\r\n"
                + "\"A man, walking\",A person moves,entailment,train\r\n"
                + "\"Two\nlines\",\"She said \"\"hi\"\"\",neutral,test\r\n"
                + "only,two\r\n"
                + "x,y,contradiction,nowhere\r\n"
                + "\"unterminated,y,contradiction,train\r\n");
        Outcome out = ingest(dataset, spec, csv);
        DatasetProfiled.Counts c = out.profile.counts();
        assertEquals(5, c.received());
        assertEquals(2, c.accepted());
        assertEquals(Map.of("MALFORMED_CSV", 2L, "INVALID_VALUE", 1L), out.profile.rejectsByReason());
        StandardExample twoLines = out.examples.values().stream()
                .filter(e -> e.input().text().equals("Two lines")).findFirst().orElseThrow();
        assertEquals("She said \"hi\"", twoLines.input().textPair());
        assertEquals(Split.TEST, twoLines.split());
        assertEquals(Map.of("train", 1L, "test", 1L), out.profile.splits().entrySet().stream()
                .filter(e -> e.getValue() > 0).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void tsvRegressionRejectsNonNumericTargets() {
        String dataset = id("tsv");
        String spec = """
                {"datasetId":"$ID","taskId":"sts","taskType":"regression","format":"tsv",
                 "fields":{"text":"s1","textPair":"s2","value":"score"}}""";
        byte[] tsv = utf8("s1\ts2\tscore\nA cat sits.\tA cat is sitting.\t4.5\nA dog.\tRain.\tabc\nHello\tHi\t3\n");
        Outcome out = ingest(dataset, spec, tsv);
        assertEquals(2, out.profile.counts().examples());
        assertEquals("value", out.reject(RejectReason.INVALID_VALUE).field());
        assertTrue(out.examples.values().stream().anyMatch(e -> e.target().value() == 4.5));
    }

    @Test
    void conllSentencesBecomeTokenClassificationExamples() {
        String dataset = id("conll");
        String spec = """
                {"datasetId":"$ID","taskId":"pos","taskType":"token-classification","format":"conll",
                 "tokenColumn":0,"tagColumn":1}""";
        byte[] conll = utf8("# sent 1\nThe\tDET\ndog\tNOUN\nbarks\tVERB\n\nRuns VERB\nfast\n\nHello\tINTJ\n\n");
        Outcome out = ingest(dataset, spec, conll);
        assertEquals(3, out.profile.counts().received());
        assertEquals(2, out.profile.counts().examples());
        assertEquals(RejectReason.MALFORMED_CONLL, out.rejects.get(0).reason());
        StandardExample dog = out.examples.values().stream().filter(e -> e.input().tokens().size() == 3)
                .findFirst().orElseThrow();
        assertEquals(List.of("The", "dog", "barks"), dog.input().tokens());
        assertEquals(List.of("DET", "NOUN", "VERB"), dog.target().tags());
    }

    @Test
    void jsonArrayOfQuestionsChecksAnswerSpans() {
        String dataset = id("json");
        String spec = """
                {"datasetId":"$ID","taskId":"qa","taskType":"extractive-qa","format":"json",
                 "fields":{"answerText":"answer","answerStart":"start"}}""";
        byte[] json = utf8("""
                [{"question":"Who wrote it?","context":"Ann wrote it.","answer":"Ann","start":0},
                 {"question":"What?","context":"abc","answer":"zzz"},
                 5,
                 {"question":"Where?","context":"In Paris, in May.","answer":"Paris"}]""");
        Outcome out = ingest(dataset, spec, json);
        assertEquals(4, out.profile.counts().received());
        assertEquals(2, out.profile.counts().examples());
        assertEquals(Map.of("SPAN_OUTSIDE_CONTEXT", 1L, "MALFORMED_JSON", 1L), out.profile.rejectsByReason());
        StandardExample paris = out.examples.values().stream().filter(e -> e.input().question().equals("Where?"))
                .findFirst().orElseThrow();
        assertEquals(3, paris.target().answer().start());
    }

    @Test
    void sendingTheSameFileTwiceGivesTheSameExamples() {
        String dataset = id("twice");
        String spec = """
                {"datasetId":"$ID","taskId":"sentiment","taskType":"text-classification","format":"jsonl"}""";
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            lines.append("{\"text\":\"review number ").append(i).append("\",\"label\":\"")
                    .append(i % 3 == 0 ? "neg" : "pos").append("\"}\n");
        }
        io.sendSpec(dataset, spec.replace("$ID", dataset));
        io.sendRecords(dataset, lines.toString());
        io.sendEnd(dataset);
        DatasetProfiled first = io.awaitProfile(dataset, 1, true);
        Map<String, StandardExample> before = io.liveExamples(dataset, 40);
        io.sendRecords(dataset, lines.toString());
        io.sendEnd(dataset);
        DatasetProfiled second = io.awaitProfile(dataset, 2, true);
        Map<String, StandardExample> after = io.liveExamples(dataset, 40);

        assertEquals(40, first.counts().examples());
        assertEquals(80, second.counts().received());
        assertEquals(40, second.counts().duplicates());
        assertEquals(40, second.counts().examples());
        assertEquals(before.keySet(), after.keySet());
        assertEquals(before, after, "same ids, same content, same splits");
        assertEquals(first.splits(), second.splits());
        Map<String, Long> trainLabels = second.labelsBySplit().get("train");
        assertEquals(Map.of("neg", 11L, "pos", 21L), trainLabels, "exact 80% of each label in train");
    }

    @Test
    void leakageAcrossSplitsKeepsTheTestCopy() {
        String dataset = id("leak");
        String spec = """
                {"datasetId":"$ID","taskId":"sentiment","taskType":"text-classification","format":"jsonl"}""";
        String lines = """
                {"text":"seen in both","label":"pos","split":"train"}
                {"text":"only train","label":"neg","split":"train"}
                {"text":"seen in both","label":"pos","split":"test"}
                """;
        Outcome out = ingest(dataset, spec, utf8(lines));
        assertEquals(1, out.profile.counts().leakageRemoved());
        assertEquals(2, out.profile.counts().examples());
        StandardExample both = out.examples.values().stream().filter(e -> e.input().text().equals("seen in both"))
                .findFirst().orElseThrow();
        assertEquals(Split.TEST, both.split());
    }

    @Test
    void recordsOfAnUnknownDatasetAndBadSpecsGoToTheDeadLetterTopic() {
        String unknown = id("nospec");
        io.sendRecords(unknown, "{\"text\":\"orphan\"}\n");
        List<RecordRejected> orphan = io.deadLetters(unknown, 1);
        assertEquals(1, orphan.size());
        assertEquals(RejectReason.UNKNOWN_DATASET, orphan.get(0).reason());
        assertTrue(orphan.get(0).message().contains(unknown));

        String known = id("kind");
        io.sendSpec(known, "{\"datasetId\":\"" + known
                + "\",\"taskId\":\"t\",\"taskType\":\"text-classification\",\"format\":\"jsonl\"}");
        TestBroker.shared().client().produce(Topics.DATA_RAW, known, utf8("{\"text\":\"a\",\"label\":\"b\"}"),
                Map.of(RawMessageKind.HEADER, "bogus"));
        RecordRejected unknownKind = io.deadLetters(known, 1).get(0);
        assertEquals(RejectReason.UNKNOWN_MESSAGE_KIND, unknownKind.reason());
        assertEquals(RawMessageKind.HEADER, unknownKind.field());

        String bad = id("badspec");
        io.sendSpec(bad, "{\"datasetId\":\"" + bad + "\",\"taskType\":\"poetry\",\"format\":\"jsonl\"}");
        List<RecordRejected> specRejects = io.deadLetters(bad, 1);
        assertEquals(RejectReason.INVALID_SPEC, specRejects.get(0).reason());
        assertTrue(specRejects.get(0).message().contains("taskType"), specRejects.get(0).message());
    }

    @Test
    void aDatasetWithoutEndMarkerGetsAProvisionalProfile() {
        String dataset = id("idle");
        io.sendSpec(dataset, """
                {"datasetId":"%s","taskId":"t","taskType":"text-to-text","format":"jsonl","maxTextChars":40}"""
                .formatted(dataset));
        io.sendRecords(dataset, """
                {"text":"Translate me","target":"Traduis-moi"}
                {"text":"%s","target":"too long"}
                """.formatted("x".repeat(60)));
        DatasetProfiled provisional = io.awaitProfile(dataset, 1, false);
        assertFalse(provisional.complete());
        assertEquals(DatasetProfiled.Trigger.IDLE_TIMEOUT, provisional.trigger());
        assertEquals(Map.of("TEXT_TOO_LONG", 1L), provisional.rejectsByReason());
        assertTrue(provisional.counts().addUp());
    }

    @Test
    void metricsAndReadinessTellTheDomainStory() {
        String dataset = id("metrics");
        ingest(dataset, """
                {"datasetId":"$ID","taskId":"t","taskType":"text-classification","format":"jsonl"}""",
                utf8("{\"text\":\"a\",\"label\":\"x\"}\n{\"text\":\"\",\"label\":\"x\"}\n"));
        given().when().get("/q/health/ready").then().statusCode(200).body(containsString("restored"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("multitune_ingest_records_received_total{dataset=\"" + dataset + "\"} 2.0"),
                "received metric");
        assertTrue(metrics.contains("multitune_ingest_records_accepted_total{dataset=\"" + dataset + "\"} 1.0"),
                "accepted metric");
        assertTrue(metrics.contains("multitune_ingest_records_rejected_total{dataset=\"" + dataset
                + "\",reason=\"EMPTY_FIELD\"} 1.0"), "rejected metric by reason");
    }

    @Test
    void aRestartedServiceRebuildsItsStateFromTheTopics() {
        String dataset = id("restart");
        String line = "{\"text\":\"remembered after a restart\",\"label\":\"pos\"}\n";
        Outcome before = ingest(dataset, """
                {"datasetId":"$ID","taskId":"t","taskType":"text-classification","format":"jsonl"}""",
                utf8(line + "{\"text\":\"another one\",\"label\":\"neg\"}\n{\"text\":\"\",\"label\":\"x\"}\n"));

        // A second instance starting from nothing but the topics, as after a crash.
        DatasetRegistry restartedRegistry = new DatasetRegistry();
        StateRestorer restorer = new StateRestorer(restartedRegistry, provisioner, config);
        restorer.kafkaConfig = kafkaConfig;
        restorer.restore();
        DatasetState restored = restartedRegistry.find(dataset).orElseThrow();
        assertEquals(before.profile.counts(), restored.ledger().counts(), "counts stay cumulative across the restart");
        DatasetProfiled restoredProfile = restored.ledger().profile(true, DatasetProfiled.Trigger.END_OF_IMPORT,
                java.time.Instant.now());
        assertEquals(before.profile.splits(), restoredProfile.splits(), "splits survive the restart");

        RawRecordProcessor restarted = new RawRecordProcessor(restartedRegistry, metrics,
                new SpecRegistration(restartedRegistry, metrics, config), config);
        List<OutgoingRecord> out = restarted.process(new RawRecord(dataset,
                new org.apache.kafka.common.header.internals.RecordHeaders(), utf8(line), Topics.DATA_RAW, 0, 99));
        assertTrue(out.isEmpty(), "a record re-sent after the restart creates no example: " + out);
        assertEquals(before.profile.counts().duplicates() + 1, restored.ledger().counts().duplicates());
        assertTrue(restored.ledger().counts().addUp());
    }

    private record Outcome(DatasetProfiled profile, Map<String, StandardExample> examples,
                           List<RecordRejected> rejects) {
        RecordRejected reject(RejectReason reason) {
            return rejects.stream().filter(r -> r.reason() == reason).findFirst()
                    .orElseThrow(() -> new AssertionError("no dead letter with reason " + reason + " in " + rejects));
        }
    }
}
