package io.multitune.sampling.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationScheduleTest {

    private static List<String> rounds(long steps, long every) {
        ValidationSchedule schedule = new ValidationSchedule(steps, every);
        List<String> found = new ArrayList<>();
        for (long s = 0; s <= steps; s++) {
            int round = schedule.roundAfter(s);
            if (round > 0) {
                found.add(round + "@" + s);
            }
        }
        assertEquals(schedule.rounds(), found.size());
        return found;
    }

    @Test
    void roundsFallEveryVStepsAndAfterTheLast() {
        assertEquals(List.of("1@4", "2@8", "3@10"), rounds(10, 4));
        assertEquals(List.of("1@5", "2@10"), rounds(10, 5));
        assertEquals(List.of("1@10"), rounds(10, 0));
        assertEquals(List.of("1@10"), rounds(10, 50));
        assertEquals(List.of("1@0"), rounds(0, 50));
    }
}
