package io.multitune.evaluation.metrics;

/**
 * One entity of a BIO-tagged sentence: a typed span of tokens.
 *
 * @param sentence index of the sentence in the corpus
 * @param type     entity type, the tag without its B-/I- prefix
 * @param start    first token, inclusive
 * @param end      last token, inclusive
 */
public record Entity(int sentence, String type, int start, int end) {
}
