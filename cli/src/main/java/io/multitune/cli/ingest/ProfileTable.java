package io.multitune.cli.ingest;

import io.multitune.cli.common.TextTable;
import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetProfiled.Counts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Renders dataset profiles as an aligned text table, one row per dataset, followed by the rejects by reason of
 * each dataset. A row whose counts do not add up ({@link Counts#addUp()}) is marked in the last column and
 * explained under the table.
 */
public final class ProfileTable {
    static final String[] HEADERS = {"dataset", "task", "type", "received", "accepted", "rejected", "duplicates",
            "leakage", "examples", "train/val/test", "labels (top 3)", "imbalance", "words p50/p90", "complete",
            "counts"};
    private static final boolean[] RIGHT = {false, false, false, true, true, true, true, true, true, false, false,
            true, false, false, false};

    private ProfileTable() {
    }

    /** The table, ending with a newline. */
    public static String render(List<DatasetProfiled> profiles) {
        TextTable table = new TextTable(HEADERS, RIGHT);
        List<String> notes = new ArrayList<>();
        for (DatasetProfiled p : profiles) {
            table.row(row(p));
            Counts c = p.counts();
            if (c != null && !c.addUp()) {
                notes.add(String.format(Locale.ROOT,
                        "  %s: counts do not add up: received %d vs accepted + rejected + duplicates = %d;"
                                + " examples %d vs accepted - leakage = %d",
                        p.datasetId(), c.received(), c.accepted() + c.rejected() + c.duplicates(), c.examples(),
                        c.accepted() - c.leakageRemoved()));
            }
        }
        StringBuilder out = new StringBuilder(table.render());
        if (!notes.isEmpty()) {
            out.append('\n').append("COUNTS DO NOT ADD UP:\n");
            notes.forEach(l -> out.append(l).append('\n'));
        }
        out.append('\n').append("rejects by reason:\n");
        for (DatasetProfiled p : profiles) {
            out.append("  ").append(p.datasetId()).append(": ").append(rejects(p)).append('\n');
        }
        return out.toString();
    }

    static String[] row(DatasetProfiled p) {
        Counts c = p.counts();
        return new String[] {
                str(p.datasetId()),
                str(p.taskId()),
                p.taskType() == null ? "-" : p.taskType().wireName(),
                c == null ? "-" : num(c.received()),
                c == null ? "-" : num(c.accepted()),
                c == null ? "-" : num(c.rejected()),
                c == null ? "-" : num(c.duplicates()),
                c == null ? "-" : num(c.leakageRemoved()),
                c == null ? "-" : num(c.examples()),
                splits(p.splits()),
                topLabels(p.labelsBySplit(), 3),
                p.imbalanceRatio() == null ? "-" : String.format(Locale.ROOT, "%.2f", p.imbalanceRatio()),
                p.inputWords() == null ? "-" : p.inputWords().p50() + "/" + p.inputWords().p90(),
                p.complete() ? "yes" : "no",
                c == null ? "?" : c.addUp() ? "ok" : "MISMATCH"
        };
    }

    private static String str(String s) {
        return s == null ? "-" : s;
    }

    private static String num(long n) {
        return TextTable.count(n);
    }

    static String splits(Map<String, Long> splits) {
        if (splits == null) {
            return "-";
        }
        Map<String, Long> lower = new TreeMap<>();
        splits.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), v == null ? 0 : v, Long::sum));
        return num(lower.getOrDefault("train", 0L)) + "/" + num(lower.getOrDefault("validation", 0L)) + "/"
                + num(lower.getOrDefault("test", 0L));
    }

    /** The {@code n} most frequent labels over all splits, with counts: "positive 501, negative 498". */
    static String topLabels(Map<String, Map<String, Long>> labelsBySplit, int n) {
        if (labelsBySplit == null || labelsBySplit.isEmpty()) {
            return "-";
        }
        Map<String, Long> totals = new LinkedHashMap<>();
        labelsBySplit.values().forEach(m -> {
            if (m != null) {
                m.forEach((label, count) -> totals.merge(label, count == null ? 0 : count, Long::sum));
            }
        });
        if (totals.isEmpty()) {
            return "-";
        }
        List<Map.Entry<String, Long>> sorted = totals.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toList());
        String top = sorted.stream().limit(n).map(e -> e.getKey() + " " + num(e.getValue()))
                .collect(Collectors.joining(", "));
        return sorted.size() > n ? top + " (+" + (sorted.size() - n) + ")" : top;
    }

    static String rejects(DatasetProfiled p) {
        Map<String, Long> r = p.rejectsByReason();
        if (r == null || r.values().stream().allMatch(v -> v == null || v == 0)) {
            return "none";
        }
        return r.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + num(e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
