package io.multitune.sampling.stream;

import io.multitune.sampling.pool.PoolExample;
import io.multitune.sampling.pool.TaskPool;
import java.util.List;

/**
 * Passes over a task's training pool; pass p (from 0) is a {@link StratifiedPermutation} drawn with a generator
 * seeded by (run seed, task id, "train", p). Seeding each pass on its own, rather than continuing one generator,
 * lets any pass be rebuilt without replaying the ones before it.
 */
final class StratifiedStream implements TaskStream {

    private final TaskPool pool;
    private final long seed;
    private long pass = -1;
    private List<PoolExample> order = List.of();
    private int position;
    private long drawn;

    StratifiedStream(TaskPool pool, long seed) {
        this.pool = pool;
        this.seed = seed;
    }

    @Override
    public PoolExample next() {
        if (position == order.size()) {
            pass++;
            order = StratifiedPermutation.of(pool.train(), Seeds.random(seed, pool.taskId(), "train", pass));
            position = 0;
        }
        drawn++;
        return order.get(position++);
    }

    @Override
    public long drawn() {
        return drawn;
    }
}
