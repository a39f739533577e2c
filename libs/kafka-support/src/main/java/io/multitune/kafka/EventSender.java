package io.multitune.kafka;

import io.multitune.events.EventCodec;
import io.multitune.events.PipelineEvent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;

/**
 * Sends pipeline events to one topic with a given CloudEvents source, keyed by each event's subject. Services that
 * must know when an event is on the broker (a job's end, a run's judgement, recorded on disk only afterwards) use
 * {@link #sendAndWait}.
 */
public final class EventSender {
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final String source;
    private final Duration timeout;

    public EventSender(Producer<String, byte[]> producer, String topic, String source, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.source = source;
        this.timeout = timeout;
    }

    /** Completes when the broker has the event. */
    public CompletableFuture<Void> send(PipelineEvent event) {
        return Sends.send(producer, EventCodec.INSTANCE.record(topic, event.subject(), event, source));
    }

    /** Sends and waits until the broker has the event; fails naming the event and its subject. */
    public void sendAndWait(PipelineEvent event) {
        try {
            send(event).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + event.getClass().getSimpleName(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send " + event.getClass().getSimpleName() + " of "
                    + event.subject() + " to " + topic + ": " + e.getMessage(), e);
        }
    }

    public String topic() {
        return topic;
    }
}
