package io.multitune.cli.ingest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress bar for sends, on stderr. On a terminal it redraws one line at most ten times a second; otherwise
 * (logs, pipes) it prints a plain line at most every five seconds, so logs stay short.
 */
public final class ConsoleProgress implements IngestOptions.ProgressListener {
    private static final int WIDTH = 28;

    private final PrintStream out;
    private final boolean interactive;
    private final String label;
    private final long intervalNanos;
    private long lastNanos = Long.MIN_VALUE;
    private boolean drawn;
    private int width;

    public ConsoleProgress(PrintStream out, boolean interactive, String label) {
        this.out = out;
        this.interactive = interactive;
        this.label = label;
        this.intervalNanos = interactive ? 100_000_000L : 5_000_000_000L;
    }

    /** A bar on System.err, redrawn in place when the process runs on a terminal. */
    public static ConsoleProgress forStderr(String label) {
        return new ConsoleProgress(System.err, isTerminal(), label);
    }

    /**
     * Whether the process seems to run on a terminal. Java cannot ask about stderr alone: this is true when the
     * JVM has a console (stdin and stdout are terminals) and TERM is not "dumb".
     */
    public static boolean isTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public synchronized void onProgress(long records, long total, long bytes, Duration elapsed, boolean done) {
        long now = elapsed.toNanos();
        long last = lastNanos == Long.MIN_VALUE ? (interactive ? -intervalNanos : 0) : lastNanos;
        if (!done && now - last < intervalNanos) {
            return;
        }
        lastNanos = now;
        double secs = Math.max(1e-3, now / 1e9);
        if (interactive) {
            String line = line(records, total, bytes, secs);
            String pad = " ".repeat(Math.max(0, width - line.length())); // wipe what a longer line left
            width = Math.max(width, line.length());
            out.print("\r" + line + pad + (done ? "\n" : ""));
            out.flush();
            drawn = !done;
        } else if (!done) {
            out.println(line(records, total, bytes, secs));
        }
    }

    /** The text of one progress line. */
    String line(long records, long total, long bytes, double secs) {
        StringBuilder b = new StringBuilder(label).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, Math.round(WIDTH * (double) records / total));
            b.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
            b.append(String.format(Locale.ROOT, "%,d/%,d records (%3d%%)", records, total,
                    Math.round(100.0 * records / total)));
        } else {
            b.append(String.format(Locale.ROOT, "%,d records", records));
        }
        b.append(String.format(Locale.ROOT, "  %,.0f rec/s  %.1f MB", records / secs, bytes / 1e6));
        return b.toString();
    }

    /** Ends a bar left half drawn (after a failure), so the next message starts on its own line. */
    public synchronized void abandon() {
        if (drawn) {
            out.println();
            drawn = false;
        }
    }
}
