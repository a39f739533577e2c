package io.multitune.testing.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy: connections to {@code 127.0.0.1:port} are piped to {@code targetHost:targetPort}.
 *
 * <p>For "a broker that appears late": start the service pointing at {@code localhost:port} of {@link #freePort()},
 * where nothing listens yet, then {@link #listenOn(int, String, int)} that port to the real broker. Kafka clients
 * bootstrap through the forwarder and then connect to the broker's own advertised address from the metadata, which is
 * fine on one machine. {@link #close()} drops every piped connection and stops listening ("the broker went away").
 */
public final class TcpForwarder implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    private TcpForwarder(ServerSocket server, String targetHost, int targetPort) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /**
     * Listens on {@code 127.0.0.1:port} (0: any free port, see {@link #port()}) and forwards to the target.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static TcpForwarder listenOn(int port, String targetHost, int targetPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            TcpForwarder forwarder = new TcpForwarder(server, targetHost, targetPort);
            Thread acceptor = new Thread(forwarder::acceptLoop, "tcp-forwarder-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return forwarder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** Forwards to a {@code host:port} address, e.g. the first entry of a bootstrap servers list. */
    public static TcpForwarder listenOn(int port, String target) {
        String first = target.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected host:port, got '" + target + "'");
        }
        return listenOn(port, first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
    }

    /** A TCP port on the loopback interface that is free right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port: " + e.getMessage(), e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** {@code localhost:port}, to use as bootstrap servers. */
    public String address() {
        return "localhost:" + port();
    }

    /** How many connections it has accepted so far. */
    public int acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (closed) {
                // A connection that raced with close() is dropped, not forwarded or counted.
                closeQuietly(client);
                return;
            }
            accepted.incrementAndGet();
            Socket upstream = new Socket();
            try {
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 10_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue; // the target is down: the client sees the connection drop, as with a dead broker
            }
            sockets.add(client);
            sockets.add(upstream);
            if (closed) {
                closeQuietly(client);
                closeQuietly(upstream);
                return;
            }
            pipe(client, upstream, "up");
            pipe(upstream, client, "down");
        }
    }

    private void pipe(Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // one side closed
            } catch (IOException e) {
                // one side failed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "tcp-forwarder-" + port() + "-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops listening and drops every forwarded connection. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing
        }
    }

    @Override
    public String toString() {
        return "TcpForwarder[127.0.0.1:" + port() + " -> " + targetHost + ":" + targetPort + "]";
    }
}
