package io.multitune.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerFlopsTest {

    private static final TrainerFlops.Encoder MINI_LM = new TrainerFlops.Encoder(6, 384, 1536, 12);

    @Test
    void matmulIsTwoMkn() {
        assertEquals(2.0 * 2048 * 384 * 1536, TrainerFlops.matmul(2048, 384, 1536));
    }

    @Test
    void miniLmWeightMatmulsAndAttention() {
        // per layer 2·2048·(4·384·384 + 2·384·1536) = 7,247,757,312; six layers
        assertEquals(43_486_543_872.0, TrainerFlops.weightMatmuls(MINI_LM, 16, 128));
        // MiniLM's heads are 384 / 12 = 32 wide: per layer 2 products × 2·16·12·128·128·32 = 402,653,184
        assertEquals(2_415_919_104.0, TrainerFlops.attention(MINI_LM, 16, 128));
    }

    @Test
    void loraRank8OnTwoTargets() {
        // 6 layers × 2 targets × (2·2048·384·8 + 2·2048·8·384) = 12 × 25,165,824
        assertEquals(301_989_888.0, TrainerFlops.lora(MINI_LM, 16, 128, 2, 8));
    }

    @Test
    void forwardAddsEverything() {
        List<TrainerFlops.Head> heads = List.of(new TrainerFlops.Head(6, 384, 2), new TrainerFlops.Head(640, 384, 5),
                new TrainerFlops.Head(5, 384, 1));
        double headFlops = 2.0 * 6 * 384 * 2 + 2.0 * 640 * 384 * 5 + 2.0 * 5 * 384;
        assertEquals(9_216 + 2_457_600 + 3_840, headFlops);
        assertEquals(43_486_543_872.0 + 2_415_919_104.0 + 301_989_888.0 + headFlops,
                TrainerFlops.forward(MINI_LM, 16, 128, 2, 8, heads));
        assertEquals(43_486_543_872.0 + 2_415_919_104.0 + headFlops,
                TrainerFlops.forward(MINI_LM, 16, 128, 0, 8, heads));
    }

    @Test
    void weightedRateIsMixFlopsOverMixTime() {
        List<int[]> shapes = TrainerFlops.layerShapes(MINI_LM);
        // equal rates give that rate
        assertEquals(1e11, TrainerFlops.weightedRate(2048, shapes, new double[] {1e11, 1e11, 1e11}), 1);
        // 4 × 384×384 = 4 units at rate 1, 384×1536 and 1536×384 = 4 units each at rate 2: 12 / (4 + 2 + 2)
        assertEquals(1.5, TrainerFlops.weightedRate(2048, shapes, new double[] {1, 2, 2}), 1e-12);
    }
}
