package io.multitune.sampling.request;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.RunRejected.Problem;
import io.multitune.events.RunRequest;
import io.multitune.events.TaskType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A small catalog and shortcuts from request text to effective requests and problems. */
final class Fixtures {
    static final List<String> SENTIMENT_LABELS = List.of("neg", "pos");

    private Fixtures() {
    }

    /**
     * sentiment: reviews-a, reviews-b (profiled); nli: snli (profiled); ner: conll (still being ingested);
     * summaries: xsum (text-to-text); mixed: m1, m2 (two task types); relabelled: l1, l2 (two label sets);
     * empty: e1 (no examples at all); unvalidated: v1 (no validation examples).
     */
    static MapTaskCatalog catalog() {
        return MapTaskCatalog.of(
                profiled("reviews-a", "sentiment", TaskType.TEXT_CLASSIFICATION, SENTIMENT_LABELS, 100, 20),
                profiled("reviews-b", "sentiment", TaskType.TEXT_CLASSIFICATION, List.of("pos", "neg"), 50, 10),
                profiled("snli", "nli", TaskType.TEXT_PAIR_CLASSIFICATION,
                        List.of("entailment", "neutral", "contradiction"), 200, 40),
                new DatasetInfo("conll", "ner", TaskType.TOKEN_CLASSIFICATION, null, false, 0, 0),
                profiled("xsum", "summaries", TaskType.TEXT_TO_TEXT, null, 30, 5),
                profiled("m1", "mixed", TaskType.TEXT_CLASSIFICATION, null, 10, 2),
                profiled("m2", "mixed", TaskType.REGRESSION, null, 10, 2),
                profiled("l1", "relabelled", TaskType.TEXT_CLASSIFICATION, List.of("a", "b"), 10, 2),
                profiled("l2", "relabelled", TaskType.TEXT_CLASSIFICATION, List.of("x", "y"), 10, 2),
                profiled("e1", "empty", TaskType.TEXT_CLASSIFICATION, null, 0, 0),
                profiled("v1", "unvalidated", TaskType.REGRESSION, null, 10, 0));
    }

    static DatasetInfo profiled(String id, String task, TaskType type, List<String> labels, long train, long val) {
        return new DatasetInfo(id, task, type, labels, true, train, val);
    }

    /** The request in the text, which must read without problems. */
    static RunRequest read(String text) {
        ReadResult result = RunRequestReader.read(text.getBytes(StandardCharsets.UTF_8));
        assertTrue(result.ok(), () -> "not read: " + result.problems());
        return result.request().orElseThrow();
    }

    /** The effective request of the YAML text. */
    static RunRequest effective(String yaml) {
        return RunDefaults.effective(read(yaml), "run-test");
    }

    /** Validation of the effective request of the YAML text against {@link #catalog()}. */
    static ValidationResult validate(String yaml) {
        return RunValidator.validate(effective(yaml), catalog());
    }

    static List<Problem> problems(String yaml) {
        return validate(yaml).problems();
    }
}
