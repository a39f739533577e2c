package io.multitune.reporting;

import io.multitune.events.ModelAudited.ChangedCase;
import java.util.List;

/**
 * The most changed counterfactual pairs of one model and task: the original and the swapped text with the swapped
 * words marked, both predictions and the change. The texts are user data (test inputs, template sentences) and go
 * through {@link Html#text}, which escapes them; the marks are the only markup added.
 */
final class ChangedCases {

    private ChangedCases() {
    }

    static void write(Html html, BiasLevel level, String title, List<ChangedCase> cases) {
        html.element(level.subheading(), title);
        if (cases == null || cases.isEmpty()) {
            html.element("p", "No changed case was recorded.", "class", "note");
            return;
        }
        html.open("div", "class", "table-wrap").open("table", "class", "cases").open("thead").open("tr");
        for (String h : new String[] {"Source", "Original", "Swapped", "Prediction: original → swapped", "Change"}) {
            html.element("th", h, "scope", "col", "class", h.equals("Change") ? "num" : null);
        }
        html.close("tr").close("thead").open("tbody");
        for (ChangedCase c : cases) {
            if (c == null) {
                continue;
            }
            String[] original = words(c.original());
            String[] swapped = words(c.swapped());
            boolean[][] marks = differing(original, swapped);
            boolean flipped = c.originalPrediction() != null && !c.originalPrediction().equals(c.swappedPrediction());
            html.open("tr", "class", flipped ? "flipped" : null).element("td", c.source(), "class", "source");
            text(html, c.original(), original, marks[0]);
            text(html, c.swapped(), swapped, marks[1]);
            html.element("td", Fmt.DASH.equals(prediction(c.originalPrediction())) && c.swappedPrediction() == null
                    ? null : prediction(c.originalPrediction()) + " → " + prediction(c.swappedPrediction()),
                    "class", flipped ? "flip" : null);
            html.element("td", Fmt.num(c.change(), 3), "class", "num");
            html.close("tr");
        }
        html.close("tbody").close("table").close("div").newline();
    }

    private static String prediction(String p) {
        return p == null ? Fmt.DASH : p;
    }

    private static String[] words(String text) {
        return text == null ? new String[0] : text.split(" ", -1);
    }

    /** A cell with the words that differ from the other text marked. */
    private static void text(Html html, String whole, String[] words, boolean[] marked) {
        html.open("td", "class", "case-text");
        if (whole == null) {
            html.text(null);
        }
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                html.text(" ");
            }
            if (marked[i] && !words[i].isEmpty()) {
                html.open("mark").text(words[i]).close("mark");
            } else {
                html.text(words[i]);
            }
        }
        html.close("td");
    }

    /**
     * Which words differ: word by word when both texts have as many words, else the span between the longest common
     * prefix and the longest common suffix (a multi-word name swapped for a one-word one).
     */
    static boolean[][] differing(String[] a, String[] b) {
        boolean[] ma = new boolean[a.length];
        boolean[] mb = new boolean[b.length];
        if (a.length == b.length) {
            for (int i = 0; i < a.length; i++) {
                ma[i] = mb[i] = !a[i].equals(b[i]);
            }
            return new boolean[][] {ma, mb};
        }
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            suffix++;
        }
        for (int i = prefix; i < a.length - suffix; i++) {
            ma[i] = true;
        }
        for (int i = prefix; i < b.length - suffix; i++) {
            mb[i] = true;
        }
        return new boolean[][] {ma, mb};
    }
}
