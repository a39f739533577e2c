package io.multitune.sampling.stream;

import static io.multitune.sampling.plan.Fixtures.example;
import static io.multitune.sampling.plan.Fixtures.pool;
import static io.multitune.sampling.plan.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multitune.events.RunRequest;
import io.multitune.events.Split;
import io.multitune.sampling.plan.Fixtures;
import io.multitune.sampling.pool.PoolExample;
import io.multitune.sampling.pool.TaskPool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TaskStreamTest {

    private static List<PoolExample> draw(TaskStream stream, int count) {
        List<PoolExample> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            drawn.add(stream.next());
        }
        return drawn;
    }

    /** 400 examples: 20 "rare" (5%), 180 "a", 200 "b". */
    private static TaskPool skewedPool() {
        List<PoolExample> train = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String label = i < 20 ? "rare" : i < 200 ? "a" : "b";
            train.add(example(String.format("s-t%04d", (i * 7919) % 400), Split.TRAIN, label, 10, null));
        }
        return Fixtures.pool("s", train, 0);
    }

    @Test
    void everyWindowOfAHundredDrawsHoldsTheFivePercentClass() {
        List<PoolExample> drawn = draw(TaskStream.of(skewedPool(), request("s").build(), 0), 2000);
        for (int from = 0; from + 100 <= drawn.size(); from++) {
            long rare = drawn.subList(from, from + 100).stream().filter(e -> e.label().equals("rare")).count();
            assertTrue(rare >= 4 && rare <= 6, "window at " + from + " holds " + rare + " rare examples");
        }
    }

    @Test
    void eachPassIsAFreshPermutationOfThePool() {
        TaskPool pool = skewedPool();
        List<PoolExample> drawn = draw(TaskStream.of(pool, request("s").build(), 0), 800);
        assertEquals(new HashSet<>(pool.train()), new HashSet<>(drawn.subList(0, 400)));
        assertEquals(new HashSet<>(pool.train()), new HashSet<>(drawn.subList(400, 800)));
        assertNotEquals(drawn.subList(0, 400), drawn.subList(400, 800));
    }

    @Test
    void theSequenceDependsOnlyOnSeedAndTask() {
        TaskPool pool = pool("t", 50, 0);
        RunRequest effective = request("t").build();
        assertEquals(draw(TaskStream.of(pool, effective, 0), 120), draw(TaskStream.of(pool, effective, 0), 120));
        assertNotEquals(draw(TaskStream.of(pool, effective, 0), 120),
                draw(TaskStream.of(pool, request("t").seed(43).build(), 0), 120));
    }

    private static RunRequest curriculum(String difficulty, String schedule) {
        return request("c").strategy("curriculum")
                .curriculum(new RunRequest.Curriculum(difficulty, schedule, 0.2, 0.5, "proportional")).build();
    }

    /** 100 examples of lengths 1..100 whose ids are unrelated to their length. */
    private static TaskPool lengthPool() {
        List<PoolExample> train = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            train.add(example(String.format("c-t%03d", (i * 37) % 100), Split.TRAIN, i % 2 == 0 ? "a" : "b", i + 1,
                    null));
        }
        return Fixtures.pool("c", train, 0);
    }

    @Test
    void curriculumStartsWithTheEasiestAndWidensWithCompetence() {
        List<PoolExample> drawn = draw(TaskStream.of(lengthPool(), curriculum("length", "linear"), 1000), 1000);
        Competence linear = new Competence("linear", 0.2, 0.5);
        for (int k = 0; k < drawn.size(); k++) {
            // length = rank in the difficulty order, so the eligible examples are those up to ceil(c · 100)
            assertTrue(drawn.get(k).length() <= Competence.eligible(linear.at(k / 1000.0), 100), "draw " + k);
        }
        assertTrue(drawn.subList(0, 20).stream().allMatch(e -> e.length() <= 22)); // c(0.02) = 0.232 at most
        double[] meanLength = new double[4];
        for (int quarter = 0; quarter < 4; quarter++) {
            meanLength[quarter] = drawn.subList(quarter * 125, quarter * 125 + 125).stream()
                    .mapToInt(PoolExample::length).average().orElseThrow();
        }
        for (int quarter = 1; quarter < 4; quarter++) {
            assertTrue(meanLength[quarter] > meanLength[quarter - 1] + 3, Arrays.toString(meanLength));
        }
        // after the ramp every example is eligible: the mean is near 50.5
        double lateMean = drawn.subList(500, 1000).stream().mapToInt(PoolExample::length).average().orElseThrow();
        assertEquals(50.5, lateMean, 5.0);
    }

    @Test
    void competenceSchedulesMatchPlataniosEtAl() {
        Competence sqrt = new Competence("sqrt", 0.2, 0.5);
        Competence linear = new Competence("linear", 0.2, 0.5);
        assertEquals(0.2, sqrt.at(0), 1e-12);
        assertEquals(Math.sqrt(0.04 + 0.96 * 0.5), sqrt.at(0.25), 1e-12);
        assertEquals(0.6, linear.at(0.25), 1e-12);
        assertEquals(1.0, sqrt.at(0.5), 1e-12);
        assertEquals(1.0, linear.at(0.9), 1e-12);
        assertEquals(20, Competence.eligible(0.2, 100));
        assertEquals(1, Competence.eligible(0.0, 100));
    }

    @Test
    void missingScoresCountAsHardest() {
        List<PoolExample> train = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100; i++) {
            train.add(example(String.format("c-t%03d", i), Split.TRAIN, "a", 5, i % 2 == 0 ? random.nextDouble() : null));
        }
        List<PoolExample> drawn = draw(TaskStream.of(Fixtures.pool("c", train, 0), curriculum("score", "sqrt"), 1000),
                100);
        // the first 100 draws see c ≤ sqrt(0.04 + 0.96 · 0.2) < 0.49: only the 50 scored examples qualify
        drawn.forEach(e -> assertNotNull(e.difficulty(), e.id()));
    }
}
