package io.multitune.dataprep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Key128MapTest {

    private record Key(long high, long low) {
    }

    @Test
    void behavesLikeAHashMapUnderRandomPutsReplacesAndRemoves() {
        SplittableRandom random = new SplittableRandom(42);
        Key128Map<String> map = new Key128Map<>();
        Map<Key, String> reference = new HashMap<>();
        // Few distinct keys, many operations: long probe runs, replaced values, removals inside runs, growth.
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            keys.add(new Key(random.nextLong(), i % 7 == 0 ? 0L : random.nextLong()));
        }
        for (int op = 0; op < 200_000; op++) {
            Key k = keys.get(random.nextInt(keys.size()));
            if (random.nextInt(3) == 0) {
                assertEquals(reference.remove(k), map.remove(k.high(), k.low()));
            } else {
                String v = "v" + op;
                assertEquals(reference.put(k, v), map.put(k.high(), k.low(), v));
            }
            if (op % 1000 == 0) {
                for (Key probe : keys) {
                    assertEquals(reference.get(probe), map.get(probe.high(), probe.low()));
                }
            }
        }
        assertEquals(reference.size(), map.size());
        List<String> iterated = new ArrayList<>();
        map.forEach(iterated::add);
        assertEquals(new HashSet<>(reference.values()), new HashSet<>(iterated));
        assertEquals(reference.size(), iterated.size());
    }

    @Test
    void keysDifferingInOneHalfAreDistinct() {
        Key128Map<String> map = new Key128Map<>();
        map.put(1L, 2L, "a");
        map.put(2L, 1L, "b");
        map.put(1L, 3L, "c");
        assertEquals("a", map.get(1L, 2L));
        assertEquals("b", map.get(2L, 1L));
        assertEquals("c", map.get(1L, 3L));
        assertNull(map.get(3L, 1L));
        assertThrows(IllegalArgumentException.class, () -> map.put(4L, 4L, null));
    }

    @Test
    void idsRoundTripThroughTheirCompactForm() {
        String id = "sst2-" + "0123456789abcdef01234567";
        LedgerKeys.Id compact = LedgerKeys.id("sst2", id);
        assertNull(compact.irregular());
        LedgerEntry e = new LedgerEntry(compact, 0L, 0L, io.multitune.events.Split.TRAIN, null, null, new String[0],
                null, 0, 0);
        assertEquals(id, LedgerKeys.id("sst2", e));
        for (String irregular : new String[] {"sst2-0123456789ABCDEF01234567", "other-0123456789abcdef01234567",
            "sst2-0123456789abcdef0123456", "sst2_0123456789abcdef01234567", "x"}) {
            assertEquals(irregular, LedgerKeys.id("sst2", irregular).irregular(), irregular);
        }
        assertEquals(0x0123456789abcdefL, LedgerKeys.inputHigh("0123456789abcdeffedcba9876543210"));
        assertEquals(0xfedcba9876543210L, LedgerKeys.inputLow("0123456789abcdeffedcba9876543210"));
        assertThrows(IllegalArgumentException.class, () -> LedgerKeys.inputHigh("abc"));
    }
}
