/**
 * Identity-term lists and the swaps that turn an input into its counterfactuals.
 *
 * <p>A {@link io.multitune.fairness.terms.TermList} is one category (gender, religion, ...) of equivalence groups
 * whose positions are aligned columns: in the shipped gender lists column 0 is masculine and column 1 feminine, so
 * {@code he | she} and {@code james | mary} swap together and a text stays consistent ("James said he ..." becomes
 * "Mary said she ..."). {@link io.multitune.fairness.terms.TermSwapper} makes, for a list of arity k, the k − 1
 * rotations of the columns: with pairs that is the classic two-way swap, with groups of three or more every term is
 * moved to each other member in turn, the same shift for every term of the text.
 *
 * <p>Lists are read by {@link io.multitune.fairness.terms.TermLists}, which also holds the shipped ones
 * ({@code gender-pairs.txt}, {@code gender-names.txt}, written by the project's developers and deliberately small).
 */
package io.multitune.fairness.terms;
