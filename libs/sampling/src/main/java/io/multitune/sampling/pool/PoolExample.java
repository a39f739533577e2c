package io.multitune.sampling.pool;

import io.multitune.events.Split;

/**
 * One example in a sampler pool, as {@link PoolExampleReader} reads it: what sampling decides on (id, split, label, difficulty) plus the example's JSON
 * exactly as read from the examples topic, which a batch carries verbatim instead of re-encoding it.
 *
 * @param label      the stratum: the label of a classification example, null for other task types
 * @param length     input length in characters (all input texts; tokens joined by one space)
 * @param difficulty the example's own difficulty score, when its dataset supplied one
 * @param json       the example's JSON body on the examples topic (never modified)
 */
public record PoolExample(String id, String datasetId, Split split, String label, int length, Double difficulty,
                          ExampleBytes json) {

    // An example is identified by its id; its bytes may live anywhere.
    @Override
    public boolean equals(Object other) {
        return other instanceof PoolExample p && p.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "PoolExample[" + id + ", " + split + ", " + label + "]";
    }
}
