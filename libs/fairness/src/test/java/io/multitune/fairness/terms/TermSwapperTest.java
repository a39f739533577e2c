package io.multitune.fairness.terms;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TermSwapperTest {

    private static final TermSwapper GENDER = new TermSwapper(TermLists.gender());

    private static String swap(String text) {
        List<Counterfactual> cfs = GENDER.counterfactuals(text);
        assertEquals(1, cfs.size(), text);
        return cfs.get(0).text();
    }

    @Test
    void swapsEveryTermBothWaysPreservingCase() {
        assertEquals("She said her dog likes her.", swap("He said his dog likes him."));
        assertEquals("He told him that she was right", swap("She told her that he was right"));
        assertEquals("SHE is THE woman", swap("HE is THE man"));
        assertEquals("Mary met James's brother.", swap("James met Mary's sister."));
    }

    @Test
    void herIsPossessiveUnlessItLooksLikeAnObject() {
        assertEquals("I saw him.", swap("I saw her."));
        assertEquals("I saw him", swap("I saw her"));
        assertEquals("I told him to go", swap("I told her to go"));
        assertEquals("We gave him a book", swap("We gave her a book"));
        assertEquals("His book is red", swap("Her book is red"));
        assertEquals("He lost his own keys", swap("She lost her own keys"));
        assertEquals("This is his.", swap("This is hers."));
    }

    @Test
    void matchesWholeWordsOnly() {
        assertTrue(GENDER.counterfactuals("The theme of Hector's show, other than that, is sheer heresy.").isEmpty());
        assertFalse(GENDER.mentions("Themes and shelves"));
        assertEquals("She's late", swap("He's late"));
        List<TermMatch> m = GENDER.matches("Ask him, not James.");
        assertEquals(List.of(new TermMatch("him", 0, "him", 4, 7), new TermMatch("james", 0, "James", 13, 18)), m);
    }

    @Test
    void swapsRecordWhatWasReplacedWhere() {
        Counterfactual cf = GENDER.counterfactuals("He and his wife").get(0);
        assertEquals(List.of(new Swap("He", "She", 0, 2), new Swap("his", "her", 7, 10),
                new Swap("wife", "husband", 11, 15)), cf.swaps());
        assertEquals(1, cf.rotation());
    }

    @Test
    void multiWordTermsWinOverTheirParts() {
        TermSwapper s = new TermSwapper(TermList.of("x", List.of(List.of("young man", "old lady"),
                List.of("man", "lady"))));
        assertEquals("The old lady saw a lady", s.counterfactuals("The young  man saw a man").get(0).text());
        assertEquals(List.of("young man", "man"),
                s.matches("A young  man saw a man").stream().map(TermMatch::term).toList());
    }

    @Test
    void groupsOfThreeGiveOneCounterfactualPerRotation() {
        TermSwapper s = new TermSwapper(TermList.of("religion", List.of(List.of("christian", "muslim", "jewish"),
                List.of("church", "mosque", "synagogue"))));
        List<Counterfactual> cfs = s.counterfactuals("The Christian choir sang in a church.");
        assertEquals(2, cfs.size());
        assertEquals("The Muslim choir sang in a mosque.", cfs.get(0).text());
        assertEquals("The Jewish choir sang in a synagogue.", cfs.get(1).text());
        assertEquals(2, cfs.get(1).rotation());
    }

    @Test
    void pairsSwapBothTextsConsistently() {
        List<PairCounterfactual> cfs = GENDER.counterfactuals("He is a nurse.", "The man works in a hospital.");
        assertEquals(1, cfs.size());
        assertEquals("She is a nurse.", cfs.get(0).text());
        assertEquals("The woman works in a hospital.", cfs.get(0).textPair());
        PairCounterfactual oneSided = GENDER.counterfactuals("A nurse works.", "It was John.").get(0);
        assertEquals("A nurse works.", oneSided.text());
        assertTrue(oneSided.textSwaps().isEmpty());
        assertEquals("It was Patricia.", oneSided.textPair());
        assertTrue(GENDER.counterfactuals("A nurse.", "A doctor.").isEmpty());
    }

    @Test
    void tokenListsSwapTokenForTokenAndMarkTheSwappedTokens() {
        List<TokenCounterfactual> cfs = GENDER.counterfactuals(List.of("John", "told", "her", "to", "go", "."));
        assertEquals(1, cfs.size());
        assertEquals(List.of("Patricia", "told", "him", "to", "go", "."), cfs.get(0).tokens());
        assertArrayEquals(new boolean[] {true, false, true, false, false, false}, cfs.get(0).swappedMask());
        assertEquals(List.of("Her", "dog"), GENDER.counterfactuals(List.of("His", "dog")).get(0).tokens());
        TermSwapper uneven = new TermSwapper(TermList.of("x", List.of(List.of("young man", "lad"))));
        assertTrue(uneven.counterfactuals(List.of("a", "young", "man")).isEmpty());
        assertEquals(1, uneven.matches(List.of("a", "Young", "MAN")).size());
        assertTrue(GENDER.counterfactuals(List.of("no", "terms")).isEmpty());
    }

    @Test
    void caseCarriesOver() {
        assertEquals("She", TermSwapper.withCaseOf("He", "she"));
        assertEquals("SHE", TermSwapper.withCaseOf("HE", "she"));
        assertEquals("she", TermSwapper.withCaseOf("he", "she"));
        assertEquals("Mary", TermSwapper.withCaseOf("X", "mary"));
        assertEquals("mcdonald", TermSwapper.withCaseOf("mCdonald", "mcdonald"));
    }
}
