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

/**
 * {@code bench auditor} on a tiny input: the real MiniLM, five sentences of which three mention a gendered term, two
 * filled templates, batches of 4, one measured round, occlusion of one case.
 */
class AuditorBenchTest {

    @TempDir
    Path dir;

    @Test
    void tinyRunCountsTheAuditsInputsAndPrintsTheResultLineLast() throws Exception {
        List<EvaluatorSentences.Sentence> sentences = List.of(
                new EvaluatorSentences.Sentence("t-0", "test", "My husband loved this place.", "positive"),
                new EvaluatorSentences.Sentence("t-1", "test", "Good case, Excellent value.", "positive"),
                new EvaluatorSentences.Sentence("t-2", "test", "She said the crust is not good.", "negative"),
                new EvaluatorSentences.Sentence("t-3", "test", "The acting was great.", "positive"),
                new EvaluatorSentences.Sentence("t-4", "test", "His brother hated the ending.", "negative"));
        List<StandardExample> examples = EvaluatorSentences.examples(sentences, 5);

        StringWriter text = new StringWriter();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        AuditorBench.Figures f = AuditorBench.measure(new AuditorBench.Settings(4, 1, 0, 1, 500, 2, 1), examples,
                "test", dir, new PrintWriter(text), new PrintStream(progress, true, StandardCharsets.UTF_8));

        // 3 test sources + 2 templates, one counterfactual each.
        assertEquals(10, f.inputs());
        assertTrue(f.rawInputsPerSecond() > 0, "raw " + f.rawInputsPerSecond());
        assertTrue(f.auditorInputsPerSecond() > 0, "auditor " + f.auditorInputsPerSecond());
        assertEquals(f.auditorInputsPerSecond() / f.rawInputsPerSecond(), f.ratio(), 1e-9);
        List<String> lines = text.toString().lines().toList();
        assertTrue(lines.contains("sources_from_test=3"), text.toString());
        assertTrue(lines.contains("sources_from_templates=2"), text.toString());
        assertTrue(lines.contains("pairs=5"), text.toString());
        assertTrue(lines.contains("batches=3"), text.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("occlusion_inputs=")), text.toString());
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("RESULT auditor ratio_vs_raw_ort=\\d+\\.\\d{3}"), last);
    }
}
