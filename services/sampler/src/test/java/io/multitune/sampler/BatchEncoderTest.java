package io.multitune.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multitune.events.EventCodec;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.events.TrainingBatch;
import io.multitune.sampling.pool.PoolExample;
import io.multitune.sampling.pool.PoolExampleReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchEncoderTest {
    private static StandardExample example(String id, String text) {
        return new StandardExample(1, id, "ds", "t", TaskType.TEXT_CLASSIFICATION, Split.TRAIN, ExampleInput.text(text),
                ExampleTarget.label("pos"), null, Map.of(), "en", null, null);
    }

    @Test
    void splicedBatchDecodesToTheSameBatchTheCodecWouldWrite() {
        List<StandardExample> examples = List.of(example("a", "first \"quoted\""), example("b", "second"));
        List<PoolExample> pooled = examples.stream().map(e -> PoolExampleReader.read(EventCodec.INSTANCE.encode(e)))
                .toList();
        TrainingBatch header = new TrainingBatch(1, "run \"1\"", "run.mtl", 3, TrainingBatch.Kind.TRAIN, 4, 0, false,
                List.of());
        byte[] body = BatchEncoder.encode(header, pooled);
        TrainingBatch decoded = EventCodec.INSTANCE.decode(body, TrainingBatch.class);
        assertEquals(new TrainingBatch(1, "run \"1\"", "run.mtl", 3, TrainingBatch.Kind.TRAIN, 4, 0, false, examples),
                decoded);
        assertEquals(0, EventCodec.INSTANCE.decode(BatchEncoder.encode(header, List.of()), TrainingBatch.class)
                .examples().size());
    }
}
