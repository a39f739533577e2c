package io.multitune.fairness.terms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TermListsTest {

    @Test
    void parsesCategoriesGroupsAndConditionsInFileOrder() {
        List<TermList> lists = TermLists.parse("""
                # comment
                religion: Christian | Muslim | Jewish

                gender: he | she
                religion: church | mosque | synagogue
                gender: him | her @object-position
                """, "test");
        assertEquals(2, lists.size());
        TermList religion = lists.get(0);
        assertEquals("religion", religion.category());
        assertEquals(3, religion.arity());
        assertEquals(List.of("christian", "muslim", "jewish"), religion.groups().get(0).terms());
        assertEquals(List.of("christian", "muslim", "jewish", "church", "mosque", "synagogue"), religion.terms());
        TermList gender = lists.get(1);
        assertEquals(TermGroup.Condition.ALWAYS, gender.groups().get(0).condition());
        assertEquals(TermGroup.Condition.OBJECT_POSITION, gender.groups().get(1).condition());
        assertEquals(1, gender.columnOf("HER"));
        assertEquals(-1, gender.columnOf("it"));
    }

    @Test
    void errorsNameTheSourceAndLine() {
        IllegalArgumentException noColon = assertThrows(IllegalArgumentException.class,
                () -> TermLists.parse("gender he | she", "my.txt"));
        assertTrue(noColon.getMessage().startsWith("my.txt:1:"), noColon.getMessage());
        IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
                () -> TermLists.parse("\ngender: he", "my.txt"));
        assertTrue(single.getMessage().startsWith("my.txt:2:"), single.getMessage());
        IllegalArgumentException arity = assertThrows(IllegalArgumentException.class,
                () -> TermLists.parse("g: he | she\ng: a | b | c", "my.txt"));
        assertTrue(arity.getMessage().startsWith("my.txt:2:") && arity.getMessage().contains("arities"),
                arity.getMessage());
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> TermLists.parse("g: he | she\ng: she | it", "my.txt"));
        assertTrue(column.getMessage().contains("column 1 of one group and column 0"), column.getMessage());
        IllegalArgumentException badTerm = assertThrows(IllegalArgumentException.class,
                () -> TermLists.parse("g: a$ | b", "my.txt"));
        assertTrue(badTerm.getMessage().contains("'a$' is not a term"), badTerm.getMessage());
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> TermLists.parse("g: he | HE", "my.txt"));
        assertTrue(duplicate.getMessage().contains("occurs twice"), duplicate.getMessage());
    }

    @Test
    void shippedListsAreLargeEnoughPairsAndOneCategory() {
        TermList pairs = TermLists.genderPairs();
        TermList names = TermLists.genderNames();
        assertTrue(pairs.groups().size() >= 40, "pairs: " + pairs.groups().size());
        assertEquals(30, names.groups().size());
        assertEquals(2, pairs.arity());
        assertEquals(2, names.arity());
        TermList gender = TermLists.gender();
        assertEquals("gender", gender.category());
        assertEquals(pairs.groups().size() + names.groups().size(), gender.groups().size());
        // No name is also a gendered word: the merged list's terms are the disjoint union.
        Set<String> all = new HashSet<>(pairs.terms());
        for (String n : names.terms()) {
            assertTrue(all.add(n), n);
        }
    }

    @Test
    void manyToOnePronounsResolveAsDocumented() {
        TermList g = TermLists.genderPairs();
        assertEquals("her", g.counterpart("his", 1, false));
        assertEquals("her", g.counterpart("his", 1, true));
        assertEquals("his", g.counterpart("hers", 1, false));
        assertEquals("her", g.counterpart("him", 1, false)); // only in the conditional group: used regardless
        assertEquals("his", g.counterpart("her", 1, false)); // possessive by default
        assertEquals("him", g.counterpart("her", 1, true));  // object position
        assertEquals("mr", g.counterpart("ms", 1, false));
        assertEquals("mrs", g.counterpart("mr", 1, false));   // first group listed wins
        assertThrows(IllegalArgumentException.class, () -> g.counterpart("he", 2, false));
        assertThrows(IllegalArgumentException.class, () -> g.counterpart("tree", 1, false));
    }

    @Test
    void loadsAUserFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("religion.txt");
        Files.writeString(file, "religion: christian | muslim\nreligion: church | mosque\n");
        List<TermList> lists = TermLists.load(file);
        assertEquals(1, lists.size());
        assertEquals(4, lists.get(0).terms().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TermLists.bundled("nope.txt"));
        assertTrue(e.getMessage().startsWith("resource:"), e.getMessage());
    }

    @Test
    void zipPairsTwoListsByPositionDroppingSharedWords() {
        // "Jordan" is in both lists and "Anna" twice: the kept lists are (Adam, Bob) and (Anna, Carol).
        TermList names = TermLists.zip("gender", List.of("Adam", "Jordan", "Bob", "Carl"),
                List.of("Anna", "jordan", "ANNA", "Carol"));
        assertEquals(List.of(List.of("adam", "anna"), List.of("bob", "carol")),
                names.groups().stream().map(TermGroup::terms).toList());
        assertThrows(IllegalArgumentException.class, () -> TermLists.zip("g", List.of("x"), List.of("x")));
    }

    @Test
    void mergeKeepsOrderAndRefusesOtherCategories() {
        TermList a = TermList.of("g", List.of(List.of("he", "she")));
        TermList b = TermList.of("g", List.of(List.of("man", "woman")));
        assertEquals(List.of("he", "she", "man", "woman"), a.merge(b).terms());
        assertThrows(IllegalArgumentException.class, () -> a.merge(TermList.of("r", List.of(List.of("x", "y")))));
        assertThrows(IllegalArgumentException.class, () -> TermList.of("Bad Name", List.of(List.of("x", "y"))));
        assertThrows(IllegalArgumentException.class, () -> TermList.of("g", List.of()));
    }
}
