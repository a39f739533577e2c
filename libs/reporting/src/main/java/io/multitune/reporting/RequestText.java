package io.multitune.reporting;

import io.multitune.events.RunRequest;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The effective run request in words, one line per setting, as the header prints it. The plan's request has every
 * default filled in, so a missing setting here means the report was drawn without the plan.
 */
final class RequestText {

    private RequestText() {
    }

    static String adapter(RunRequest.Adapter a) {
        if (a == null) {
            return Fmt.DASH;
        }
        String type = a.type() == null ? "lora" : a.type();
        StringBuilder s = new StringBuilder(type);
        switch (type) {
            case "lora" -> s.append(" (r=").append(a.rank() == null ? Fmt.DASH : a.rank())
                    .append(", alpha=").append(Fmt.plain(a.alpha())).append(", dropout=").append(Fmt.plain(a.dropout()))
                    .append(a.targets() == null ? "" : ", targets " + String.join(", ", a.targets())).append(')');
            case "bottleneck" -> s.append(" (size ").append(a.bottleneckSize() == null ? Fmt.DASH : a.bottleneckSize())
                    .append(", dropout=").append(Fmt.plain(a.dropout())).append(')');
            default -> { }
        }
        return s.toString();
    }

    static String weighting(RunRequest.Weighting w) {
        if (w == null) {
            return Fmt.DASH;
        }
        return orDash(w.strategy()) + params(w.params());
    }

    static String sampling(RunRequest.Sampling s) {
        if (s == null) {
            return Fmt.DASH;
        }
        StringBuilder b = new StringBuilder(orDash(s.strategy()));
        if (s.temperature() != null) {
            b.append(", T=").append(Fmt.plain(s.temperature()));
        }
        if (s.cap() != null) {
            b.append(", cap ").append(Fmt.count(s.cap()));
        }
        if (s.batchMode() != null) {
            b.append(", ").append(s.batchMode()).append(" batches");
        }
        return b.toString();
    }

    static String budget(RunRequest.Budget b) {
        if (b == null) {
            return Fmt.DASH;
        }
        return b.steps() != null ? Fmt.count(b.steps()) + " steps" : Fmt.plain(b.epochs()) + " epochs";
    }

    static String validation(RunRequest.Validation v) {
        if (v == null) {
            return Fmt.DASH;
        }
        return "every " + (v.everySteps() == null ? Fmt.DASH : Fmt.count(v.everySteps())) + " steps, patience "
                + (v.patience() == null ? Fmt.DASH : v.patience()) + ", learning rate "
                + Fmt.plain(v.learningRate());
    }

    static String orDash(Object o) {
        return o == null ? Fmt.DASH : o.toString();
    }

    private static String params(Map<String, Double> params) {
        if (params == null || params.isEmpty()) {
            return "";
        }
        return new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + Fmt.plain(e.getValue()))
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
