package io.multitune.sampling.stream;

import io.multitune.events.RunRequest;
import io.multitune.sampling.pool.PoolExample;
import io.multitune.sampling.pool.TaskPool;
import io.multitune.sampling.request.Strategies;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Curriculum draws: the k-th draw (from 0) of a task with N planned examples has progress x = k / N and picks
 * uniformly, with a generator seeded by (run seed, task id, "curriculum"), among the easiest
 * max(1, ceil(c(x) · n)) examples of the pool ({@link Competence}). Draws are with replacement, as in Platanios et
 * al.; stratification by label is not applied, since difficulty alone decides what is eligible.
 * <p>
 * Difficulty is {@code length} (input characters, {@link PoolExample#length()}) or {@code score}
 * ({@link PoolExample#difficulty()}, examples without a score counting as hardest); ties are broken by id, so the
 * order is total and deterministic.
 */
final class CurriculumStream implements TaskStream {

    private final List<PoolExample> easiestFirst;
    private final Competence competence;
    private final long plannedExamples;
    private final SplittableRandom random;
    private long drawn;

    CurriculumStream(TaskPool pool, long seed, RunRequest.Curriculum curriculum, long plannedExamples) {
        this.easiestFirst = byDifficulty(pool.train(), curriculum.difficulty());
        this.competence = new Competence(curriculum.schedule(), curriculum.initialCompetence(),
                curriculum.rampFraction());
        this.plannedExamples = plannedExamples;
        this.random = Seeds.random(seed, pool.taskId(), "curriculum");
    }

    @Override
    public PoolExample next() {
        // Past the planned examples (dynamic mixing can give a task more) the whole pool is eligible.
        double progress = plannedExamples <= 0 ? 1.0 : (double) drawn / plannedExamples;
        int eligible = Competence.eligible(competence.at(progress), easiestFirst.size());
        drawn++;
        return easiestFirst.get(random.nextInt(eligible));
    }

    @Override
    public long drawn() {
        return drawn;
    }

    static List<PoolExample> byDifficulty(List<PoolExample> examples, String difficulty) {
        Comparator<PoolExample> order = switch (difficulty) {
            case Strategies.CURRICULUM_DIFFICULTY_LENGTH -> Comparator.comparingInt(PoolExample::length);
            case Strategies.CURRICULUM_DIFFICULTY_SCORE -> Comparator.comparing(PoolExample::difficulty,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            default -> throw new IllegalArgumentException("unknown curriculum difficulty '" + difficulty + "'");
        };
        List<PoolExample> sorted = new ArrayList<>(examples);
        sorted.sort(order.thenComparing(PoolExample::id));
        return List.copyOf(sorted);
    }
}
