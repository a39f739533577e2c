package io.multitune.cli.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Brown corpus tag set mapped to the 12 universal tags of Petrov, Das and McDonald (2012), as the usual
 * Brown-to-universal table does it, by base tag:
 * <ol>
 *   <li>{@code fw-...} (foreign words) is {@code X};</li>
 *   <li>the suffixes {@code -hl} (headline), {@code -tl} (title) and {@code -nc} (cited word) are dropped;</li>
 *   <li>a contraction ({@code ppss+md}, "I'll") takes the tag of its first part;</li>
 *   <li>a trailing {@code *} (negated verb: {@code md*} "can't") and a trailing {@code $} (genitive: {@code nn$})
 *       are dropped unless the tag itself has them ({@code *} "not" is ADV, {@code pp$} "my" is DET,
 *       {@code pp$$} "mine" and {@code wp$} "whose" are PRON);</li>
 *   <li>anything left unknown is {@code X}.</li>
 * </ol>
 */
public final class BrownTags {
    /** The universal tags, in the conventional order. */
    public static final List<String> UNIVERSAL = List.of(
            "NOUN", "VERB", "ADJ", "ADV", "PRON", "DET", "ADP", "NUM", "CONJ", "PRT", ".", "X");

    private static final Map<String, String> BASE = Map.ofEntries(
            // punctuation
            Map.entry(".", "."), Map.entry(",", "."), Map.entry(":", "."), Map.entry("(", "."),
            Map.entry(")", "."), Map.entry("--", "."), Map.entry("''", "."), Map.entry("``", "."),
            Map.entry("'", "."), Map.entry("`", "."),
            // negator: not, n't
            Map.entry("*", "ADV"),
            // determiners and pre-/post-determiners
            Map.entry("abl", "PRT"), Map.entry("abn", "PRT"), Map.entry("abx", "DET"), Map.entry("ap", "ADJ"),
            Map.entry("at", "DET"), Map.entry("dt", "DET"), Map.entry("dti", "DET"), Map.entry("dts", "DET"),
            Map.entry("dtx", "DET"), Map.entry("ex", "DET"), Map.entry("wdt", "DET"), Map.entry("pp$", "DET"),
            // verbs: be, do, have, modals, lexical verbs
            Map.entry("be", "VERB"), Map.entry("bed", "VERB"), Map.entry("bedz", "VERB"), Map.entry("beg", "VERB"),
            Map.entry("bem", "VERB"), Map.entry("ben", "VERB"), Map.entry("ber", "VERB"), Map.entry("bez", "VERB"),
            Map.entry("do", "VERB"), Map.entry("dod", "VERB"), Map.entry("doz", "VERB"),
            Map.entry("hv", "VERB"), Map.entry("hvd", "VERB"), Map.entry("hvg", "VERB"), Map.entry("hvn", "VERB"),
            Map.entry("hvz", "VERB"), Map.entry("md", "VERB"),
            Map.entry("vb", "VERB"), Map.entry("vbd", "VERB"), Map.entry("vbg", "VERB"), Map.entry("vbn", "VERB"),
            Map.entry("vbz", "VERB"),
            // conjunctions and adpositions
            Map.entry("cc", "CONJ"), Map.entry("cs", "ADP"), Map.entry("in", "ADP"),
            // numbers
            Map.entry("cd", "NUM"),
            // adjectives (ordinals too)
            Map.entry("jj", "ADJ"), Map.entry("jjr", "ADJ"), Map.entry("jjs", "ADJ"), Map.entry("jjt", "ADJ"),
            Map.entry("od", "ADJ"),
            // nouns (nominal pronouns such as "nobody" too)
            Map.entry("nn", "NOUN"), Map.entry("nns", "NOUN"), Map.entry("np", "NOUN"), Map.entry("nps", "NOUN"),
            Map.entry("nr", "NOUN"), Map.entry("nrs", "NOUN"), Map.entry("pn", "NOUN"),
            // pronouns
            Map.entry("pp$$", "PRON"), Map.entry("ppl", "PRON"), Map.entry("ppls", "PRON"), Map.entry("ppo", "PRON"),
            Map.entry("pps", "PRON"), Map.entry("ppss", "PRON"), Map.entry("wp$", "PRON"), Map.entry("wpo", "PRON"),
            Map.entry("wps", "PRON"),
            // adverbs and qualifiers
            Map.entry("ql", "ADV"), Map.entry("qlp", "ADV"), Map.entry("rb", "ADV"), Map.entry("rbr", "ADV"),
            Map.entry("rbt", "ADV"), Map.entry("rn", "ADV"), Map.entry("wql", "ADV"), Map.entry("wrb", "ADV"),
            // particles
            Map.entry("rp", "PRT"), Map.entry("to", "PRT"),
            // other
            Map.entry("uh", "X"), Map.entry("nil", "X"));

    private static final Set<String> SUFFIXES = Set.of("-hl", "-tl", "-nc");

    private BrownTags() {
    }

    /** The universal tag of a Brown tag (any case, with or without suffixes). */
    public static String toUniversal(String brownTag) {
        if (brownTag == null || brownTag.isBlank()) {
            return "X";
        }
        String t = brownTag.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("fw-")) {
            return "X";
        }
        t = stripSuffixes(t);
        int plus = t.indexOf('+');
        if (plus > 0) {
            t = stripSuffixes(t.substring(0, plus));
        }
        String u = BASE.get(t);
        if (u != null) {
            return u;
        }
        if (t.length() > 1 && t.endsWith("*")) {
            t = t.substring(0, t.length() - 1);
            u = BASE.get(t);
            if (u != null) {
                return u;
            }
        }
        if (t.length() > 1 && t.endsWith("$")) {
            u = BASE.get(t.substring(0, t.length() - 1));
            if (u != null) {
                return u;
            }
        }
        return "X";
    }

    private static String stripSuffixes(String t) {
        boolean again = true;
        while (again) {
            again = false;
            for (String s : SUFFIXES) {
                if (t.length() > s.length() && t.endsWith(s)) {
                    t = t.substring(0, t.length() - s.length());
                    again = true;
                }
            }
        }
        return t;
    }
}
