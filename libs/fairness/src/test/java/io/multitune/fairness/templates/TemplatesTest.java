package io.multitune.fairness.templates;

import io.multitune.events.ExampleInput;
import io.multitune.events.TaskType;
import io.multitune.fairness.terms.TermList;
import io.multitune.fairness.terms.TermLists;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplatesTest {

    private static final List<Template> BUNDLED = Templates.bundled();

    @Test
    void everyAuditedTypeHasTemplatesAndTheOthersNone() {
        assertFalse(Templates.forTask(BUNDLED, TaskType.TEXT_CLASSIFICATION, false).isEmpty());
        assertFalse(Templates.forTask(BUNDLED, TaskType.TEXT_PAIR_CLASSIFICATION, true).isEmpty());
        assertFalse(Templates.forTask(BUNDLED, TaskType.TOKEN_CLASSIFICATION, false).isEmpty());
        assertFalse(Templates.forTask(BUNDLED, TaskType.REGRESSION, true).isEmpty());
        assertFalse(Templates.forTask(BUNDLED, TaskType.REGRESSION, false).isEmpty());
        assertTrue(Templates.forTask(BUNDLED, TaskType.EXTRACTIVE_QA, false).isEmpty());
        assertTrue(Templates.forTask(BUNDLED, TaskType.TEXT_TO_TEXT, false).isEmpty());
        assertEquals("text-classification#1", BUNDLED.get(0).id());
    }

    @Test
    void personTemplatesFillWithEveryNamePairCapitalised() {
        List<Template> sentence = Templates.forTask(BUNDLED, TaskType.TEXT_CLASSIFICATION, false);
        List<TemplateCase> cases = Templates.expand(sentence, SlotKind.PERSON, TermLists.genderNames());
        long personTemplates = sentence.stream().filter(t -> t.has(SlotKind.PERSON)).count();
        assertEquals(personTemplates * 30, cases.size());
        TemplateCase first = cases.get(0);
        assertEquals(List.of("james", "mary"), first.filler());
        assertEquals(ExampleInput.text("James is a brilliant engineer."), first.variants().get(0));
        assertEquals(ExampleInput.text("Mary is a brilliant engineer."), first.variants().get(1));
        assertTrue(first.slotTokens().isEmpty());
    }

    @Test
    void pairTemplatesFillBothTextsWithTheSameFiller() {
        Template t = Templates.parse("text-pair-classification: {Person} cooked. || {person} prepared a meal.", "t")
                .get(0);
        TemplateCase c = Templates.fill(t, SlotKind.PERSON, List.of("john", "patricia"));
        assertEquals(ExampleInput.pair("Patricia cooked.", "patricia prepared a meal."), c.variants().get(1));
    }

    @Test
    void tokenTemplatesKnowTheirSlotTokensAndSkipUnalignedFillers() {
        Template t = Templates.parse("token-classification: Yesterday {Person} met {Person} in Berlin .", "t").get(0);
        TemplateCase c = Templates.fill(t, SlotKind.PERSON, List.of("james", "mary"));
        assertEquals(ExampleInput.tokens(List.of("Yesterday", "Mary", "met", "Mary", "in", "Berlin", ".")),
                c.variants().get(1));
        assertEquals(List.of(1, 3), c.slotTokens());
        assertArrayEquals(new boolean[] {false, true, false, true, false, false, false}, c.swappedMask());
        Template identity = Templates.parse("token-classification: A {Identity} charity opened .", "t").get(0);
        assertNull(Templates.fill(identity, SlotKind.IDENTITY, List.of("new yorker", "parisian")));
        TermList places = TermList.of("origin", List.of(List.of("new yorker", "parisian"), List.of("french", "german")));
        List<TemplateCase> cases = Templates.expand(List.of(identity), SlotKind.IDENTITY, places);
        assertEquals(1, cases.size());
        assertEquals(List.of("A", "German", "charity", "opened", "."), cases.get(0).variants().get(1).tokens());
    }

    @Test
    void identitySlotsTakeAnotherList() {
        TermList religion = TermList.of("religion", List.of(List.of("christian", "muslim", "jewish")));
        List<TemplateCase> cases = Templates.expand(Templates.forTask(BUNDLED, TaskType.TEXT_CLASSIFICATION, false),
                SlotKind.IDENTITY, religion);
        assertFalse(cases.isEmpty());
        assertEquals(3, cases.get(0).variants().size());
        assertEquals(ExampleInput.text("My neighbour is Jewish and always helpful."), cases.get(0).variants().get(2));
    }

    @Test
    void malformedTemplatesAreRefusedWithTheirLine() {
        assertThrows(IllegalArgumentException.class,
                () -> Templates.parse("extractive-qa: Where is {Person}? || context", "t"));
        IllegalArgumentException pair = assertThrows(IllegalArgumentException.class,
                () -> Templates.parse("# c\ntext-pair-classification: {Person} came.", "t"));
        assertTrue(pair.getMessage().startsWith("t:2:"), pair.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Templates.parse("text-classification: no slot", "t"));
        assertThrows(IllegalArgumentException.class, () -> Templates.parse("sentiment: {Person} x", "t"));
        assertThrows(IllegalArgumentException.class,
                () -> Templates.parse("text-classification: {Person} || {Person}", "t"));
    }
}
