package io.multitune.cli.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetSpec;
import io.multitune.events.SourceFormat;
import io.multitune.events.TaskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFilesTest {

    @Test
    void readsYamlAndJson(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("s.yaml");
        Files.writeString(yaml, "datasetId: imdb\ntaskId: sentiment\ntaskType: text-classification\nformat: json\n"
                + "fields: {label: class}\nlabelMapping: {'0': negative, '1': positive}\n");
        DatasetSpec s = SpecFiles.read(yaml);
        assertEquals(TaskType.TEXT_CLASSIFICATION, s.taskType());
        assertEquals(SourceFormat.JSON, s.format());
        assertEquals("class", s.sourceField("label"));
        assertEquals(Map.of("0", "negative", "1", "positive"), s.labelMapping());

        Path json = dir.resolve("s.json");
        Files.write(json, SpecFiles.toJson(SpecFiles.withDatasetId(s, "other")));
        DatasetSpec back = SpecFiles.read(json);
        assertEquals(SpecFiles.withDatasetId(s, "other"), back);
    }

    @Test
    void namesTheFieldThatCannotBeRead(@TempDir Path dir) throws IOException {
        Path yaml = dir.resolve("bad.yml");
        Files.writeString(yaml, "datasetId: x\ntaskId: t\ntaskType: text-classification\nformat: xml\n");
        IngestException e = assertThrows(IngestException.class, () -> SpecFiles.read(yaml));
        assertEquals(IngestException.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("field format: unknown format 'xml'"), e.getMessage());

        Path json = dir.resolve("bad.json");
        Files.writeString(json, "{\"datasetId\":\"x\",\"tokenColumn\":\"abc\"}");
        e = assertThrows(IngestException.class, () -> SpecFiles.read(json));
        assertTrue(e.getMessage().contains("field tokenColumn"), e.getMessage());

        Files.writeString(json, "{\"datasetId\":\"x\",\"taskId\":\"t\",\"taskType\":\"text-classification\"}");
        DatasetSpec noFormat = SpecFiles.read(json);
        e = assertThrows(IngestException.class, () -> SpecFiles.validate(noFormat, "spec bad.json"));
        assertEquals("spec bad.json: field format: missing", e.getMessage());

        Files.writeString(json, "{\"datasetId\":\"x y\",\"taskId\":\"t\",\"taskType\":\"text-classification\","
                + "\"format\":\"json\",\"labels\":[\"a\"],\"labelMapping\":{\"1\":\"b\"}}");
        DatasetSpec invalid = SpecFiles.read(json);
        e = assertThrows(IngestException.class, () -> SpecFiles.validate(invalid, "spec bad.json"));
        assertTrue(e.getMessage().startsWith("spec bad.json: field datasetId: 'x y' must be"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(and 1 more: labelMapping.1)"), e.getMessage());

        e = assertThrows(IngestException.class, () -> SpecFiles.read(dir.resolve("missing.json")));
        assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
    }

    @Test
    void parsesDurations() {
        assertEquals(Duration.ofSeconds(120), DurationConverter.parse("120s"));
        assertEquals(Duration.ofMinutes(2), DurationConverter.parse("2m"));
        assertEquals(Duration.ofMillis(500), DurationConverter.parse("500ms"));
        assertEquals(Duration.ofSeconds(30), DurationConverter.parse("30"));
        assertEquals(Duration.ofMinutes(3), DurationConverter.parse("PT3M"));
        assertEquals("2m", DurationConverter.format(Duration.ofMinutes(2)));
    }
}
