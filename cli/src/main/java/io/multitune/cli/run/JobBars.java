package io.multitune.cli.run;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's jobs as progress lines, one per job ({@link JobStatus#line}). On a terminal the lines are redrawn in place
 * whenever a job changed; otherwise (logs, pipes) the lines that changed are printed at most every five seconds, so
 * logs stay short. Other output may come between frames: {@link #flush} first, and the next frame starts below it.
 */
final class JobBars {
    private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final boolean interactive;
    private final List<JobStatus> jobs;
    private final int width;
    private final Map<String, String> printed = new HashMap<>();
    private boolean changed = true; // the first frame shows every job
    private boolean onScreen;
    private long lastPlain;
    private boolean drawn;

    JobBars(PrintWriter out, boolean interactive, List<JobStatus> jobs) {
        this.out = out;
        this.interactive = interactive;
        this.jobs = List.copyOf(jobs);
        this.width = jobs.stream().mapToInt(j -> j.job().jobId().length()).max().orElse(10);
    }

    /** A job's status changed. */
    void changed() {
        changed = true;
    }

    /** Draws if it is time: on a terminal whenever something changed, otherwise every few seconds. */
    void tick() {
        if (interactive ? changed : !drawn || System.nanoTime() - lastPlain > PLAIN_EVERY_NANOS) {
            draw();
        }
    }

    /** Draws what changed now: before other output, and at the end. The next frame is drawn below what follows. */
    void flush() {
        draw();
        onScreen = false;
    }

    private void draw() {
        if (interactive) {
            if (changed) {
                redraw();
            }
        } else {
            printChanged();
            lastPlain = System.nanoTime();
        }
        changed = false;
        drawn = true;
        out.flush();
    }

    private void redraw() {
        if (onScreen) {
            out.print("\033[" + jobs.size() + "A");
        }
        for (JobStatus j : jobs) {
            out.print("\r\033[2K  " + j.line(width) + "\n");
        }
        onScreen = true;
    }

    private void printChanged() {
        for (JobStatus j : jobs) {
            String line = j.line(width);
            if (!line.equals(printed.put(j.job().jobId(), line))) {
                out.println("  " + line);
            }
        }
    }
}
