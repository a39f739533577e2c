/**
 * Task mixing: how much of a run's training comes from each task. The initial proportions follow the
 * examples-proportional, capped and temperature rules of T5 (Raffel et al. 2020) and FLAN; dynamic mixing moves
 * them after each validation round; {@link io.multitune.sampling.mix.Apportionment} turns proportions into exact
 * integer counts. Pure functions of their arguments, so planner, sequencer and tests agree to the last example.
 */
package io.multitune.sampling.mix;
