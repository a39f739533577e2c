/**
 * The contract between multitune's services and anyone who speaks Kafka to them: topic and channel names, one Java
 * record per event (each carrying its schema version), and the codec that writes them as JSON with CloudEvents
 * headers in binary mode and refuses schema versions it does not know. Plain Java: no Quarkus, so the CLI, the
 * services and outside producers share the same classes.
 */
package io.multitune.events;
