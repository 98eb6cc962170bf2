package io.ringside.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What this node did and learned about other nodes since the registry's view was read: the new rooms
 * it sent them, the seats it sent joins to in their rooms, and their rooms a seat reservation found
 * full. So a burst of placements between two heartbeats neither sends every new room to the node
 * that looked emptiest when the burst began nor sends more joins to other nodes' rooms than the view
 * shows free seats. Each fact holds until
 * two views newer than it were read (the first may have been read before the other node published
 * the change). Any thread; one short lock.
 */
final class PendingRooms {
    private Object current;
    private Map<String, Integer> sinceCurrent = new HashMap<>();
    private Map<String, Integer> sincePrevious = new HashMap<>();
    private Map<String, Integer> seatsSinceCurrent = new HashMap<>();
    private Map<String, Integer> seatsSincePrevious = new HashMap<>();
    private Set<String> fullSinceCurrent = new HashSet<>();
    private Set<String> fullSincePrevious = new HashSet<>();

    /** A new room was sent to node {@code nodeId} while the view was {@code view}. */
    synchronized void sent(ClusterView view, String nodeId) {
        rotate(view);
        sinceCurrent.merge(nodeId, 1, Integer::sum);
    }

    /** Whether a new room was sent to node {@code nodeId} that {@code view} may not show yet. */
    synchronized boolean any(ClusterView view, String nodeId) {
        rotate(view);
        return sinceCurrent.containsKey(nodeId) || sincePrevious.containsKey(nodeId);
    }

    /** {@code node} of {@code view} with the new rooms sent to it that the view may not show yet. */
    synchronized NodeLoad adjust(ClusterView view, NodeLoad node) {
        rotate(view);
        int pending = sinceCurrent.getOrDefault(node.id(), 0) + sincePrevious.getOrDefault(node.id(), 0);
        return pending == 0 ? node
                : new NodeLoad(node.id(), node.address(), node.players() + pending, node.rooms() + pending,
                        node.draining());
    }

    /** A join is sent to a seat of room {@code roomId} while the view was {@code view}. */
    synchronized void seat(ClusterView view, String roomId) {
        rotate(view);
        seatsSinceCurrent.merge(roomId, 1, Integer::sum);
    }

    /** Joins sent to seats of room {@code roomId} that {@code view} may not count yet. */
    synchronized int seats(ClusterView view, String roomId) {
        rotate(view);
        return seatsSinceCurrent.getOrDefault(roomId, 0) + seatsSincePrevious.getOrDefault(roomId, 0);
    }

    /** A seat reservation found room {@code roomId} full while the view was {@code view}. */
    synchronized void full(ClusterView view, String roomId) {
        rotate(view);
        fullSinceCurrent.add(roomId);
    }

    /** Whether a seat reservation found room {@code roomId} full since {@code view} (or the view before). */
    synchronized boolean isFull(ClusterView view, String roomId) {
        rotate(view);
        return fullSinceCurrent.contains(roomId) || fullSincePrevious.contains(roomId);
    }

    private void rotate(ClusterView view) {
        if (view.read != current) { // a patch of this node's own rooms is not a newer read
            current = view.read;
            sincePrevious = sinceCurrent;
            sinceCurrent = new HashMap<>();
            seatsSincePrevious = seatsSinceCurrent;
            seatsSinceCurrent = new HashMap<>();
            fullSincePrevious = fullSinceCurrent;
            fullSinceCurrent = new HashSet<>();
        }
    }
}
