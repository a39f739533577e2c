package io.multitune.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples a process's CPU time (user + system, from /proc) every few milliseconds, so the CPU spent inside a
 * measurement window given in wall-clock milliseconds (the broker's append times) can be read afterwards.
 */
final class CpuSampler implements AutoCloseable {
    private static final double TICKS_PER_SECOND = 100.0;

    private final long pid;
    private final List<long[]> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    CpuSampler(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::loop, "cpu-sampler-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sampleNow();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes a sample now, so a window that closed just before is bounded by a sample after it. */
    void sampleNow() {
        long ticks = ticks();
        if (ticks >= 0) {
            synchronized (samples) {
                samples.add(new long[] {System.currentTimeMillis(), ticks});
            }
        }
    }

    private long ticks() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU seconds the process used between two wall-clock instants (epoch ms), from the nearest samples. */
    double cpuSecondsBetween(long fromMillis, long toMillis) {
        return (ticksAt(toMillis) - ticksAt(fromMillis)) / TICKS_PER_SECOND;
    }

    private long ticksAt(long millis) {
        synchronized (samples) {
            long[] best = null;
            for (long[] s : samples) {
                if (best == null || Math.abs(s[0] - millis) < Math.abs(best[0] - millis)) {
                    best = s;
                }
            }
            return best == null ? 0 : best[1];
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
