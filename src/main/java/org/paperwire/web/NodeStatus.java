package org.paperwire.web;

import java.util.List;
import org.paperwire.db.StoreKind;
import org.paperwire.schedule.Leases;

/**
 * What {@code /healthz} and {@code /metrics} tell of this node (issue 11): several nodes may share one store, so
 * each says which store it uses, its name, how far its own search index is behind the store, and what it leases.
 *
 * @param store the database the store is in
 * @param node this node's name ({@link org.paperwire.schedule.NodeId}), as in leases and outbox claims
 * @param indexLag changes to papers in the store that this node's search index has not taken in yet
 * @param leases the leases this node holds now
 */
public record NodeStatus(StoreKind store, String node, long indexLag, List<Leases.Lease> leases) {
    public NodeStatus {
        leases = List.copyOf(leases);
    }
}
