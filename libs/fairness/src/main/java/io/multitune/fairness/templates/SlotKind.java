package io.multitune.fairness.templates;

import java.util.Locale;

/** What a template slot takes. */
public enum SlotKind {
    /** A person: a given name ({@code {person}}, {@code {Person}}). */
    PERSON,
    /** A descriptor: a religion or nationality adjective ({@code {identity}}, {@code {Identity}}). */
    IDENTITY;

    /** The slot as written in lower case, e.g. {@code {person}}. */
    public String placeholder() {
        return "{" + name().toLowerCase(Locale.ROOT) + "}";
    }

    /** The slot as written to capitalise its filler, e.g. {@code {Person}}. */
    public String capitalisedPlaceholder() {
        String lower = name().toLowerCase(Locale.ROOT);
        return "{" + Character.toUpperCase(lower.charAt(0)) + lower.substring(1) + "}";
    }
}
