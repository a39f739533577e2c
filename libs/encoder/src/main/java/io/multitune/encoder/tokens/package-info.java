/**
 * Tokenisation for the encoder: Hugging Face tokenizer.json files through DJL's tokenizers binding, batches padded
 * to their longest sequence, and the word-to-first-sub-token alignment token classification needs.
 */
package io.multitune.encoder.tokens;
