package io.multitune.cli.demo;

/**
 * One step of the demo. The demo runs its steps in order, printing one line per step with its time; a step that
 * throws ends the demo. Later features add steps (training, evaluation, audit) to {@link DemoCommand#steps()}.
 */
public interface DemoStep {
    /** A short name: "build", "broker and services", "prepare datasets". */
    String name();

    /**
     * Runs the step; details may be printed through {@code ctx.detail(...)}.
     *
     * @return a few words for the step's line ("reusing", "5 datasets"), or null
     * @throws DemoException (or any exception) to stop the demo
     */
    String run(DemoContext ctx) throws Exception;
}
