package io.multitune.training;

import ai.djl.engine.Engine;

/**
 * Seeds the engine's random generator (dropout masks) at the start of every step from (run seed, step), so a step
 * draws the same masks whether the job ran straight through or was resumed from a checkpoint, and whatever ran in
 * between (validation, another job's step in the same JVM).
 */
final class EngineSeeds {

    private EngineSeeds() {
    }

    static void seed(Engine engine, long seed, long step) {
        engine.setRandomSeed(stepSeed(seed, step));
    }

    /** SplitMix64's finaliser over seed and step, folded to the int the engine takes (kept non-negative). */
    static int stepSeed(long seed, long step) {
        long z = seed + (step + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) ((z ^ (z >>> 32)) & 0x7FFFFFFF);
    }
}
