package io.multitune.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The helpers every chart and table relies on. */
class FormattingTest {

    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.escape("<a href=\"x\">&'"));
        assertEquals("<td>&lt;b&gt;</td><td>—</td>", new Html().element("td", "<b>").element("td", null).toString());
        assertEquals("<p>x</p>", new Html().element("p", "x", "class", null).toString(), "null attributes left out");
    }

    @Test
    void formatsMissingAndSpecialNumbers() {
        assertEquals("—", Fmt.num(null, 2));
        assertEquals("—", Fmt.num(Double.NaN, 2));
        assertEquals("—", Fmt.num(Double.POSITIVE_INFINITY, 2));
        assertEquals("+0.0150", Fmt.signed(0.015, 4));
        assertEquals("[-0.024, +0.010]", Fmt.interval(-0.024, 0.01, 3));
        assertEquals("< 0.001", Fmt.pValue(1e-9));
        assertEquals("1,234,567", Fmt.count(1234567));
        assertEquals("0.0005", Fmt.plain(5e-4));
        assertEquals("16", Fmt.plain(16.0));
        assertEquals("0.0", Fmt.tick(-0.0, 0.5));
        assertEquals("0", Fmt.tick(-1e-17, 2));
    }

    @Test
    void scalesPickRoundTicks() {
        LinearScale s = LinearScale.nice(0.03, 0.97, 0, 100, 5);
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0), s.ticks());
        assertEquals("0.6", s.label(s.ticks().get(3)));
        assertEquals(50.0, s.map(0.5), 1e-9);
        LinearScale flat = LinearScale.nice(3, 3, 0, 100, 4);
        assertEquals(true, flat.lower() < 3 && flat.upper() > 3, "a constant series still gets an axis");
    }

    @Test
    void divergingScaleRunsRedWhiteBlue() {
        assertEquals("#b2182b", Palette.diverging(-1));
        assertEquals("#f7f7f7", Palette.diverging(0));
        assertEquals("#2166ac", Palette.diverging(1));
        assertEquals("#2166ac", Palette.diverging(7));
    }
}
