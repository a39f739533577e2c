package io.multitune.sampling.request;

import static io.multitune.sampling.request.Strategies.*;

import io.multitune.events.RunRequest.Curriculum;
import io.multitune.events.RunRequest.Dynamic;
import io.multitune.events.RunRequest.Sampling;

/** Checks of {@code sampling}: how tasks are mixed and examples ordered. */
final class SamplingChecks {
    private SamplingChecks() {
    }

    static void check(Sampling sampling, ProblemList problems) {
        if (sampling == null) {
            return;
        }
        problems.knownName("sampling.strategy", sampling.strategy(), SAMPLINGS, "sampling strategy");
        problems.positive("sampling.temperature", sampling.temperature());
        problems.atLeast("sampling.cap", sampling.cap(), 1);
        if (SAMPLING_CAPPED.equals(sampling.strategy()) && sampling.cap() == null) {
            problems.missing("sampling.cap", "strategy 'capped' needs cap: the most examples counted per task");
        }
        problems.knownName("sampling.batchMode", sampling.batchMode(), BATCH_MODES, "batch mode");
        problems.atLeast("sampling.window", sampling.window(), 1);
        curriculum(sampling.curriculum(), problems);
        dynamic(sampling.dynamic(), problems);
    }

    // Checked whatever the strategy: the effective request carries these settings, and a wrong one is wrong anyway.
    private static void curriculum(Curriculum curriculum, ProblemList problems) {
        if (curriculum == null) {
            return;
        }
        problems.knownName("sampling.curriculum.difficulty", curriculum.difficulty(), CURRICULUM_DIFFICULTIES,
                "difficulty measure");
        problems.knownName("sampling.curriculum.schedule", curriculum.schedule(), CURRICULUM_SCHEDULES,
                "competence schedule");
        problems.within("sampling.curriculum.initialCompetence", curriculum.initialCompetence(), 0, false, 1, true);
        problems.within("sampling.curriculum.rampFraction", curriculum.rampFraction(), 0, false, 1, true);
        problems.knownName("sampling.curriculum.mixing", curriculum.mixing(), CURRICULUM_MIXINGS,
                "curriculum mixing");
    }

    private static void dynamic(Dynamic dynamic, ProblemList problems) {
        if (dynamic == null) {
            return;
        }
        problems.positive("sampling.dynamic.eta", dynamic.eta());
        if (dynamic.maxFactor() != null && !(dynamic.maxFactor() >= 1 && Double.isFinite(dynamic.maxFactor()))) {
            problems.bad("sampling.dynamic.maxFactor", "must be a number of at least 1");
        }
    }
}
