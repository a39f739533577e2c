package io.multitune.evaluator;

import io.multitune.events.ExampleInput;
import io.multitune.events.RunEvaluated.ReviewCase;
import io.multitune.events.RunEvaluated.TaskReview;
import io.multitune.events.StandardExample;
import io.multitune.scoring.TaskPredictions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The qualitative review of a task: up to N errors of the multi-task model and up to N examples where it and the
 * baseline answer differently, each with the input, the gold answer and both predictions. Which examples are shown
 * is fixed by a hash of their ids, so a review is the same at every evaluation and does not favour the head of the
 * test set; for regression, the largest errors and the largest disagreements are shown instead.
 */
final class ReviewCases {
    private final int casesPerKind;
    private final int inputChars;

    ReviewCases(int casesPerKind, int inputChars) {
        this.casesPerKind = casesPerKind;
        this.inputChars = inputChars;
    }

    /** The review of one task; {@code baseline} is null when the task has none. */
    TaskReview review(String taskId, TaskPredictions mtl, TaskPredictions baseline,
                      Map<String, StandardExample> examples) {
        List<Integer> order = shownOrder(mtl, baseline);
        List<ReviewCase> errors = pick(order, i -> !right(mtl, i), mtl, baseline, examples);
        List<ReviewCase> disagreements = baseline == null ? List.of()
                : pick(order, i -> !answer(mtl, i).equals(answer(baseline, i)), mtl, baseline, examples);
        return new TaskReview(taskId, errors, disagreements);
    }

    private List<Integer> shownOrder(TaskPredictions mtl, TaskPredictions baseline) {
        if (mtl instanceof TaskPredictions.Regression r) {
            Comparator<Integer> byError = Comparator.comparingDouble(i -> -Math.abs(r.predicted()[i] - r.gold()[i]));
            if (baseline instanceof TaskPredictions.Regression b) {
                byError = Comparator.comparingDouble(i -> -Math.abs(r.predicted()[i] - b.predicted()[i]));
            }
            return IntStream.range(0, r.size()).boxed().sorted(byError).toList();
        }
        List<String> ids = mtl.exampleIds();
        return IntStream.range(0, ids.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> mix(ids.get(i))).thenComparing(ids::get)).toList();
    }

    private List<ReviewCase> pick(List<Integer> order, IntPredicate shown, TaskPredictions mtl,
                                  TaskPredictions baseline, Map<String, StandardExample> examples) {
        List<ReviewCase> cases = new ArrayList<>();
        for (int i : order) {
            if (cases.size() == casesPerKind) {
                break;
            }
            if (shown.test(i)) {
                cases.add(reviewCase(i, mtl, baseline, examples.get(mtl.exampleIds().get(i))));
            }
        }
        return cases;
    }

    private ReviewCase reviewCase(int i, TaskPredictions mtl, TaskPredictions baseline, StandardExample example) {
        return new ReviewCase(mtl.exampleIds().get(i), example == null ? "" : input(example.input()), gold(mtl, i),
                answer(mtl, i), confidence(mtl, i), baseline == null ? null : answer(baseline, i),
                baseline == null ? null : confidence(baseline, i));
    }

    private static boolean right(TaskPredictions p, int i) {
        if (p instanceof TaskPredictions.Classification c) {
            return c.gold()[i] == c.predicted()[i];
        }
        if (p instanceof TaskPredictions.Tagging t) {
            return t.gold().get(i).equals(t.predicted().get(i));
        }
        if (p instanceof TaskPredictions.QuestionAnswering q) {
            return normal(q.gold().get(i)).equals(normal(q.predicted().get(i)));
        }
        return false; // regression: every prediction is off by something; the largest errors are shown
    }

    static String answer(TaskPredictions p, int i) {
        if (p instanceof TaskPredictions.Classification c) {
            return c.labels().get(c.predicted()[i]);
        }
        if (p instanceof TaskPredictions.Tagging t) {
            return String.join(" ", t.predicted().get(i));
        }
        if (p instanceof TaskPredictions.Regression r) {
            return String.format(Locale.ROOT, "%.3f", r.predicted()[i]);
        }
        return ((TaskPredictions.QuestionAnswering) p).predicted().get(i);
    }

    private static String gold(TaskPredictions p, int i) {
        if (p instanceof TaskPredictions.Classification c) {
            return c.labels().get(c.gold()[i]);
        }
        if (p instanceof TaskPredictions.Tagging t) {
            return String.join(" ", t.gold().get(i));
        }
        if (p instanceof TaskPredictions.Regression r) {
            return String.format(Locale.ROOT, "%.3f", r.gold()[i]);
        }
        return ((TaskPredictions.QuestionAnswering) p).gold().get(i);
    }

    private static Double confidence(TaskPredictions p, int i) {
        return p instanceof TaskPredictions.Classification c ? c.confidence()[i] : null;
    }

    private String input(ExampleInput in) {
        String text;
        if (in.tokens() != null) {
            text = String.join(" ", in.tokens());
        } else if (in.question() != null) {
            text = in.question() + " ‖ " + Objects.toString(in.context(), "");
        } else if (in.textPair() != null) {
            text = in.text() + " ‖ " + in.textPair();
        } else {
            text = Objects.toString(in.text(), "");
        }
        return text.length() <= inputChars ? text : text.substring(0, inputChars) + "…";
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}]", " ").replaceAll("\\s+", " ").trim();
    }

    /** A 32-bit mix of an id's hash: a stable shuffle. */
    private static int mix(String id) {
        int h = id.hashCode() * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
