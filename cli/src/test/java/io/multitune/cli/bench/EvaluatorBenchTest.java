package io.multitune.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.StandardExample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench evaluator} on a tiny input: the real MiniLM, six sentences, batches of 4, one measured round. */
class EvaluatorBenchTest {

    @TempDir
    Path dir;

    @Test
    void tinyRunPrintsPositiveFiguresAndTheResultLineLast() throws Exception {
        List<EvaluatorSentences.Sentence> sentences = List.of(
                new EvaluatorSentences.Sentence("t-0", "test", "A very, very, very slow-moving, aimless movie.",
                        "negative"),
                new EvaluatorSentences.Sentence("t-1", "test", "Good case, Excellent value.", "positive"),
                new EvaluatorSentences.Sentence("t-2", "test", "Wow... Loved this place.", "positive"),
                new EvaluatorSentences.Sentence("t-3", "test", "Crust is not good.", "negative"),
                new EvaluatorSentences.Sentence("t-4", "test", "The acting was great.", "positive"));
        List<StandardExample> examples = EvaluatorSentences.examples(sentences, 6); // one repeat: ids stay distinct
        assertEquals(6, examples.stream().map(StandardExample::id).distinct().count());

        StringWriter text = new StringWriter();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        EvaluatorBench.Figures f = EvaluatorBench.measure(new EvaluatorBench.Settings(4, 1, 0, 1), examples, "test",
                dir, new PrintWriter(text), new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertTrue(f.rawSentencesPerSecond() > 0, "raw " + f.rawSentencesPerSecond());
        assertTrue(f.evaluatorSentencesPerSecond() > 0, "evaluator " + f.evaluatorSentencesPerSecond());
        assertEquals(f.evaluatorSentencesPerSecond() / f.rawSentencesPerSecond(), f.ratio(), 1e-9);
        List<String> lines = text.toString().lines().toList();
        assertTrue(lines.contains("sentences=6"), text.toString());
        assertTrue(lines.contains("batches=2"), text.toString());
        assertTrue(lines.contains("execution_provider=CPU") || lines.contains("execution_provider=CUDA"));
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("RESULT evaluator ratio_vs_raw_ort=\\d+\\.\\d{3}"), last);
    }

    @Test
    void readmeFallbackSplitsProseIntoSentences() {
        String md = "# Title\n\nThe first sentence is here. And a second one follows it!\nIt goes on across"
                + " lines.\n\n```bash\nnot prose at all here\n```\n| a | table | row | here |\nToo short.\n";
        List<EvaluatorSentences.Sentence> s = EvaluatorSentences.fromProse(md, "readme");
        assertEquals(List.of("The first sentence is here.", "And a second one follows it!",
                "It goes on across lines."), s.stream().map(EvaluatorSentences.Sentence::text).toList());
        assertEquals(List.of("negative", "positive", "negative"),
                s.stream().map(EvaluatorSentences.Sentence::label).toList());
    }
}
