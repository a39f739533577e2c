package io.multitune.sampling.request;

import static io.multitune.sampling.request.Strategies.*;

import io.multitune.events.RunRequest;
import io.multitune.events.RunRequest.Adapter;
import io.multitune.events.RunRequest.Weighting;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of what is trained: run id, base model, adapter and task weighting. */
final class ModelChecks {
    /** A run id becomes part of job ids, Kafka keys and artifact paths: nothing that needs escaping anywhere. */
    static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private ModelChecks() {
    }

    /** Schema version and run id: what the request is. */
    static void identity(RunRequest request, ProblemList problems) {
        if (request.schemaVersion() != RunRequest.SCHEMA_VERSION) {
            problems.bad("schemaVersion", "version " + request.schemaVersion() + " is not supported (supported: "
                    + RunRequest.SCHEMA_VERSION + ")");
        }
        if (request.runId() == null || request.runId().isBlank()) {
            problems.missing("runId", "a run needs an id");
        } else if (!RUN_ID.matcher(request.runId()).matches()) {
            problems.bad("runId", "'" + request.runId() + "' is not a valid run id: use 1 to 100 letters, digits,"
                    + " '.', '_' or '-', starting with a letter or digit");
        }
    }

    /** Base model, adapter and weighting: what is trained and how the task losses combine. */
    static void model(RunRequest request, ProblemList problems) {
        if (request.baseModel() != null && request.baseModel().isBlank()) {
            problems.missing("baseModel", "name the pretrained encoder, or leave baseModel out for "
                    + RunDefaults.BASE_MODEL);
        }
        adapter(request.adapter(), problems);
        weighting(request.weighting(), problems);
    }

    private static void adapter(Adapter adapter, ProblemList problems) {
        if (adapter == null) {
            return;
        }
        problems.knownName("adapter.type", adapter.type(), ADAPTERS, "adapter type");
        problems.atLeast("adapter.rank", adapter.rank(), 1);
        problems.positive("adapter.alpha", adapter.alpha());
        problems.within("adapter.dropout", adapter.dropout(), 0, true, 1, false);
        problems.atLeast("adapter.bottleneckSize", adapter.bottleneckSize(), 1);
        List<String> targets = adapter.targets();
        if (targets == null) {
            return;
        }
        if (targets.isEmpty()) {
            problems.bad("adapter.targets", "name at least one of " + Spelling.list(ADAPTER_TARGETS));
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < targets.size(); j++) {
            String target = targets.get(j);
            String field = "adapter.targets[" + j + "]";
            if (target == null || !ADAPTER_TARGETS.contains(target)) {
                problems.bad(field, "unknown target module '" + target + "'"
                        + Spelling.hint(String.valueOf(target), ADAPTER_TARGETS));
            } else if (!seen.add(target)) {
                problems.bad(field, "target module '" + target + "' is listed twice");
            }
        }
    }

    private static void weighting(Weighting weighting, ProblemList problems) {
        if (weighting == null || weighting.strategy() == null) {
            return;
        }
        String strategy = weighting.strategy();
        if (!WEIGHTINGS.contains(strategy)) {
            problems.knownName("weighting.strategy", strategy, WEIGHTINGS, "weighting strategy");
            return; // its parameters cannot be judged
        }
        Map<String, Double> params = weighting.params() == null ? Map.of() : weighting.params();
        Set<String> documented = RunDefaults.weightingParamDefaults(strategy).keySet();
        for (Map.Entry<String, Double> param : params.entrySet()) {
            String field = "weighting.params." + param.getKey();
            if (!documented.contains(param.getKey())) {
                problems.bad(field, documented.isEmpty()
                        ? "weighting '" + strategy + "' takes no parameters"
                        : "weighting '" + strategy + "' has no parameter '" + param.getKey() + "'"
                                + Spelling.hint(param.getKey(), documented));
            } else if (param.getValue() == null) {
                problems.bad(field, "must be a number");
            } else {
                paramRange(field, strategy, param.getKey(), param.getValue(), problems);
            }
        }
    }

    private static void paramRange(String field, String strategy, String name, double value, ProblemList problems) {
        switch (name) {
            case PARAM_TEMPERATURE, PARAM_LEARNING_RATE -> problems.positive(field, value);
            case PARAM_ALPHA, PARAM_GAMMA -> problems.nonNegative(field, value);
            case PARAM_C -> problems.within(field, value, 0, true, 1, false);
            default -> throw new IllegalStateException("no range for " + strategy + " parameter " + name);
        }
    }
}
