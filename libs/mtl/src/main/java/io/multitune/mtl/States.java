package io.multitune.mtl;

import java.util.Map;

/** Reading a checkpointed {@link TaskWeighting.State} back, with errors that say which entry is wrong. */
final class States {

    private States() {
    }

    static void requireStrategy(TaskWeighting.State state, String strategy) {
        if (state == null || !strategy.equals(state.strategy())) {
            throw new IllegalArgumentException("state of strategy '" + (state == null ? null : state.strategy())
                    + "' cannot be restored into '" + strategy + "'");
        }
    }

    static double[] array(TaskWeighting.State state, String key, int length) {
        double[] value = state.arrays().get(key);
        if (value == null) {
            throw new IllegalArgumentException("state of '" + state.strategy() + "' lacks array '" + key + "'");
        }
        if (value.length != length) {
            throw new IllegalArgumentException("state array '" + key + "' has " + value.length + " entries, expected "
                    + length);
        }
        return Checks.finite(value, "state array '" + key + "'").clone();
    }

    /** An optional array: null where the state has none. */
    static double[] optionalArray(TaskWeighting.State state, String key, int length) {
        return state.arrays().containsKey(key) ? array(state, key, length) : null;
    }

    static double scalar(TaskWeighting.State state, String key) {
        Double value = state.scalars().get(key);
        if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException("state of '" + state.strategy() + "' lacks scalar '" + key + "'");
        }
        return value;
    }

    static TaskWeighting.State empty(String strategy) {
        return new TaskWeighting.State(strategy, Map.of(), Map.of());
    }
}
