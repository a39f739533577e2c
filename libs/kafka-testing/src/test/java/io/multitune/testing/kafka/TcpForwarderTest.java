package io.multitune.testing.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TcpForwarderTest {

    @Test
    void forwardsBytesBothWaysAndDropsConnectionsOnClose() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread echoThread = new Thread(() -> {
                try (Socket s = echo.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException ignored) {
                    // closed
                }
            });
            echoThread.setDaemon(true);
            echoThread.start();

            int port = TcpForwarder.freePort();

            TcpForwarder forwarder = TcpForwarder.listenOn(port, "127.0.0.1", echo.getLocalPort());
            assertEquals(port, forwarder.port());
            try (Socket client = new Socket("localhost", port)) {
                byte[] message = "ping through the forwarder".getBytes(StandardCharsets.UTF_8);
                client.getOutputStream().write(message);
                byte[] back = new byte[message.length];
                new DataInputStream(client.getInputStream()).readFully(back);
                assertArrayEquals(message, back);
                assertEquals(1, forwarder.acceptedConnections());

                forwarder.close();
                client.setSoTimeout(5000);
                int read;
                try {
                    read = client.getInputStream().read();
                } catch (IOException reset) {
                    read = -1;
                }
                assertEquals(-1, read, "the forwarded connection is dropped on close");
            }
            // Closed: it accepts nothing more. (Not "the connect is refused": on a busy machine another process may
            // take the freed port at once.)
            try (Socket late = new Socket("127.0.0.1", port)) {
                late.setSoTimeout(200);
            } catch (ConnectException expected) {
                // nothing listens
            }
            assertEquals(1, forwarder.acceptedConnections());
        }
    }

    @Test
    void kafkaClientsBootstrapThroughTheForwarder() {
        TestBroker broker = TestBroker.shared();
        try (TcpForwarder forwarder = TcpForwarder.listenOn(0, broker.bootstrapServers());
             KafkaTestClient kafka = new KafkaTestClient(forwarder.address())) {
            kafka.produce("via-forwarder", "k", "v", Map.of());
            List<ConsumerRecord<String, byte[]>> records = kafka.consume("via-forwarder", 1, Duration.ofSeconds(30));
            assertEquals("v", KafkaTestClient.valueAsString(records.get(0)));
            assertTrue(forwarder.acceptedConnections() >= 1);
        }
    }
}
