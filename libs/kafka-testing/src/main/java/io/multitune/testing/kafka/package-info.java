/**
 * A real Kafka broker for tests, and small helpers around it.
 *
 * <ul>
 *   <li>{@link io.multitune.testing.kafka.KafkaBrokerResource}: the Quarkus test resource. Put
 *       {@code @QuarkusTestResource(KafkaBrokerResource.class)} (or {@code @WithTestResource}) on a test class; it
 *       returns {@code kafka.bootstrap.servers} and turns Kafka Dev Services off.</li>
 *   <li>{@link io.multitune.testing.kafka.TestBroker}: the same broker without Quarkus; one per JVM, shared by every
 *       test class, stopped by a JVM shutdown hook.</li>
 *   <li>{@link io.multitune.testing.kafka.KafkaTestClient}: produce raw records and read them back.</li>
 *   <li>{@link io.multitune.testing.kafka.TcpForwarder}: a loopback TCP proxy, to make a broker "appear late" or
 *       "go away" under a fixed address.</li>
 * </ul>
 *
 * <p>Which broker, chosen by system property (or the environment variable in brackets):
 * <ul>
 *   <li>{@code multitune.test.broker=embedded} ({@code MULTITUNE_TEST_BROKER}), the default: an in-process KRaft
 *       broker ({@code org.apache.kafka.common.test.KafkaClusterTestKit}), ~5 s to start, its INFO logging silenced.</li>
 *   <li>{@code multitune.test.broker=container}: a Testcontainers {@code org.testcontainers.kafka.KafkaContainer}
 *       running {@code multitune.test.broker.image} ({@code MULTITUNE_TEST_BROKER_IMAGE}, default
 *       {@code apache/kafka:4.1.2}); needs Docker.</li>
 *   <li>{@code multitune.test.broker=external} with {@code multitune.test.bootstrap}
 *       ({@code MULTITUNE_TEST_BOOTSTRAP}): an existing cluster; nothing is started or stopped.</li>
 * </ul>
 * Started brokers auto-create topics with 1 partition, replication factor 1, and fast group settings
 * (see {@link io.multitune.testing.kafka.TestBroker#BROKER_SETTINGS}).
 *
 * <p>This jar's {@code META-INF/microprofile-config.properties} sets {@code quarkus.kafka.devservices.enabled=false}:
 * as a test dependency it turns Kafka Dev Services off in tests only, before Quarkus would probe for Docker.
 */
package io.multitune.testing.kafka;
