package io.multitune.intake;

import io.multitune.encoder.MiniLmL6V2;
import io.multitune.encoder.ModelResource;
import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.sampling.request.RunDefaults;
import io.multitune.training.batch.QuestionContextTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tokenizers of the base models runs name: the shipped MiniLM's, or the {@code tokenizer.json} next to a base
 * model given by path (the trainer's rule). A model is scored with its base model's tokenizer and the trainers'
 * maximum length, so its inputs are encoded exactly as in training. Loaded once per base model, closed at shutdown.
 */
public final class BaseTokenizers implements AutoCloseable {

    /** A base model's tokenizers: single and pair inputs, and question/context inputs of extractive QA. */
    public record Tokenizers(BertTokenization tokens, QuestionContextTokenizer questions) {
    }

    private final int maxLength;
    private final Map<String, Tokenizers> loaded = new HashMap<>();

    public BaseTokenizers(int maxLength) {
        this.maxLength = maxLength;
    }

    /** The tokenizers of a base model; fails naming the model when its tokenizer cannot be found or read. */
    public synchronized Tokenizers get(String baseModel) throws IOException {
        String name = baseModel == null ? RunDefaults.BASE_MODEL : baseModel;
        Tokenizers tokenizers = loaded.get(name);
        if (tokenizers == null) {
            tokenizers = load(name);
            loaded.put(name, tokenizers);
        }
        return tokenizers;
    }

    private Tokenizers load(String name) throws IOException {
        ModelResource json = resource(name);
        BertTokenization tokens = BertTokenization.load(json, maxLength);
        try {
            return new Tokenizers(tokens, QuestionContextTokenizer.load(json, maxLength));
        } catch (IOException | RuntimeException e) {
            tokens.close();
            throw e;
        }
    }

    private static ModelResource resource(String name) throws IOException {
        if (name.toLowerCase(Locale.ROOT).equals(RunDefaults.BASE_MODEL.toLowerCase(Locale.ROOT))) {
            return MiniLmL6V2.TOKENIZER_JSON;
        }
        Path tokenizer = Path.of(name).resolveSibling("tokenizer.json");
        if (!Files.isRegularFile(tokenizer)) {
            throw new IOException("baseModel '" + name + "' has no tokenizer.json next to it (" + tokenizer + ")");
        }
        return ModelResource.file(tokenizer);
    }

    @Override
    public synchronized void close() {
        loaded.values().forEach(t -> {
            t.questions().close();
            t.tokens().close();
        });
        loaded.clear();
    }
}
