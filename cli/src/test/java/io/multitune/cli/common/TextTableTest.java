package io.multitune.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void alignsColumnsUnderARule() {
        String text = new TextTable(new String[] {"name", "n"}, new boolean[] {false, true})
                .row("alpha", "1").row("b", "1,234").row(null, "7").render();
        assertEquals("""
                name       n
                -----  -----
                alpha      1
                b      1,234
                -          7
                """, text);
    }

    @Test
    void rowsMustHaveEveryColumn() {
        TextTable t = new TextTable(new String[] {"a", "b"}, new boolean[] {false, false});
        assertThrows(IllegalArgumentException.class, () -> t.row("only one"));
        assertEquals("12,345,678", TextTable.count(12_345_678));
    }
}
