package io.multitune.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.EventCodec;
import io.multitune.events.RunRequest;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.Topics;
import io.multitune.sampling.request.RunRequestReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SamplerBenchTest {

    @Test
    void examplesAreDistinctRoughly70To30WithAbout1PercentValidation() {
        BenchExamples data = BenchExamples.generate("bench-reviews", "bench", 5_000, 1000, 42);
        List<ProducerRecord<String, byte[]>> records = data.records(Topics.EXAMPLES);
        assertEquals(5_000, records.size());
        Set<String> ids = new HashSet<>();
        long pos = 0;
        for (ProducerRecord<String, byte[]> r : records) {
            StandardExample e = (StandardExample) EventCodec.INSTANCE.decode(r.headers(), r.value());
            assertEquals(r.key(), e.id());
            assertTrue(e.id().startsWith("bench-reviews-"), e.id());
            assertEquals("bench", e.taskId());
            assertTrue(e.input().text().length() >= 1000 && e.input().text().length() < 1020);
            ids.add(e.id());
            pos += "pos".equals(e.target().label()) ? 1 : 0;
        }
        assertEquals(5_000, ids.size());
        assertEquals(0.7, pos / 5_000.0, 0.03);
        long validation = data.count(Split.VALIDATION);
        assertTrue(validation >= 25 && validation <= 80, "validation " + validation);
        assertEquals(5_000, data.count(Split.TRAIN) + validation);
        // deterministic
        assertEquals(records.get(17).key(), BenchExamples.generate("bench-reviews", "bench", 5_000, 1000, 42)
                .records(Topics.EXAMPLES).get(17).key());
    }

    @Test
    void theProfileMatchesTheExamples() {
        BenchExamples data = BenchExamples.generate("bench-reviews", "bench", 2_000, 200, 42);
        DatasetProfiled p = data.profile();
        assertTrue(p.complete());
        assertEquals(DatasetProfiled.Trigger.END_OF_IMPORT, p.trigger());
        assertTrue(p.counts().addUp());
        assertEquals(2_000, p.counts().examples());
        assertEquals(data.count(Split.TRAIN), p.splits().get("train"));
        assertEquals(data.count(Split.VALIDATION), p.splits().get("validation"));
        assertEquals(0L, p.splits().get("test"));
        Map<String, Long> train = p.labelsBySplit().get("train");
        assertEquals(data.count(Split.TRAIN), train.get("pos") + train.get("neg"));
        assertNotNull(p.imbalanceRatio());
        assertEquals("bench-reviews", data.registered().key());
        assertEquals(Topics.DATASETS, data.profiled().topic());
    }

    @Test
    void theRunRequestIsOneTheSamplerCanRead() throws Exception {
        RunRequest r = SamplerBench.runRequest("bench-run", "bench");
        assertEquals("proportional", r.sampling().strategy());
        assertEquals(32, r.sampling().window());
        assertEquals(64, r.batchSize());
        assertEquals(new RunRequest.Budget(null, 1.0), r.budget());
        assertEquals(0L, r.validation().everySteps());
        assertFalse(r.baselines());
        byte[] json = EventCodec.INSTANCE.encode(r);
        assertTrue(RunRequestReader.read(json).ok(), new String(json, StandardCharsets.UTF_8));
    }

    @Test
    void options() {
        SamplerBench bench = new SamplerBench();
        new CommandLine(bench).parseArgs();
        assertEquals(100_000, bench.examples);
        assertEquals(0, bench.warmup);
        assertFalse(bench.brokerOptions.keepData);
        new CommandLine(bench).parseArgs("--examples", "20000", "--warmup", "5000", "--keep-data");
        assertEquals(20_000, bench.examples);
        assertEquals(5_000, bench.warmup);
        assertTrue(bench.brokerOptions.keepData);
    }

    @Test
    void stageRates() {
        BenchStage raw = BenchStage.ofWindow(1000, 10_000, 12_000, 1.0, "ok");
        assertEquals(500, raw.perSecond(), 1e-9);
        assertEquals(2.0, raw.windowSeconds(), 1e-9);
        assertEquals(0.001, raw.cpuPerItem(), 1e-12);
    }
}
