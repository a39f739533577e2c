package io.multitune.trainer;

import java.io.IOException;

/** Lets the replica take a job back between two batches: on shutdown, or when its ticket's partition moves. */
@FunctionalInterface
interface JobControl {

    /** Writes the job's checkpoint now. */
    @FunctionalInterface
    interface Checkpointer {
        void checkpoint() throws IOException;
    }

    /**
     * Whether the job goes on. Before answering false, the checkpoint has been written (unless the partition was
     * lost to another replica already, whose checkpoints must not be overwritten).
     */
    boolean keepGoing(Checkpointer checkpointer) throws IOException;
}
