package io.multitune.auditor;

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
                p.getProperty("mp.messaging.incoming." + Channels.AUDITOR_IN + ".topics"));
        assertEquals(Topics.AUDITS, p.getProperty("mp.messaging.outgoing." + Channels.AUDITS_OUT + ".topic"));
    }
}
