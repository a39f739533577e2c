/**
 * How a run ends. Every service does its stage and emits its events; none of them knows whether the run as a whole
 * is done. {@link io.multitune.lifecycle.RunLifecycle} reads all of those events and decides, for every run, the
 * one event that ends it: run-completed with the overall verdict once both the evaluation and the bias audit are
 * in, or run-failed naming the stage that failed, or that stopped answering within its timeout. Nothing here talks
 * to Kafka or the disk; the hosting service feeds it records and writes what it decides.
 */
package io.multitune.lifecycle;
