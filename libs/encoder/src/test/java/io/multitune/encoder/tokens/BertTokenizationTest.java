package io.multitune.encoder.tokens;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.multitune.encoder.TinyBert;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BertTokenizationTest {

    private static BertTokenization miniLm;

    @BeforeAll
    static void load() throws Exception {
        miniLm = BertTokenization.miniLm();
    }

    @AfterAll
    static void close() {
        miniLm.close();
    }

    @Test
    void padsToTheLongestInTheBatchNotTo128() {
        EncodedBatch batch = miniLm.encode(List.of("Hello world.", "A somewhat longer second sentence here."));
        assertEquals(2, batch.size());
        assertEquals(batch.realTokens(1), batch.length(), "the longest sequence sets the length");
        assertEquals(5, batch.realTokens(0)); // [CLS] hello world . [SEP]
        assertEquals(101, batch.inputId(0, 0));
        assertEquals(102, batch.inputId(0, 4));
        assertEquals(0, batch.inputId(0, 5), "padding uses [PAD] = 0");
        assertEquals(0, miniLm.padId());
        assertEquals(0, batch.attentionMask()[5]);
    }

    @Test
    void truncatesToMaxLengthKeepingSeparator() throws Exception {
        try (BertTokenization short16 = BertTokenization.load(io.multitune.encoder.MiniLmL6V2.TOKENIZER_JSON, 16)) {
            String longText = String.join(" ", java.util.Collections.nCopies(50, "word"));
            EncodedBatch batch = short16.encode(List.of(longText));
            assertEquals(16, batch.length());
            assertEquals(102, batch.inputId(0, 15), "[SEP] survives truncation");
        }
        EncodedBatch full = miniLm.encode(List.of(String.join(" ", java.util.Collections.nCopies(300, "word"))));
        assertEquals(BertTokenization.DEFAULT_MAX_LENGTH, full.length());
    }

    @Test
    void pairsGetTokenTypeOneOnTheSecondText() {
        EncodedBatch batch = miniLm.encodePairs(List.of("The cat sat.", "Yes"), List.of("It rested.", "No"));
        // [CLS] the cat sat . [SEP] it rested . [SEP]
        long[] row0 = Arrays.copyOfRange(batch.tokenTypeIds(), 0, batch.length());
        assertArrayEquals(new long[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1}, Arrays.copyOf(row0, 10));
        long[] row1 = Arrays.copyOfRange(batch.tokenTypeIds(), batch.length(), 2 * batch.length());
        assertArrayEquals(new long[] {0, 0, 0, 1, 1}, Arrays.copyOf(row1, 5)); // [CLS] yes [SEP] no [SEP]
        assertEquals(0, row1[5], "padding has token type 0");
        assertThrows(IllegalArgumentException.class, () -> miniLm.encodePairs(List.of("a"), List.of("b", "c")));
    }

    @Test
    void wordsAlignLabelsOnTheFirstSubToken() {
        assertEquals(List.of("[CLS]", "token", "##ization", "works", "[SEP]"), miniLm.tokens("Tokenization works"));
        WordAlignedBatch words = miniLm.encodeWords(List.of(List.of("Tokenization", "works"), List.of("Hi")));
        long[] labels = words.alignLabels(List.of(new int[] {7, 8}, new int[] {5}));
        long ignored = WordAlignedBatch.IGNORED;
        assertEquals(5, words.batch().length());
        assertArrayEquals(new long[] {ignored, 7, ignored, 8, ignored, ignored, 5, ignored, ignored, ignored}, labels);
        assertArrayEquals(new int[] {1, 3}, words.firstTokenOfWords()[0]);
        assertArrayEquals(new int[] {2, 1}, words.wordsKept());
    }

    @Test
    void wordsCutByTruncationLoseTheirLabels() throws Exception {
        try (BertTokenization short5 = BertTokenization.load(io.multitune.encoder.MiniLmL6V2.TOKENIZER_JSON, 5)) {
            WordAlignedBatch words = short5.encodeWords(List.of(List.of("one", "two", "three", "four", "five")));
            assertEquals(3, words.wordsKept()[0]); // [CLS] one two three [SEP]
            long[] labels = words.alignLabels(List.of(new int[] {1, 2, 3, 4, 5}));
            assertArrayEquals(new long[] {WordAlignedBatch.IGNORED, 1, 2, 3, WordAlignedBatch.IGNORED}, labels);
        }
    }

    @Test
    void loadsATokenizerJsonFromAFile(@TempDir Path dir) throws Exception {
        try (BertTokenization tiny = TinyBert.tokenization(dir)) {
            assertEquals(List.of("[CLS]", "the", "cat", "sat", "[SEP]"), tiny.tokens("The cat SAT"));
            assertEquals(List.of("[CLS]", "token", "##ization", "[UNK]", "[SEP]"), tiny.tokens("tokenization zebra"));
            EncodedBatch batch = tiny.encode(List.of("a dog", "the quick brown fox"));
            assertEquals(6, batch.length());
            assertEquals(0, tiny.padId());
        }
    }
}
