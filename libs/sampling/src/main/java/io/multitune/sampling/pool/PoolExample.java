package io.multitune.sampling.pool;

import io.multitune.events.ExampleInput;
import io.multitune.events.Split;
import io.multitune.events.StandardExample;
import java.util.List;

/**
 * One example in a sampler pool: what sampling decides on (id, split, label, difficulty) plus the example's JSON
 * exactly as read from the examples topic, which a batch carries verbatim instead of re-encoding it.
 *
 * @param label      the stratum: the label of a classification example, null for other task types
 * @param length     input length in characters (all input texts; tokens joined by one space)
 * @param difficulty the example's own difficulty score, when its dataset supplied one
 * @param json       the example's JSON body on the examples topic (never modified)
 */
public record PoolExample(String id, String datasetId, Split split, String label, int length, Double difficulty,
                          ExampleBytes json) {

    public static PoolExample of(StandardExample example, byte[] json) {
        String label = example.target() == null ? null : example.target().label();
        return new PoolExample(example.id(), example.datasetId(), example.split(), label,
                inputLength(example.input()), example.difficulty(), ExampleBytes.of(json));
    }

    static int inputLength(ExampleInput input) {
        if (input == null) {
            return 0;
        }
        int length = 0;
        int pieces = 0;
        for (String text : new String[] {input.text(), input.textPair(), input.question(), input.context()}) {
            if (text != null) {
                length += text.length();
                pieces++;
            }
        }
        List<String> tokens = input.tokens();
        if (tokens != null) {
            for (String token : tokens) {
                length += token.length();
                pieces++;
            }
        }
        return length + Math.max(0, pieces - 1);
    }

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
