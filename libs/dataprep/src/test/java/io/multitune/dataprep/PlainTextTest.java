package io.multitune.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void countsWordsOnEdgeCases() {
        assertEquals(0, PlainText.countWords(""));
        assertEquals(1, PlainText.countWords("word"));
        assertEquals(1, PlainText.countWords("a"));
        assertEquals(3, PlainText.countWords("one two three"));
        assertEquals(9, PlainText.countWords("one two three four five six seven eight nine"));
        assertEquals(2, PlainText.countWords("abcdefg ijklmnop"));
    }

    @Test
    void countsWordsLikeTheSpaceRuleOnUnnormalisedText() {
        // Not reachable through the standardiser (texts are normalised), but restore() accepts any example.
        for (String s : new String[] {" ", "  ", "a ", " a", "a  b", "a  ", "  a  b  ", "        x        y       ",
                "a\tb", "tab\there and  there ", "caf\u00e9 na\u00efve",
                "\ud83d\ude00 \ud83d\ude00", "a \ud83d\ude00", "\ud83d\ude00 ", "\ud83d ", "\u4e2d\u6587 \u00e9 ?",
                "?? ? ?"}) {
            assertEquals(spaceRule(s), PlainText.countWords(s), s);
        }
    }

    @Test
    void countsWordsLikeTheSpaceRuleOnRandomText() {
        SplittableRandom random = new SplittableRandom(7);
        char[] alphabet = {' ', ' ', ' ', 'a', 'b', '?', '\t', '\u00e9', '\u0100', '\u4e2d', '\ud83d', '\ude00'};
        for (int round = 0; round < 5_000; round++) {
            String s = randomText(random, alphabet);
            assertEquals(spaceRule(s), PlainText.countWords(s), s);
        }
    }

    @Test
    void recognisesCleanAscii() {
        assertTrue(PlainText.isCleanAscii(""));
        assertTrue(PlainText.isCleanAscii("x"));
        assertTrue(PlainText.isCleanAscii("Is it clean? Yes, it is: plain ASCII with single spaces!"));
        assertTrue(PlainText.isCleanAscii("~!@#$%^&*()_+{}|:\"<>? `-=[]\\;',./ 0123456789"));
    }

    @Test
    void anythingTheNormaliserWouldChangeIsNotCleanAscii() {
        for (String s : new String[] {" lead", "trail ", "two  spaces in a longer text", "1234567  9", "tab\there",
                "new\nline", "del\u007F", "nul\u0000", "caf\u00e9", "\u0100 above latin-1 is no question mark",
                "long enough text? \u4e2d", "?\u4e2d", "\ud83d\ude00 smile", "1234567 ", "abcdefgh ijklmno\u3000"}) {
            assertFalse(PlainText.isCleanAscii(s), s);
        }
    }

    @Test
    void cleanAsciiAgreesWithTheNormaliserOnRandomText() {
        SplittableRandom random = new SplittableRandom(11);
        char[] alphabet = {' ', ' ', 'a', 'Z', '?', '~', '\t', '\u007F', '\u00a0', '\u00e9', '\u013f', '\u4e3f',
                '\ud83d', '\ude00'};
        for (int round = 0; round < 5_000; round++) {
            String s = randomText(random, alphabet);
            boolean unchanged = s.equals(TextNormaliser.normalise(s));
            boolean ascii = s.chars().allMatch(c -> c < 0x80);
            // Clean means the normaliser leaves the text as it is; the converse holds for ASCII text.
            if (PlainText.isCleanAscii(s)) {
                assertTrue(unchanged && ascii, s);
            } else if (ascii) {
                assertFalse(unchanged, s);
            }
        }
    }

    private static String randomText(SplittableRandom random, char[] alphabet) {
        int length = random.nextInt(40);
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)] : (char) ('a' + i % 26));
        }
        return b.toString();
    }

    /** The rule as first written: one plus each space after a non-space that is not the last character. */
    private static int spaceRule(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int count = 1;
        for (int i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) {
            if (i > 0 && text.charAt(i - 1) != ' ' && i + 1 < text.length()) {
                count++;
            }
        }
        return count;
    }
}
