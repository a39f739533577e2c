package io.multitune.evaluation.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TextGenerationMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void rougeLByHand() {
        // LCS("the cat was found under the bed", "the cat was under the bed") = 6: P = 6/7, R = 1,
        // F1 = 2·(6/7)/(13/7) = 12/13
        assertEquals(12.0 / 13, TextGenerationMetrics.rougeL("the cat was found under the bed",
                "the cat was under the bed"), EPS);
        // β = 2: (1+4)PR/(R+4P) = 5·(6/7)/(1 + 24/7) = 30/31
        assertEquals(30.0 / 31, TextGenerationMetrics.rougeL("the cat was found under the bed",
                "the cat was under the bed", 2), EPS);
        assertEquals(0.0, TextGenerationMetrics.rougeL("", "x"), EPS);
    }

    @Test
    void lcsIsASubsequenceNotASubstring() {
        assertEquals(3, TextGenerationMetrics.longestCommonSubsequence(List.of("a", "x", "b", "y", "c"),
                List.of("a", "b", "c")));
    }

    @Test
    void bleuOfOneSentenceByHand() {
        // candidate "the cat sat on the mat", reference "the cat sat on a mat":
        // p1 = 5/6 (the clipped to 1), p2 = 3/5, p3 = 2/4, p4 = 1/3; c = r = 6 → BP = 1;
        // BLEU = (5/6 · 3/5 · 1/2 · 1/3)^(1/4) = (1/12)^(1/4) ≈ 0.53728
        BleuScore s = TextGenerationMetrics.corpusBleu(List.of("the cat sat on the mat"),
                List.of(List.of("the cat sat on a mat")));
        assertArrayEquals(new double[]{5.0 / 6, 3.0 / 5, 2.0 / 4, 1.0 / 3}, s.precisions(), EPS);
        assertEquals(1.0, s.brevityPenalty(), EPS);
        assertEquals(Math.pow(1.0 / 12, 0.25), s.bleu(), EPS);
    }

    @Test
    void bleuIsCorpusLevelWithBrevityPenalty() {
        // sentence 1 as above (matches 5,3,2,1 of 6,5,4,3); sentence 2 "the cat sat on" against
        // "the cat sat on the mat" (4,3,2,1 of 4,3,2,1). Corpus: p = 9/10, 6/8, 4/6, 2/4; c = 10, r = 12,
        // BP = exp(1 − 12/10) = exp(−0.2); BLEU = exp(−0.2)·(0.9·0.75·(2/3)·0.5)^(1/4) ≈ 0.56388
        BleuScore s = TextGenerationMetrics.corpusBleu(List.of("the cat sat on the mat", "the cat sat on"),
                List.of(List.of("the cat sat on a mat"), List.of("the cat sat on the mat")));
        assertArrayEquals(new double[]{0.9, 0.75, 4.0 / 6, 0.5}, s.precisions(), EPS);
        assertEquals(Math.exp(-0.2), s.brevityPenalty(), EPS);
        assertEquals(Math.exp(-0.2) * Math.pow(0.225, 0.25), s.bleu(), EPS);
        assertEquals(10, s.candidateLength());
        assertEquals(12, s.referenceLength());
    }

    @Test
    void bleuClipsCountsAgainstTheMostGenerousReference() {
        // Papineni et al.'s example: "the" ×7 against two references, at most 2 in one → p1 = 2/7.
        BleuScore s = TextGenerationMetrics.corpusBleu(List.of("the the the the the the the"),
                List.of(List.of("the cat is on the mat", "there is a cat on the mat")));
        assertEquals(2.0 / 7, s.precisions()[0], EPS);
        // p2 = 0 and there is no smoothing: BLEU 0.
        assertEquals(0.0, s.bleu(), EPS);
    }

    @Test
    void bleuIsZeroWithoutFourGrams() {
        assertEquals(0.0, TextGenerationMetrics.corpusBleu(List.of("a b c"), List.of(List.of("a b c"))).bleu(),
                EPS);
    }
}
