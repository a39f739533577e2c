package io.multitune.fairness.representation;

import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.fairness.terms.TermList;
import io.multitune.fairness.terms.TermLists;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TermRepresentationTest {

    static final TermList RELIGION = TermList.of("religion", List.of(List.of("christian", "muslim")));

    static StandardExample example(String task, TaskType type, Split split, ExampleInput input) {
        return new StandardExample(StandardExample.SCHEMA_VERSION, task + input.hashCode(), "ds", task, type, split,
                input, ExampleTarget.label("x"), null, null, "en", null, null);
    }

    @Test
    void countsTermsPerTaskSplitCategoryAndColumn() {
        List<StandardExample> examples = List.of(
                example("sst", TaskType.TEXT_CLASSIFICATION, Split.TRAIN, ExampleInput.text("He likes his dog. She does not.")),
                example("sst", TaskType.TEXT_CLASSIFICATION, Split.TRAIN, ExampleInput.text("A fine film.")),
                example("sst", TaskType.TEXT_CLASSIFICATION, Split.TEST, ExampleInput.text("Mary met James, a Muslim.")),
                example("ner", TaskType.TOKEN_CLASSIFICATION, Split.TRAIN, ExampleInput.tokens(List.of("John", "saw", "her"))),
                example("nli", TaskType.TEXT_PAIR_CLASSIFICATION, Split.TRAIN,
                        ExampleInput.pair("The man sleeps.", "A woman sleeps.")));
        RepresentationTable t = TermRepresentation.of(examples, List.of(TermLists.gender(), RELIGION));

        // sst/train: "He likes his dog. She does not." → he, his (column 0), she (column 1); "A fine film." → none.
        CategoryCount sstTrain = t.category("sst", Split.TRAIN, "gender");
        assertEquals(2, sstTrain.examples());
        assertEquals(1, sstTrain.mentioning());
        assertEquals(List.of(2L, 1L), sstTrain.mentionsPerColumn());
        assertEquals(List.of(1L, 1L), sstTrain.examplesPerColumn());
        assertEquals(2.0 / 3, sstTrain.columnShares().get(0), 1e-12);
        TermCount he = t.terms("sst", Split.TRAIN, "gender").stream().filter(c -> c.term().equals("he")).findFirst()
                .orElseThrow();
        assertEquals(new TermCount("sst", Split.TRAIN, "gender", "he", 0, 1, 1), he);
        // Zero counts are listed too, so an absent term is visible.
        assertTrue(t.terms("sst", Split.TRAIN, "gender").stream().anyMatch(c -> c.term().equals("woman")
                && c.mentions() == 0));
        assertEquals(TermLists.gender().terms().size(), t.terms("sst", Split.TRAIN, "gender").size());

        assertEquals(List.of(1L, 1L), t.category("sst", Split.TEST, "gender").mentionsPerColumn());
        assertEquals(List.of(0L, 1L), t.category("sst", Split.TEST, "religion").mentionsPerColumn());
        assertEquals(List.of(1L, 1L), t.category("ner", Split.TRAIN, "gender").mentionsPerColumn());
        assertEquals(List.of(1L, 1L), t.category("nli", Split.TRAIN, "gender").mentionsPerColumn());
        assertTrue(Double.isNaN(t.category("ner", Split.TRAIN, "religion").columnShares().get(0)));
        assertNull(t.category("ner", Split.TEST, "gender"));
        // Sorted by task, then split.
        assertEquals(List.of("ner", "nli", "sst", "sst"), t.categories().stream()
                .filter(c -> c.category().equals("gender")).map(CategoryCount::task).toList());
    }

    @Test
    void listsMustBeGivenOncePerCategory() {
        assertThrows(IllegalArgumentException.class,
                () -> new TermRepresentation(List.of(TermLists.genderPairs(), TermLists.genderNames())));
        assertThrows(IllegalArgumentException.class, () -> new TermRepresentation(List.of()));
    }
}
