package io.multitune.fairness.explain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopTokensTest {

    @Test
    void tokensAreRankedByTheirSummedAttribution() {
        // A: He 0.3, is 0.0, great 0.1;  B: he 0.2, was −0.1, ! 0.5 (punctuation, left out)
        // he: total 0.5 over 2 → mean 0.25; great 0.1; is 0; was −0.1
        Attribution a = new Attribution(List.of("He", "is", "great"), 0.9, List.of(0.3, 0.0, 0.1));
        Attribution b = new Attribution(List.of("he", "was", "!"), 0.8, List.of(0.2, -0.1, 0.5));
        List<TokenImportance> top = TopTokens.of(List.of(a, b), 3);
        assertEquals(3, top.size());
        assertEquals("he", top.get(0).token());
        assertEquals(2, top.get(0).occurrences());
        assertEquals(0.5, top.get(0).total(), 1e-12);
        assertEquals(0.25, top.get(0).mean(), 1e-12);
        assertEquals("great", top.get(1).token());
        assertEquals("is", top.get(2).token());
        assertEquals(4, TopTokens.of(List.of(a, b), 10).size());
        assertEquals(List.of(), TopTokens.of(List.of(), 3));
    }

    @Test
    void wordTokensSplitAndJoinReadably() {
        List<String> tokens = WordTokens.split("She's here, isn't she? (Yes.)");
        assertEquals(List.of("She's", "here", ",", "isn't", "she", "?", "(", "Yes", ".", ")"), tokens);
        assertEquals("She's here, isn't she? (Yes.)", WordTokens.join(tokens));
    }
}
