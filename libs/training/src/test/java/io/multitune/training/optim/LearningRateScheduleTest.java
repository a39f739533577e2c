package io.multitune.training.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void warmsUpOverTenPercentThenDecaysLinearly() {
        LearningRateSchedule s = LearningRateSchedule.withWarmupFraction(1.0, 20, 0.1);
        assertEquals(2, s.warmupSteps());
        assertEquals(0.5, s.rate(1), 1e-12);
        assertEquals(1.0, s.rate(2), 1e-12);
        assertEquals(1.0, s.rate(3), 1e-12);
        assertEquals(9.0 / 18, s.rate(12), 1e-12);
        assertEquals(1.0 / 18, s.rate(20), 1e-12);
        assertEquals(1.0 / 18, s.rate(25), 1e-12, "past the plan the last rate holds");
    }

    @Test
    void constantIsConstant() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.3);
        assertEquals(0.3, s.rate(1));
        assertEquals(0.3, s.rate(1000));
    }

    @Test
    void warmupOverAllSteps() {
        LearningRateSchedule s = new LearningRateSchedule(1.0, 4, 4);
        assertEquals(0.25, s.rate(1), 1e-12);
        assertEquals(1.0, s.rate(4), 1e-12);
        assertEquals(1.0, s.rate(9), 1e-12);
    }
}
