/**
 * Representation of identity terms in the data: how often each term of each list occurs, per task and split, counted
 * over the text inputs of the standard examples (text, text pair, question, context, and the tokens of tagging
 * examples). A task whose training data mention one column of a list far more often than another is visible here
 * before any model is blamed for it.
 */
package io.multitune.fairness.representation;
