package io.multitune.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks the Kafka cluster whether it answers, for readiness checks: each call is a real round trip with a short
 * timeout, so readiness drops while the broker is unreachable. One admin client is created on first use and kept.
 */
public final class BrokerProbe implements AutoCloseable {
    private final Map<String, Object> clientConfig;
    private final Duration timeout;
    private volatile Admin admin;

    public BrokerProbe(Map<String, Object> clientConfig, Duration timeout) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.timeout = timeout;
    }

    /**
     * The number of brokers that answered.
     *
     * @throws ProbeFailedException with the reason when the cluster did not answer in time
     */
    public int brokers() {
        long ms = timeout.toMillis();
        try {
            return admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) ms)).nodes()
                    .get(ms, TimeUnit.MILLISECONDS).size();
        } catch (ExecutionException e) {
            throw new ProbeFailedException("unreachable: " + e.getCause().getClass().getSimpleName(), e.getCause());
        } catch (TimeoutException e) {
            throw new ProbeFailedException("unreachable: no answer within " + ms + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeFailedException("interrupted", e);
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> props = new HashMap<>(clientConfig);
                    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
                    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
                    admin = Admin.create(props);
                }
            }
        }
        return admin;
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }

    /** The cluster did not answer. */
    public static final class ProbeFailedException extends RuntimeException {
        ProbeFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
