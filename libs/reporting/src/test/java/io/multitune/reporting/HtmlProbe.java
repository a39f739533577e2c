package io.multitune.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain-text probes into the generated page (the page has no nested SVGs, so a regex finds each one). */
final class HtmlProbe {

    private HtmlProbe() {
    }

    /** The {@code <svg>} element with this id, whole; fails when absent. */
    static String svgById(String html, String id) {
        Matcher m = Pattern.compile("<svg[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>.*?</svg>", Pattern.DOTALL)
                .matcher(html);
        if (!m.find()) {
            throw new AssertionError("no <svg id=\"" + id + "\"> in the page");
        }
        return m.group();
    }

    /** Every {@code <svg>} element whose class list holds {@code cssClass}. */
    static List<String> svgsByClass(String html, String cssClass) {
        Matcher m = Pattern.compile("<svg[^>]*\\bclass=\"[^\"]*\\b" + Pattern.quote(cssClass) + "\\b[^\"]*\"[^>]*>.*?"
                + "</svg>", Pattern.DOTALL).matcher(html);
        List<String> svgs = new ArrayList<>();
        while (m.find()) {
            svgs.add(m.group());
        }
        return svgs;
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    /** Every absolute URL in the page. */
    static List<String> urls(String html) {
        Matcher m = Pattern.compile("(?i)(?:https?|ftp|file)://[^\"'\\s<>)]*|//[a-z0-9.-]+\\.[a-z]{2,}/").matcher(html);
        List<String> urls = new ArrayList<>();
        while (m.find()) {
            urls.add(m.group());
        }
        return urls;
    }
}
