package io.multitune.sampling.request;

import java.util.List;

/**
 * The names a run request may use for strategies, adapter types and modes, in one place. They are plain strings
 * on the wire (see {@link io.multitune.events.RunRequest}) so that an unknown name is a field problem instead of a
 * parse failure; the reader, the validator, the defaults and the planner all compare against these constants.
 */
public final class Strategies {

    public static final String ADAPTER_LORA = "lora";
    public static final String ADAPTER_BOTTLENECK = "bottleneck";
    public static final String ADAPTER_FULL = "full";
    public static final List<String> ADAPTERS = List.of(ADAPTER_LORA, ADAPTER_BOTTLENECK, ADAPTER_FULL);

    public static final String TARGET_QUERY = "query";
    public static final String TARGET_KEY = "key";
    public static final String TARGET_VALUE = "value";
    public static final String TARGET_ATTENTION_OUTPUT = "attention-output";
    public static final String TARGET_FFN = "ffn";
    public static final List<String> ADAPTER_TARGETS =
            List.of(TARGET_QUERY, TARGET_KEY, TARGET_VALUE, TARGET_ATTENTION_OUTPUT, TARGET_FFN);

    public static final String WEIGHTING_EQUAL = "equal";
    public static final String WEIGHTING_STATIC = "static";
    public static final String WEIGHTING_UNCERTAINTY = "uncertainty";
    public static final String WEIGHTING_DWA = "dwa";
    public static final String WEIGHTING_GRADNORM = "gradnorm";
    public static final String WEIGHTING_PCGRAD = "pcgrad";
    public static final String WEIGHTING_CAGRAD = "cagrad";
    public static final String WEIGHTING_FAMO = "famo";
    public static final List<String> WEIGHTINGS = List.of(WEIGHTING_EQUAL, WEIGHTING_STATIC, WEIGHTING_UNCERTAINTY,
            WEIGHTING_DWA, WEIGHTING_GRADNORM, WEIGHTING_PCGRAD, WEIGHTING_CAGRAD, WEIGHTING_FAMO);

    /** Parameter names of the weighting strategies ({@code weighting.params} keys). */
    public static final String PARAM_TEMPERATURE = "temperature";
    public static final String PARAM_ALPHA = "alpha";
    public static final String PARAM_LEARNING_RATE = "learningRate";
    public static final String PARAM_C = "c";
    public static final String PARAM_GAMMA = "gamma";

    public static final String SAMPLING_PROPORTIONAL = "proportional";
    public static final String SAMPLING_UNIFORM = "uniform";
    public static final String SAMPLING_TEMPERATURE = "temperature";
    public static final String SAMPLING_CAPPED = "capped";
    public static final String SAMPLING_CURRICULUM = "curriculum";
    public static final String SAMPLING_DYNAMIC = "dynamic";
    public static final List<String> SAMPLINGS = List.of(SAMPLING_PROPORTIONAL, SAMPLING_UNIFORM,
            SAMPLING_TEMPERATURE, SAMPLING_CAPPED, SAMPLING_CURRICULUM, SAMPLING_DYNAMIC);

    public static final String BATCH_MODE_HETEROGENEOUS = "heterogeneous";
    public static final String BATCH_MODE_HOMOGENEOUS = "homogeneous";
    public static final List<String> BATCH_MODES = List.of(BATCH_MODE_HETEROGENEOUS, BATCH_MODE_HOMOGENEOUS);

    public static final String CURRICULUM_DIFFICULTY_LENGTH = "length";
    public static final String CURRICULUM_DIFFICULTY_SCORE = "score";
    public static final List<String> CURRICULUM_DIFFICULTIES =
            List.of(CURRICULUM_DIFFICULTY_LENGTH, CURRICULUM_DIFFICULTY_SCORE);

    public static final String CURRICULUM_SCHEDULE_LINEAR = "linear";
    public static final String CURRICULUM_SCHEDULE_SQRT = "sqrt";
    public static final List<String> CURRICULUM_SCHEDULES =
            List.of(CURRICULUM_SCHEDULE_LINEAR, CURRICULUM_SCHEDULE_SQRT);

    public static final String CURRICULUM_MIXING_PROPORTIONAL = "proportional";
    public static final String CURRICULUM_MIXING_TEMPERATURE = "temperature";
    public static final List<String> CURRICULUM_MIXINGS =
            List.of(CURRICULUM_MIXING_PROPORTIONAL, CURRICULUM_MIXING_TEMPERATURE);

    private Strategies() {
    }
}
