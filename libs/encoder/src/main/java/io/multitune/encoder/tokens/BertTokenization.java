package io.multitune.encoder.tokens;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.util.PairList;
import io.multitune.encoder.MiniLmL6V2;
import io.multitune.encoder.ModelResource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Word-piece tokenisation from a Hugging Face tokenizer.json, configured for training: truncation to
 * {@code maxLength} (default 128) and padding to the longest sequence of each batch. MiniLM's tokenizer.json pads
 * every sequence to 128 by itself; that setting is overridden here, since short batches then run several times
 * faster. Single texts, text pairs (token type ids 0/1) and pre-split words (token classification) are supported.
 */
public final class BertTokenization implements AutoCloseable {

    public static final int DEFAULT_MAX_LENGTH = 128;

    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;
    private final long padId;

    private BertTokenization(HuggingFaceTokenizer tokenizer, int maxLength) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.padId = probePadId(tokenizer);
    }

    /** MiniLM's tokenizer from the classpath, truncating to 128. */
    public static BertTokenization miniLm() throws IOException {
        return load(MiniLmL6V2.TOKENIZER_JSON, DEFAULT_MAX_LENGTH);
    }

    public static BertTokenization load(ModelResource tokenizerJson, int maxLength) throws IOException {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must leave room for [CLS] and [SEP], got " + maxLength);
        }
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", "longest_first",
                "padding", "longest",
                "maxLength", String.valueOf(maxLength),
                // DJL caps maxLength at modelMaxLength (default 512); the encoder's positions are the real cap.
                "modelMaxLength", String.valueOf(maxLength));
        try (InputStream in = tokenizerJson.open()) {
            return new BertTokenization(HuggingFaceTokenizer.newInstance(in, options), maxLength);
        }
    }

    public int maxLength() {
        return maxLength;
    }

    /** The id padding positions carry (0 for BERT's [PAD]). */
    public long padId() {
        return padId;
    }

    /** The word pieces of one text, special tokens included (for inspection and tests). */
    public List<String> tokens(String text) {
        return List.of(tokenizer.encode(text).getTokens());
    }

    /** Single texts: [CLS] text [SEP]. */
    public EncodedBatch encode(List<String> texts) {
        requireSome(texts.size());
        return assemble(tokenizer.batchEncode(texts));
    }

    /** Text pairs: [CLS] first [SEP] second [SEP], token type 1 on the second part; the longer text is cut first. */
    public EncodedBatch encodePairs(List<String> first, List<String> second) {
        requireSome(first.size());
        if (first.size() != second.size()) {
            throw new IllegalArgumentException(first.size() + " first texts but " + second.size() + " second texts");
        }
        PairList<String, String> pairs = new PairList<>(first, second);
        return assemble(tokenizer.batchEncode(pairs));
    }

    /** Pre-split words, each word's first sub-token marked for its label (see {@link WordAlignedBatch}). */
    public WordAlignedBatch encodeWords(List<List<String>> sentences) {
        requireSome(sentences.size());
        Encoding[] encodings = new Encoding[sentences.size()];
        for (int i = 0; i < encodings.length; i++) {
            // One call per sentence: the tokenizer has no batch call for pre-split input.
            encodings[i] = tokenizer.encode(sentences.get(i).toArray(String[]::new));
        }
        EncodedBatch batch = assemble(encodings);
        int[] wordAtToken = new int[batch.size() * batch.length()];
        Arrays.fill(wordAtToken, -1);
        int[] wordsKept = new int[batch.size()];
        for (int row = 0; row < encodings.length; row++) {
            long[] wordIds = encodings[row].getWordIds();
            long[] mask = encodings[row].getAttentionMask();
            long previous = -1;
            for (int t = 0; t < wordIds.length; t++) {
                long word = mask[t] == 0 ? -1 : wordIds[t];
                if (word >= 0 && word != previous) {
                    wordAtToken[row * batch.length() + t] = (int) word;
                    wordsKept[row] = (int) Math.max(wordsKept[row], word + 1);
                }
                previous = word;
            }
        }
        return new WordAlignedBatch(batch, wordAtToken, wordsKept);
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    /** Copies encodings into one batch, padding each to the longest. */
    private EncodedBatch assemble(Encoding[] encodings) {
        int length = 0;
        for (Encoding e : encodings) {
            length = Math.max(length, e.getIds().length);
        }
        int n = encodings.length * length;
        long[] ids = new long[n];
        long[] mask = new long[n];
        long[] types = new long[n];
        Arrays.fill(ids, padId);
        for (int row = 0; row < encodings.length; row++) {
            Encoding e = encodings[row];
            int offset = row * length;
            System.arraycopy(e.getIds(), 0, ids, offset, e.getIds().length);
            System.arraycopy(e.getAttentionMask(), 0, mask, offset, e.getAttentionMask().length);
            System.arraycopy(e.getTypeIds(), 0, types, offset, e.getTypeIds().length);
        }
        return new EncodedBatch(encodings.length, length, ids, mask, types);
    }

    /** The pad id the tokenizer itself uses: the tail of the shorter of two texts padded together. */
    private static long probePadId(HuggingFaceTokenizer tokenizer) {
        Encoding[] pair = tokenizer.batchEncode(List.of("a", "a a a a"));
        long[] mask = pair[0].getAttentionMask();
        for (int t = mask.length - 1; t >= 0; t--) {
            if (mask[t] == 0) {
                return pair[0].getIds()[t];
            }
        }
        return 0;
    }

    private static void requireSome(int size) {
        if (size == 0) {
            throw new IllegalArgumentException("nothing to tokenise");
        }
    }
}
