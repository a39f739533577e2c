package io.multitune.dataprep;

import io.multitune.events.DatasetProfiled;
import io.multitune.events.DatasetProfiled.LengthPercentiles;
import io.multitune.events.DatasetSpec;
import io.multitune.events.Split;
import io.multitune.events.TaskType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Aggregates the ledger's live entries into the distribution fields of a {@link DatasetProfiled}. */
final class ProfileBuilder {
    private final Map<String, Long> splits = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> labelsBySplit = new LinkedHashMap<>();
    private final Map<String, Long> domains = new TreeMap<>();
    private final Map<String, Map<String, Long>> groups = new TreeMap<>();
    private final int[] chars;
    private final int[] words;
    /** Entries added so far: the next free index of chars and words. */
    private int added;
    private final boolean classification;
    private final boolean tokens;
    private final List<String> tagNames;

    ProfileBuilder(DatasetSpec spec, int size, List<String> tagNames) {
        TaskType type = spec.taskType();
        this.classification = isClassification(type);
        this.tokens = type == TaskType.TOKEN_CLASSIFICATION;
        this.tagNames = tagNames;
        this.chars = new int[size];
        this.words = new int[size];
        for (Split split : Split.values()) {
            splits.put(split.wireName(), 0L);
        }
    }

    static boolean isClassification(TaskType type) {
        return type == TaskType.TEXT_CLASSIFICATION || type == TaskType.TEXT_PAIR_CLASSIFICATION;
    }

    ProfileBuilder addAll(Iterable<LedgerEntry> entries) {
        for (LedgerEntry e : entries) {
            chars[added] = e.inputChars;
            words[added] = e.inputWords;
            added++;
            add(e);
        }
        return this;
    }

    private void add(LedgerEntry e) {
        String split = e.split.wireName();
        splits.merge(split, 1L, Long::sum);
        if (classification && e.stratum != null) {
            labels(split).merge(e.stratum, 1L, Long::sum);
        } else if (tokens && e.tagCounts != null) {
            Map<String, Long> tags = labels(split);
            for (int t = 0; t < e.tagCounts.length; t += 2) {
                tags.merge(tagNames.get(e.tagCounts[t]), (long) e.tagCounts[t + 1], Long::sum);
            }
        }
        if (e.domain != null) {
            domains.merge(e.domain, 1L, Long::sum);
        }
        for (int g = 0; g < e.groups.length; g += 2) {
            groups.computeIfAbsent(e.groups[g], k -> new TreeMap<>()).merge(e.groups[g + 1], 1L, Long::sum);
        }
    }

    private Map<String, Long> labels(String split) {
        return labelsBySplit.computeIfAbsent(split, k -> new TreeMap<>());
    }

    Map<String, Long> splits() {
        return splits;
    }

    Map<String, Map<String, Long>> labelsBySplit() {
        return labelsBySplit;
    }

    Map<String, Long> domains() {
        return domains;
    }

    Map<String, Map<String, Long>> groups() {
        return groups;
    }

    /** Largest over smallest label count in train; null unless classification with at least two train labels. */
    Double imbalanceRatio() {
        Map<String, Long> train = labelsBySplit.get(Split.TRAIN.wireName());
        if (!classification || train == null || train.size() < 2) {
            return null;
        }
        long max = Long.MIN_VALUE;
        long min = Long.MAX_VALUE;
        for (long count : train.values()) {
            max = Math.max(max, count);
            min = Math.min(min, count);
        }
        return (double) max / min;
    }

    LengthPercentiles inputChars() {
        return percentiles(chars);
    }

    LengthPercentiles inputWords() {
        return percentiles(words);
    }

    /** Nearest-rank percentiles: the value at rank ceil(p/100 * n) of the sorted lengths; zeros when empty. */
    static LengthPercentiles percentiles(int[] values) {
        if (values.length == 0) {
            return new LengthPercentiles(0, 0, 0, 0);
        }
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return new LengthPercentiles(rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static int rank(int[] sorted, int percent) {
        int n = sorted.length;
        int rank = (int) ((percent * (long) n + 99) / 100);
        return sorted[Math.max(rank, 1) - 1];
    }
}
