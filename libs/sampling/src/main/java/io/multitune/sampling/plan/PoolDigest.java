package io.multitune.sampling.plan;

import io.multitune.sampling.pool.TaskPool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The fingerprint of a job's data: hex SHA-256 over the sorted ids of every training and validation example of the
 * job's tasks, each id followed by '\n'. A restarted sampler compares it with the planned one before continuing a
 * job, because the same seed over different pools would give different batches.
 */
public final class PoolDigest {

    private PoolDigest() {
    }

    public static String of(List<TaskPool> pools) {
        List<String> ids = new ArrayList<>();
        for (TaskPool pool : pools) {
            pool.train().forEach(e -> ids.add(e.id()));
            pool.validation().forEach(e -> ids.add(e.id()));
        }
        ids.sort(null);
        MessageDigest sha256 = sha256();
        for (String id : ids) {
            sha256.update(id.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
