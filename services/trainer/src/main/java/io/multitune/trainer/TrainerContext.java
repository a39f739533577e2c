package io.multitune.trainer;

import java.util.Map;

/** What every job run needs from the service: settings, event sending, metrics, base models, the broker. */
record TrainerContext(TrainerConfig config, TrainerEvents events, TrainerMetrics metrics, BaseModels baseModels,
                      ArtifactExport artifacts, Map<String, Object> kafkaConfig, String replica) {
}
