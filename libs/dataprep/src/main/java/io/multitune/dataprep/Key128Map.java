package io.multitune.dataprep;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A hash map from 128-bit keys (two longs) to values, by open addressing with linear probing: three parallel arrays
 * instead of a node object per entry. The ledger keys every live example by its id and by its input this way; with
 * {@code HashMap<String, ...>} each example held two key strings and two map nodes besides its entry, ~400 bytes
 * and five objects an example that every garbage collection had to trace (about 3.8 s of young-collection pauses
 * for 1.1 M examples in {@code bench ingest}'s long run).
 *
 * <p>Keys are hash values (SHA-256 prefixes), so their bits are already uniform; they are mixed all the same, because
 * a hand-written example id is hashed here by a weaker function. Null values are not allowed (null marks a free
 * slot). Removal shifts the following entries of the probe run back, so no tombstones build up. Not thread-safe.
 *
 * @param <V> the value type
 */
final class Key128Map<V> implements Iterable<V> {
    private static final int MIN_CAPACITY = 16;

    private long[] high;
    private long[] low;
    private Object[] values;
    private int size;

    Key128Map() {
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    V get(long h, long l) {
        int mask = values.length - 1;
        for (int i = slot(h, l, mask); values[i] != null; i = (i + 1) & mask) {
            if (high[i] == h && low[i] == l) {
                return value(i);
            }
        }
        return null;
    }

    /** Maps the key to {@code value}; returns the value it replaced, or null. */
    V put(long h, long l, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value");
        }
        int mask = values.length - 1;
        int i = slot(h, l, mask);
        for (; values[i] != null; i = (i + 1) & mask) {
            if (high[i] == h && low[i] == l) {
                V old = value(i);
                values[i] = value;
                return old;
            }
        }
        high[i] = h;
        low[i] = l;
        values[i] = value;
        if (++size > values.length / 2) {
            allocate(values.length * 2);
        }
        return null;
    }

    /** Removes the key's mapping; returns the value it had, or null. */
    V remove(long h, long l) {
        int mask = values.length - 1;
        int i = slot(h, l, mask);
        for (; values[i] != null; i = (i + 1) & mask) {
            if (high[i] == h && low[i] == l) {
                V old = value(i);
                shiftBack(i, mask);
                size--;
                return old;
            }
        }
        return null;
    }

    @Override
    public Iterator<V> iterator() {
        return new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                int i = from;
                while (i < values.length && values[i] == null) {
                    i++;
                }
                return i;
            }

            @Override
            public boolean hasNext() {
                return next < values.length;
            }

            @Override
            public V next() {
                if (next >= values.length) {
                    throw new NoSuchElementException();
                }
                V v = value(next);
                next = advance(next + 1);
                return v;
            }
        };
    }

    /** Frees slot {@code gap} and moves back every later entry of its run that would otherwise become unreachable. */
    private void shiftBack(int gap, int mask) {
        int i = gap;
        while (true) {
            i = (i + 1) & mask;
            if (values[i] == null) {
                break;
            }
            int home = slot(high[i], low[i], mask);
            // The entry at i may fill the gap unless its home slot lies cyclically within (gap, i].
            boolean homeAfterGap = gap <= i ? gap < home && home <= i : gap < home || home <= i;
            if (!homeAfterGap) {
                high[gap] = high[i];
                low[gap] = low[i];
                values[gap] = values[i];
                gap = i;
            }
        }
        values[gap] = null;
    }

    private void allocate(int capacity) {
        long[] oldHigh = high;
        long[] oldLow = low;
        Object[] oldValues = values;
        high = new long[capacity];
        low = new long[capacity];
        values = new Object[capacity];
        if (oldValues == null) {
            return;
        }
        int mask = capacity - 1;
        for (int j = 0; j < oldValues.length; j++) {
            if (oldValues[j] != null) {
                int i = slot(oldHigh[j], oldLow[j], mask);
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                high[i] = oldHigh[j];
                low[i] = oldLow[j];
                values[i] = oldValues[j];
            }
        }
    }

    @SuppressWarnings("unchecked")
    private V value(int i) {
        return (V) values[i];
    }

    /** SplitMix64's finaliser over both halves. */
    private static int slot(long h, long l, int mask) {
        long z = h * 0x9E3779B97F4A7C15L + l;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31)) & mask;
    }
}
