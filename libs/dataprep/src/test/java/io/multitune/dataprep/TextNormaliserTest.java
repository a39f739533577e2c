package io.multitune.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {

    @Test
    void composesToNfc() {
        assertEquals("é", TextNormaliser.normalise("e\u0301"));
        assertEquals("Café crème", TextNormaliser.normalise("Cafe\u0301 cre\u0300me"));
    }

    @Test
    void removesControlAndFormatCharacters() {
        assertEquals("abc", TextNormaliser.normalise("a\u0000b\u200Bc\u0007"));
        assertEquals("bom", TextNormaliser.normalise("\uFEFFbom"));
        assertEquals("x y", TextNormaliser.normalise("x\u0085y"));
    }

    @Test
    void whitespaceOfAnyKindCollapsesToOneSpaceAndIsTrimmed() {
        assertEquals("a b c d e", TextNormaliser.normalise("  a\tb\r\nc\u00A0\u2003d \u2028 e \n"));
        assertEquals("", TextNormaliser.normalise(" \t\n "));
        assertEquals("", TextNormaliser.normalise(""));
    }

    @Test
    void aRemovedFormatCharacterNoLongerBlocksComposition() {
        assertEquals("é", TextNormaliser.normalise("e\u200B\u0301"));
    }

    @Test
    void cleanTextIsReturnedWithoutCopying() {
        String ascii = "Already clean, plain ASCII.";
        assertSame(ascii, TextNormaliser.normalise(ascii));
        String nfc = "déjà vu 😀";
        assertSame(nfc, TextNormaliser.normalise(nfc));
    }

    @Test
    void supplementaryFormatCharactersAreRemoved() {
        assertEquals("ab", TextNormaliser.normalise("a\uDB40\uDC01b"));
    }

    @Test
    void onlyTheEndsNeedTrimming() {
        assertEquals("a b", TextNormaliser.normalise("\u200B\t a b\r\n"));
        assertEquals("a", TextNormaliser.normalise(" a"));
        assertEquals("a b", TextNormaliser.normalise("a b\u0000"));
        assertEquals("😀 x", TextNormaliser.normalise(" 😀 x "));
    }

    @Test
    void interiorProblemsAreCleanedWherever() {
        assertEquals("a b", TextNormaliser.normalise("a  b"));
        assertEquals("a b", TextNormaliser.normalise("a \u0000 b"));
        assertEquals("ab c", TextNormaliser.normalise("  a\u0000b\n\n c  "));
        assertEquals("x y z", TextNormaliser.normalise("x\u3000y\u2029z"));
        assertEquals("😀 😀", TextNormaliser.normalise("😀\t😀"));
    }

    /** The rules written the slow, obvious way, to check the fast paths against. */
    private static String reference(String s) {
        StringBuilder out = new StringBuilder();
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (cp == 0x85 || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
            } else if (type != Character.CONTROL && type != Character.FORMAT) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return java.text.Normalizer.normalize(out, java.text.Normalizer.Form.NFC);
    }

    @Test
    void agreesWithTheReferenceOnRandomText() {
        String[] pieces = {"a", "b", "Z", ".", " ", " ", "  ", "\t", "\n", "\r\n", "\u0000", "\u007F", "\u200B",
            "\u00A0", "\u3000", "\u0085", "\u0301", "e", "é", "😀", "\uFEFF", "\u001F", "\uDB40\uDC01", "x y"};
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 20_000; trial++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sb.toString();
            assertEquals(reference(text), TextNormaliser.normalise(text), () -> "input: " + text.codePoints()
                    .mapToObj(cp -> String.format("U+%04X", cp)).toList());
        }
    }

    @Test
    void nullStaysNull() {
        assertNull(TextNormaliser.normalise(null));
    }
}
