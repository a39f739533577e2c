package io.multitune.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multitune.events.Channels;
import io.multitune.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The topic names in application.properties are the contract's constants (properties cannot refer to Java). */
class ChannelBindingTest {
    @Test
    void everyChannelIsBoundToItsContractTopic() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertEquals(String.join(",", List.of(Topics.RUNS, Topics.TRAINING)),
                p.getProperty("mp.messaging.incoming." + Channels.EVALUATOR_IN + ".topics"));
        assertEquals(Topics.EVALUATIONS,
                p.getProperty("mp.messaging.outgoing." + Channels.EVALUATIONS_OUT + ".topic"));
        assertEquals(String.join(",", List.of(Topics.RUNS, Topics.TRAINING, Topics.EVALUATIONS, Topics.AUDITS)),
                p.getProperty("mp.messaging.incoming." + Channels.LIFECYCLE_IN + ".topics"));
        assertEquals(Topics.RUNS, p.getProperty("mp.messaging.outgoing." + Channels.RUNS_OUT + ".topic"));
    }
}
