package io.multitune.sampling.request;

/**
 * The run id a request on the runs topic stands for, the same for every reader of the topic: the id in its body,
 * else its record key, else one made from its place in the topic (so a reader reading it again gets the same id).
 */
public final class RequestRunIds {
    private RequestRunIds() {
    }

    public static String of(ReadResult read, String key, int partition, long offset) {
        return read.runId().filter(id -> !id.isBlank()).orElse(
                key != null && !key.isBlank() ? key : "run-p" + partition + "-o" + offset);
    }
}
