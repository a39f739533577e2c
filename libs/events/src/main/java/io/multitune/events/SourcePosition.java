package io.multitune.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a record came from: the raw message's topic, partition and offset, the record's index within
 * that message (a message may carry many records), and the producer's own record id when it gave one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourcePosition(String topic, int partition, long offset, int index, String sourceId) {
}
