package io.multitune.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multitune.events.Channels;
import io.multitune.events.Topics;
import java.io.IOException;
import java.io.InputStream;
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
        assertEquals(Topics.DATA_RAW, p.getProperty("mp.messaging.incoming." + Channels.RAW_IN + ".topic"));
        assertEquals(Topics.EXAMPLES, p.getProperty("mp.messaging.outgoing." + Channels.EXAMPLES_OUT + ".topic"));
        assertEquals(Topics.DATA_DLQ, p.getProperty("mp.messaging.outgoing." + Channels.DLQ_OUT + ".topic"));
        assertEquals(Topics.DATASETS, p.getProperty("mp.messaging.outgoing." + Channels.DATASETS_OUT + ".topic"));
    }
}
