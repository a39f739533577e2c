package io.multitune.kafka;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** A producer send as a future that completes when the broker has acknowledged the record. */
public final class Sends {
    private Sends() {
    }

    public static <K, V> CompletableFuture<Void> send(Producer<K, V> producer, ProducerRecord<K, V> record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        producer.send(record, (metadata, failure) -> {
            if (failure == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }
}
