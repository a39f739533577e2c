package io.multitune.reporting;

/**
 * Where the bias parts are written: as sections of their own page ({@code <section>}, {@code <h2>}) or as parts of
 * the bias section of the run's report ({@code <div class="bias-part">}, {@code <h3>}). The parts are the same
 * writers either way, so the two pages cannot drift apart.
 */
enum BiasLevel {
    PAGE("section", "h2", "h3"),
    EMBEDDED("div", "h3", "h4");

    private final String container;
    private final String heading;
    private final String subheading;

    BiasLevel(String container, String heading, String subheading) {
        this.container = container;
        this.heading = heading;
        this.subheading = subheading;
    }

    /** Opens a part with its id and title. */
    void open(Html html, String id, String title) {
        open(html, id, title, null);
    }

    /** Opens a part with its id, title and a class of the style sheet (null for none). */
    void open(Html html, String id, String title, String cssClass) {
        String classes = this == EMBEDDED ? "bias-part" + (cssClass == null ? "" : " " + cssClass) : cssClass;
        html.open(container, "id", id, "class", classes).element(heading, title);
    }

    void close(Html html) {
        html.close(container).newline();
    }

    /** The heading of a block inside a part (a task, a model). */
    String subheading() {
        return subheading;
    }
}
