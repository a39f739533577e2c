package io.multitune.training.batch;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import io.multitune.encoder.ModelResource;
import io.multitune.encoder.tokens.EncodedBatch;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Question + context tokenisation for extractive QA: [CLS] question [SEP] context [SEP], truncating only the context
 * (Hugging Face's {@code only_second}), with each context token's character span. {@code BertTokenization} truncates
 * the longer text first and hides the offsets, hence this second tokenizer over the same tokenizer.json.
 * <p>
 * The tokenizers library reports offsets in Unicode code points; they are converted to Java char indices here, so
 * that answers given as char spans of a Java string line up also beyond the Basic Multilingual Plane.
 */
public final class QuestionContextTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    private QuestionContextTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Loads the tokenizer.json with the same length cap as the job's {@code BertTokenization}. */
    public static QuestionContextTokenizer load(ModelResource tokenizerJson, int maxLength) throws IOException {
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", "only_second",
                "padding", "false",
                "maxLength", String.valueOf(maxLength),
                "modelMaxLength", String.valueOf(maxLength));
        try (InputStream in = tokenizerJson.open()) {
            return new QuestionContextTokenizer(HuggingFaceTokenizer.newInstance(in, options));
        }
    }

    /** One row: ids and the context char span of every token (-1 outside the context). */
    record Row(long[] ids, long[] types, int[] charStart, int[] charEnd) {
    }

    Row encode(String question, String context) {
        Encoding e = tokenizer.encode(question, context);
        long[] sequence = e.getSequenceIds();
        CharSpan[] spans = e.getCharTokenSpans();
        int[] charIndex = charIndexOfCodePoint(context);
        int n = e.getIds().length;
        int[] start = new int[n];
        int[] end = new int[n];
        Arrays.fill(start, -1);
        Arrays.fill(end, -1);
        for (int t = 0; t < n; t++) {
            if (sequence[t] == 1 && spans[t] != null) {
                start[t] = charIndex[Math.min(spans[t].getStart(), charIndex.length - 1)];
                end[t] = charIndex[Math.min(spans[t].getEnd(), charIndex.length - 1)];
            }
        }
        return new Row(e.getIds(), e.getTypeIds(), start, end);
    }

    /** Pads rows to the longest; the attention mask is 1 on every real token. */
    static EncodedBatch batch(List<Row> rows, long padId) {
        int length = rows.stream().mapToInt(r -> r.ids().length).max().orElse(0);
        long[] ids = new long[rows.size() * length];
        long[] mask = new long[ids.length];
        long[] types = new long[ids.length];
        Arrays.fill(ids, padId);
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            System.arraycopy(row.ids(), 0, ids, r * length, row.ids().length);
            System.arraycopy(row.types(), 0, types, r * length, row.types().length);
            Arrays.fill(mask, r * length, r * length + row.ids().length, 1L);
        }
        return new EncodedBatch(rows.size(), length, ids, mask, types);
    }

    /** The first and last token (inclusive) overlapping [answerStart, answerEnd); {0, 0} if none survived. */
    static int[] answerTokens(Row row, int answerStart, int answerEnd) {
        int first = -1;
        int last = -1;
        for (int t = 0; t < row.charStart().length; t++) {
            if (row.charStart()[t] >= 0 && row.charStart()[t] < answerEnd && row.charEnd()[t] > answerStart) {
                first = first < 0 ? t : first;
                last = t;
            }
        }
        return first < 0 || answerEnd <= answerStart ? new int[] {0, 0} : new int[] {first, last};
    }

    /** Entry k: the char index of code point k (one past the end included). */
    private static int[] charIndexOfCodePoint(String text) {
        int points = text.codePointCount(0, text.length());
        int[] index = new int[points + 1];
        for (int k = 0, i = 0; k <= points; k++) {
            index[k] = i;
            if (i < text.length()) {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return index;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
