package io.multitune.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.ExampleInput;
import io.multitune.events.ExampleTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleIdsTest {

    @Test
    void idIsPinnedSoItStaysStableAcrossVersionsAndJvms() {
        String id = ExampleIds.exampleId("imdb", ExampleInput.text("A fine film."), ExampleTarget.label("positive"));
        assertEquals("imdb-" + PINNED_HASH, id);
        assertEquals(PINNED_INPUT_KEY, ExampleIds.inputKey(ExampleInput.text("A fine film.")));
    }

    // Checked against an independent re-implementation of the documented encoding; a change here changes every
    // stored example id.
    private static final String PINNED_HASH = "7e038a39c5ebadffe3567449";
    private static final String PINNED_INPUT_KEY = "a49d28ba1793b8fbe9512e4a0ac455e6";

    @Test
    void idShapeIsDatasetDashTwentyFourHexDigits() {
        String id = ExampleIds.exampleId("my-data.v2", ExampleInput.text("x"), ExampleTarget.label("y"));
        assertTrue(id.matches("my-data\\.v2-[0-9a-f]{24}"), id);
        assertEquals("my-data.v2", ExampleIds.datasetIdOf(id));
        assertNull(ExampleIds.datasetIdOf("short"));
        assertTrue(ExampleIds.inputKey(ExampleInput.text("x")).matches("[0-9a-f]{32}"));
    }

    @Test
    void encodingIsUnambiguous() {
        assertNotEquals(
                ExampleIds.exampleId("d", ExampleInput.pair("ab", "c"), ExampleTarget.label("l")),
                ExampleIds.exampleId("d", ExampleInput.pair("a", "bc"), ExampleTarget.label("l")));
        assertNotEquals(
                ExampleIds.inputKey(ExampleInput.tokens(List.of("a b"))),
                ExampleIds.inputKey(ExampleInput.tokens(List.of("a", "b"))));
        assertNotEquals(
                ExampleIds.inputKey(ExampleInput.text("q")),
                ExampleIds.inputKey(ExampleInput.questionContext("q", null)));
    }

    @Test
    void idDependsOnDatasetInputAndTargetButInputKeyOnlyOnInput() {
        ExampleInput input = ExampleInput.text("same");
        String a = ExampleIds.exampleId("d", input, ExampleTarget.label("pos"));
        assertNotEquals(a, ExampleIds.exampleId("d", input, ExampleTarget.label("neg")));
        assertNotEquals(a.substring(2), ExampleIds.exampleId("e", input, ExampleTarget.label("pos")).substring(2));
        assertEquals(a, ExampleIds.exampleId("d", ExampleInput.text("same"), ExampleTarget.label("pos")));
        assertNotEquals(ExampleIds.exampleId("d", input, ExampleTarget.value(1.0)),
                ExampleIds.exampleId("d", input, ExampleTarget.value(1.5)));
        assertEquals(ExampleIds.exampleId("d", input, ExampleTarget.value(0.0)),
                ExampleIds.exampleId("d", input, ExampleTarget.value(-0.0)));
    }
}
