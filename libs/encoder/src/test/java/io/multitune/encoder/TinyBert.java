package io.multitune.encoder;

import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.weights.BertWeights;
import io.multitune.encoder.weights.RandomBertWeights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A tiny BERT for unit tests: a 45-word WordPiece tokenizer.json written on the fly and random weights. */
public final class TinyBert {

    public static final List<String> VOCAB = List.of(
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
            "the", "a", "cat", "dog", "sat", "on", "mat", "good", "bad", "film", "movie", "is", "was", "very", "not",
            ".", ",", "!", "?", "token", "##ization", "##s", "##ing", "run", "play", "it", "this", "i", "liked",
            "hated", "and", "but", "great", "awful", "plot", "actor", "##ly", "quick", "brown", "fox");

    public static final List<String> SENTENCES = List.of(
            "The cat sat on the mat.",
            "A very good film!",
            "I hated this movie, the plot was awful and the actor was not good.",
            "Tokenization is quick");

    private TinyBert() {
    }

    public static BertWeights weights(long seed) {
        return RandomBertWeights.create(RandomBertWeights.tinyConfig(VOCAB.size()), seed);
    }

    public static BertTokenization tokenization(Path dir) throws IOException {
        return BertTokenization.load(ModelResource.file(writeTokenizer(dir)), 32);
    }

    /** A BERT-style tokenizer.json (lower-casing normaliser, [CLS] A [SEP] B [SEP] template) over {@link #VOCAB}. */
    public static Path writeTokenizer(Path dir) throws IOException {
        String vocab = IntStream.range(0, VOCAB.size())
                .mapToObj(i -> "\"" + VOCAB.get(i) + "\": " + i).collect(Collectors.joining(", "));
        String specials = IntStream.range(0, 5).mapToObj(i -> """
                {"id": %d, "content": "%s", "single_word": false, "lstrip": false, "rstrip": false,
                 "normalized": false, "special": true}""".formatted(i, VOCAB.get(i)))
                .collect(Collectors.joining(", "));
        String json = """
                {"version": "1.0", "truncation": null, "padding": null,
                 "added_tokens": [%s],
                 "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                                "strip_accents": null, "lowercase": true},
                 "pre_tokenizer": {"type": "BertPreTokenizer"},
                 "post_processor": {"type": "TemplateProcessing",
                   "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                              {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                   "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                            {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                            {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                   "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                                      "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}},
                 "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
                 "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                           "max_input_chars_per_word": 100, "vocab": {%s}}}
                """.formatted(specials, vocab);
        Path file = dir.resolve("tiny-tokenizer.json");
        Files.writeString(file, json);
        return file;
    }
}
