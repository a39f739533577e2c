/**
 * The Java CLI behind {@code ./multitune}: a local KRaft broker, the services as processes, a file producer for the
 * raw topic, the demo and the benchmarks. It is a plain Kafka client of the pipeline, with no privileged access:
 * everything it does, any Kafka producer or consumer can do.
 */
package io.multitune.cli;
