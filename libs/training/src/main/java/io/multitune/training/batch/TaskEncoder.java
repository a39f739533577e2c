package io.multitune.training.batch;

import io.multitune.encoder.tokens.BertTokenization;
import io.multitune.encoder.tokens.EncodedBatch;
import io.multitune.encoder.tokens.WordAlignedBatch;
import io.multitune.events.ExampleTarget.AnswerSpan;
import io.multitune.events.RunPlanned.TaskPlan;
import io.multitune.events.StandardExample;
import io.multitune.events.TaskType;
import io.multitune.training.MalformedBatchException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Tokenises one task's examples and maps their targets, per task type. */
sealed interface TaskEncoder {

    TaskBatch encode(int taskIndex, List<StandardExample> examples);

    private static List<String> ids(List<StandardExample> examples) {
        return examples.stream().map(StandardExample::id).toList();
    }

    /**
     * Single texts, or text pairs where the example has a second text (always for text-pair classification); a
     * batch mixing both is encoded in two calls and interleaved back into the examples' order.
     */
    private static EncodedBatch encodeTexts(BertTokenization tokens, List<StandardExample> examples,
                                            boolean pairsRequired) {
        List<String> singles = new ArrayList<>();
        List<String> firsts = new ArrayList<>();
        List<String> seconds = new ArrayList<>();
        int[] singleRows = new int[examples.size()];
        int[] pairRows = new int[examples.size()];
        for (int r = 0; r < examples.size(); r++) {
            StandardExample e = examples.get(r);
            String text = ExampleFields.text(e);
            String pair = pairsRequired ? ExampleFields.textPair(e) : e.input().textPair();
            if (pair == null) {
                singleRows[singles.size()] = r;
                singles.add(text);
            } else {
                pairRows[firsts.size()] = r;
                firsts.add(text);
                seconds.add(pair);
            }
        }
        if (firsts.isEmpty()) {
            return tokens.encode(singles);
        }
        if (singles.isEmpty()) {
            return tokens.encodePairs(firsts, seconds);
        }
        return EncodedBatches.interleave(List.of(tokens.encode(singles), tokens.encodePairs(firsts, seconds)),
                new int[][] {Arrays.copyOf(singleRows, singles.size()),
                             Arrays.copyOf(pairRows, firsts.size())},
                examples.size(), tokens.padId());
    }

    private static List<String> requireLabels(TaskPlan task) {
        if (task.labels() == null || task.labels().isEmpty()) {
            throw new IllegalArgumentException("task '" + task.taskId() + "' (" + task.taskType().wireName()
                    + ") has no labels in the job plan");
        }
        return task.labels();
    }

    /** Text and text-pair classification: label indices. */
    record Classification(TaskPlan task, BertTokenization tokens, ExampleFields.LabelIndex labels)
            implements TaskEncoder {
        Classification(TaskPlan task, BertTokenization tokens) {
            this(task, tokens, new ExampleFields.LabelIndex(task.taskId(), requireLabels(task)));
        }

        @Override
        public TaskBatch encode(int taskIndex, List<StandardExample> examples) {
            int[] targets = new int[examples.size()];
            for (int r = 0; r < targets.length; r++) {
                StandardExample e = examples.get(r);
                targets[r] = labels.of(e, ExampleFields.label(e), "target.label");
            }
            EncodedBatch inputs = encodeTexts(tokens, examples, task.taskType() == TaskType.TEXT_PAIR_CLASSIFICATION);
            return new TaskBatch(taskIndex, task.taskId(), ids(examples), inputs, new TaskTargets.ClassLabels(targets));
        }
    }

    /** Regression on one or two texts: the values as given. */
    record Regression(TaskPlan task, BertTokenization tokens) implements TaskEncoder {
        @Override
        public TaskBatch encode(int taskIndex, List<StandardExample> examples) {
            float[] values = new float[examples.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = (float) ExampleFields.value(examples.get(r));
            }
            EncodedBatch inputs = encodeTexts(tokens, examples, false);
            return new TaskBatch(taskIndex, task.taskId(), ids(examples), inputs, new TaskTargets.Values(values));
        }
    }

    /** Token classification: one tag per word, on the word's first sub-token. */
    record Tagging(TaskPlan task, BertTokenization tokens, ExampleFields.LabelIndex labels) implements TaskEncoder {
        Tagging(TaskPlan task, BertTokenization tokens) {
            this(task, tokens, new ExampleFields.LabelIndex(task.taskId(), requireLabels(task)));
        }

        @Override
        public TaskBatch encode(int taskIndex, List<StandardExample> examples) {
            List<List<String>> sentences = new ArrayList<>();
            List<int[]> tags = new ArrayList<>();
            for (StandardExample e : examples) {
                List<String> words = ExampleFields.tokens(e);
                List<String> wordTags = ExampleFields.tags(e);
                if (wordTags.size() != words.size()) {
                    throw new MalformedBatchException(e.id(), "target.tags", wordTags.size() + " tags for "
                            + words.size() + " tokens");
                }
                int[] indices = new int[wordTags.size()];
                for (int w = 0; w < indices.length; w++) {
                    indices[w] = labels.of(e, wordTags.get(w), "target.tags[" + w + "]");
                }
                sentences.add(words);
                tags.add(indices);
            }
            WordAlignedBatch aligned = tokens.encodeWords(sentences);
            EncodedBatch inputs = aligned.batch();
            TaskTargets targets = new TaskTargets.TokenLabels(aligned.alignLabels(tags), inputs.size(),
                    inputs.length());
            return new TaskBatch(taskIndex, task.taskId(), ids(examples), inputs, targets);
        }
    }

    /** Extractive QA: the answer's token span, found from the context tokens' character spans. */
    record QuestionAnswering(TaskPlan task, QuestionContextTokenizer tokenizer, long padId) implements TaskEncoder {
        @Override
        public TaskBatch encode(int taskIndex, List<StandardExample> examples) {
            List<QuestionContextTokenizer.Row> rows = new ArrayList<>();
            List<TaskTargets.SpanContext> contexts = new ArrayList<>();
            int[] starts = new int[examples.size()];
            int[] ends = new int[examples.size()];
            for (int r = 0; r < starts.length; r++) {
                StandardExample e = examples.get(r);
                String question = ExampleFields.require(e, e.input() == null ? null : e.input().question(),
                        "input.question");
                String context = ExampleFields.require(e, e.input().context(), "input.context");
                AnswerSpan answer = ExampleFields.require(e, e.target() == null ? null : e.target().answer(),
                        "target.answer");
                if (answer.start() < 0 || answer.end() < answer.start() || answer.end() > context.length()) {
                    throw new MalformedBatchException(e.id(), "target.answer", "span [" + answer.start() + ", "
                            + answer.end() + ") lies outside the context of " + context.length() + " chars");
                }
                QuestionContextTokenizer.Row row = tokenizer.encode(question, context);
                int[] span = QuestionContextTokenizer.answerTokens(row, answer.start(), answer.end());
                starts[r] = span[0];
                ends[r] = span[1];
                rows.add(row);
                String text = answer.text() != null ? answer.text() : context.substring(answer.start(), answer.end());
                contexts.add(new TaskTargets.SpanContext(context, row.charStart(), row.charEnd(), text));
            }
            EncodedBatch inputs = QuestionContextTokenizer.batch(rows, padId);
            return new TaskBatch(taskIndex, task.taskId(), ids(examples), inputs,
                    new TaskTargets.Spans(starts, ends, contexts));
        }
    }
}
