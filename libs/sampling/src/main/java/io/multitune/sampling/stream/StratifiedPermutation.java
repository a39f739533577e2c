package io.multitune.sampling.stream;

import io.multitune.sampling.pool.PoolExample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A random permutation whose every prefix is stratified by label: the examples are grouped by label (examples
 * without a label form one group), each group is shuffled, and the groups are merged by smooth round-robin on
 * their sizes. A class holding 5% of the pool then appears about every 20th position, so a short run (or the
 * first part of a long one) sees every class at its share, and small classes are never starved.
 */
final class StratifiedPermutation {

    private StratifiedPermutation() {
    }

    /**
     * @param examples the pool, in a fixed order (sorted by id)
     * @param random   the permutation's generator; consumed group by group in label order
     */
    static List<PoolExample> of(List<PoolExample> examples, SplittableRandom random) {
        // Sorted map: the groups are shuffled and merged in label order, never in hash order.
        TreeMap<String, List<PoolExample>> byLabel = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (PoolExample example : examples) {
            byLabel.computeIfAbsent(example.label(), label -> new ArrayList<>()).add(example);
        }
        List<List<PoolExample>> groups = new ArrayList<>(byLabel.values());
        long[] sizes = new long[groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            shuffle(groups.get(g), random);
            sizes[g] = groups.get(g).size();
        }
        SmoothRoundRobin merge = new SmoothRoundRobin(sizes);
        int[] next = new int[groups.size()];
        List<PoolExample> permutation = new ArrayList<>(examples.size());
        while (merge.hasNext()) {
            int g = merge.next();
            permutation.add(groups.get(g).get(next[g]++));
        }
        return Collections.unmodifiableList(permutation);
    }

    /** Fisher-Yates with the given generator (Collections.shuffle wants a java.util.Random). */
    static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
    }
}
