package org.paperwire.digest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.paperwire.schedule.Leases;
import org.paperwire.schedule.NodeId;
import org.paperwire.subscription.Subscriber;

/**
 * How digest runs share their work among the nodes (and {@code digest run} commands) that share a store:
 * subscribers are cut into batches by id ({@code id / size}), and a node builds a batch's digests only while it
 * holds the batch's lease. So two nodes never build (and render) the same subscriber's digest, and a node killed
 * mid-batch leaves the batch to the others once its lease ran out ({@link #LEASE} after its last renewal).
 * Sending needs no batch lease: the outbox's claims give each row to one sender at a time.
 *
 * @param leases where batch leases are taken
 * @param node this node: holds the batch leases and claims the outbox rows
 * @param size subscribers per batch; every node must cut alike, since a lease names its batch by number, so only
 *     tests choose another than {@link #SIZE}
 */
public record DigestBatches(Leases leases, NodeId node, int size) {
    /** Subscribers per batch: large enough that leasing costs little beside building, small enough to share. */
    public static final int SIZE = 200;
    /** How long a batch lease lasts without renewal; the node that holds it renews it every third of that. */
    public static final Duration LEASE = Duration.ofMinutes(2);

    public DigestBatches {
        if (size < 1) {
            throw new IllegalArgumentException("a digest batch needs at least one subscriber, not " + size);
        }
    }

    public static DigestBatches of(Leases leases, NodeId node) {
        return new DigestBatches(leases, node, SIZE);
    }

    /** One batch: its number and its subscribers among those chosen for a run. */
    record Batch(long number, List<Subscriber> subscribers) {
        List<Long> ids() {
            return subscribers.stream().map(Subscriber::id).toList();
        }
    }

    /** The chosen subscribers' batches, by number. */
    List<Batch> cut(List<Subscriber> chosen) {
        Map<Long, List<Subscriber>> byNumber = new TreeMap<>();
        for (Subscriber s : chosen) {
            byNumber.computeIfAbsent(s.id() / size, n -> new ArrayList<>()).add(s);
        }
        return byNumber.entrySet().stream().map(e -> new Batch(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    /** The name of batch {@code number}'s lease. */
    static String leaseName(long number) {
        return "digest-batch:" + number;
    }
}
