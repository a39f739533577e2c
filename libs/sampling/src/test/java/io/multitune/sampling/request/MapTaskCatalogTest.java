package io.multitune.sampling.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetSpec;
import io.multitune.events.SourceFormat;
import io.multitune.events.TaskType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MapTaskCatalogTest {

    private static DatasetSpec spec(String datasetId, String taskId, List<String> labels) {
        return new DatasetSpec(datasetId, taskId, TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL, null, labels,
                null, null, null, null, null, null, null, null, null, null);
    }

    private static DatasetProfiled profile(String datasetId, String taskId, long train, long validation) {
        return new DatasetProfiled(1, datasetId, taskId, TaskType.TEXT_CLASSIFICATION, true,
                DatasetProfiled.Trigger.END_OF_IMPORT, Instant.EPOCH, null,
                Map.of("train", train, "validation", validation, "test", 3L), null, null, null, null, null, null,
                null);
    }

    @Test
    void registrationsArePendingUntilProfiled() {
        MapTaskCatalog catalog = new MapTaskCatalog().register(spec("imdb", "sentiment", List.of("neg", "pos")));
        assertEquals(new DatasetInfo("imdb", "sentiment", TaskType.TEXT_CLASSIFICATION, List.of("neg", "pos"),
                false, 0, 0), catalog.dataset("imdb").orElseThrow());

        catalog.profile(profile("imdb", "sentiment", 80, 10));
        assertEquals(new DatasetInfo("imdb", "sentiment", TaskType.TEXT_CLASSIFICATION, List.of("neg", "pos"),
                true, 80, 10), catalog.dataset("imdb").orElseThrow());

        // A changed spec keeps the counts until the next profile.
        catalog.register(spec("imdb", "sentiment", List.of("negative", "positive")));
        DatasetInfo updated = catalog.dataset("imdb").orElseThrow();
        assertEquals(List.of("negative", "positive"), updated.labels());
        assertTrue(updated.profiled());
        assertEquals(80, updated.trainExamples());
    }

    @Test
    void aProfileWithoutRegistrationStillCounts() {
        MapTaskCatalog catalog = new MapTaskCatalog().profile(profile("sst", "sentiment", 5, 1));
        assertEquals(List.of("sst"), catalog.datasetsOfTask("sentiment").stream().map(DatasetInfo::datasetId)
                .toList());
        assertTrue(catalog.dataset("sst").orElseThrow().profiled());
    }

    @Test
    void tasksListTheirDatasetsInIdOrder() {
        MapTaskCatalog catalog = new MapTaskCatalog()
                .register(spec("b", "t", null)).register(spec("a", "t", null)).register(spec("c", "u", null));
        assertEquals(List.of("a", "b"), catalog.datasetsOfTask("t").stream().map(DatasetInfo::datasetId).toList());
        assertEquals(List.of("t", "u"), List.copyOf(catalog.taskIds()));
        assertEquals(List.of(), catalog.datasetsOfTask("nope"));
        catalog.remove("a");
        assertEquals(List.of("b"), catalog.datasetsOfTask("t").stream().map(DatasetInfo::datasetId).toList());
    }
}
