package io.multitune.lifecycle;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a run may wait for each stage before it fails with a reason.
 *
 * @param planTimeout          from a request to its plan or rejection (longer than the sampler's wait for datasets
 *                             still being ingested)
 * @param trainingStallTimeout how long the training topic may stay silent while a planned job has not ended: the
 *                             trainer is down or stuck (silence, not duration: a run queued behind another run's
 *                             long training does not time out while that training reports progress)
 * @param judgementTimeout     from the end of a run's last job to its evaluation and to its bias audit
 */
public record LifecycleSettings(Duration planTimeout, Duration trainingStallTimeout, Duration judgementTimeout) {

    public LifecycleSettings {
        Objects.requireNonNull(planTimeout, "planTimeout");
        Objects.requireNonNull(trainingStallTimeout, "trainingStallTimeout");
        Objects.requireNonNull(judgementTimeout, "judgementTimeout");
    }
}
