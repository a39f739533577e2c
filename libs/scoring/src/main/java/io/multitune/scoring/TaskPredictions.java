package io.multitune.scoring;

import io.multitune.events.TaskType;

import java.util.List;

/**
 * One task's predictions on held-out examples, row i of every array belonging to {@code exampleIds().get(i)}, in the
 * order the examples were given. One record per family of task types, each holding gold and predicted values in the
 * task's natural form.
 */
public sealed interface TaskPredictions {

    String taskId();

    /** The task's type as the job plan gives it. */
    TaskType taskType();

    List<String> exampleIds();

    default int size() {
        return exampleIds().size();
    }

    /**
     * Text and text-pair classification.
     *
     * @param labels        the task's labels; indices below point into it
     * @param gold          gold label index per example
     * @param predicted     predicted label index (argmax of the logits, the first on ties)
     * @param confidence    the predicted label's softmax probability
     * @param probabilities the full softmax vector per example (for calibration)
     */
    record Classification(String taskId, TaskType taskType, List<String> labels, List<String> exampleIds,
                          int[] gold, int[] predicted, double[] confidence, double[][] probabilities)
            implements TaskPredictions {
        public Classification {
            labels = List.copyOf(labels);
            exampleIds = List.copyOf(exampleIds);
            Checks.sameRows(exampleIds.size(), gold.length, predicted.length, confidence.length, probabilities.length);
        }

        /** Whether each example's prediction is its gold label (what McNemar's test reads). */
        public boolean[] correct() {
            boolean[] correct = new boolean[gold.length];
            for (int i = 0; i < correct.length; i++) {
                correct[i] = gold[i] == predicted[i];
            }
            return correct;
        }
    }

    /**
     * Token classification, one tag per word on the word's first sub-token (the training targets' alignment).
     * Words cut off by truncation have no prediction and are left out of both sequences; {@code truncatedWords}
     * counts them per example.
     *
     * @param labels         the task's tag set
     * @param gold           gold tags of the kept words, per example
     * @param predicted      predicted tags (argmax at each word's first sub-token), per example
     * @param truncatedWords per example, how many trailing words truncation dropped
     * @param probabilities  per example and kept word, the softmax over {@code labels} at the word's first
     *                       sub-token (what the bias audit compares between an input and its counterfactual); null
     *                       when not collected
     */
    record Tagging(String taskId, TaskType taskType, List<String> labels, List<String> exampleIds,
                   List<List<String>> gold, List<List<String>> predicted, int[] truncatedWords,
                   List<double[][]> probabilities)
            implements TaskPredictions {
        public Tagging {
            labels = List.copyOf(labels);
            exampleIds = List.copyOf(exampleIds);
            gold = gold.stream().map(List::copyOf).toList();
            predicted = predicted.stream().map(List::copyOf).toList();
            Checks.sameRows(exampleIds.size(), gold.size(), predicted.size(), truncatedWords.length);
            if (probabilities != null) {
                probabilities = List.copyOf(probabilities);
                Checks.sameRows(exampleIds.size(), probabilities.size());
                for (int i = 0; i < probabilities.size(); i++) {
                    Checks.sameRows(predicted.get(i).size(), probabilities.get(i).length);
                }
            }
        }

        /** Predictions without tag probabilities. */
        public Tagging(String taskId, TaskType taskType, List<String> labels, List<String> exampleIds,
                       List<List<String>> gold, List<List<String>> predicted, int[] truncatedWords) {
            this(taskId, taskType, labels, exampleIds, gold, predicted, truncatedWords, null);
        }
    }

    /** Regression: the example's value and the model's output. */
    record Regression(String taskId, TaskType taskType, List<String> exampleIds, double[] gold, double[] predicted)
            implements TaskPredictions {
        public Regression {
            exampleIds = List.copyOf(exampleIds);
            Checks.sameRows(exampleIds.size(), gold.length, predicted.length);
        }
    }

    /**
     * Extractive QA.
     *
     * @param gold           the gold answer text
     * @param predicted      the text of the best start/end span within the context ("" when no context token
     *                       survived truncation)
     * @param predictedStart the span's first token in the encoded row (-1 when none)
     * @param predictedEnd   the span's last token, inclusive (-1 when none)
     */
    record QuestionAnswering(String taskId, TaskType taskType, List<String> exampleIds, List<String> gold,
                             List<String> predicted, int[] predictedStart, int[] predictedEnd)
            implements TaskPredictions {
        public QuestionAnswering {
            exampleIds = List.copyOf(exampleIds);
            gold = List.copyOf(gold);
            predicted = List.copyOf(predicted);
            Checks.sameRows(exampleIds.size(), gold.size(), predicted.size(), predictedStart.length,
                    predictedEnd.length);
        }
    }
}

final class Checks {
    private Checks() {
    }

    static void sameRows(int expected, int... sizes) {
        for (int size : sizes) {
            if (size != expected) {
                throw new IllegalArgumentException("predictions of different lengths: " + expected + " examples, "
                        + size + " values");
            }
        }
    }
}
