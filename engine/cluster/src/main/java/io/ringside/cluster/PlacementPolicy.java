package io.ringside.cluster;

import io.ringside.engine.room.ClusterConfig;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the node a new room goes to. The registry passes only nodes that take new rooms (not
 * draining, under {@link ClusterConfig#maxRoomsPerNode()}), this node first when it is one of them,
 * so a policy that keeps the first of equals places ties locally (no redirect). Figures come from
 * the registry's view: this node's less one room and that room's capacity in players (a new room
 * here also takes the next joins that arrive here), and a node this node sent a new room the view
 * does not show yet is left out while this node can take the room. Called on I/O threads: it must
 * be quick and must not block.
 */
@FunctionalInterface
public interface PlacementPolicy {
    /** The node for a new room, one of {@code candidates} (never empty). */
    NodeLoad choose(List<NodeLoad> candidates);

    /** The node with the fewest players (seats taken). */
    static PlacementPolicy leastPlayers() {
        return candidates -> candidates.stream().min(Comparator.comparingInt(NodeLoad::players)).orElseThrow();
    }

    /** The node with the fewest rooms. */
    static PlacementPolicy leastRooms() {
        return candidates -> candidates.stream().min(Comparator.comparingInt(NodeLoad::rooms)).orElseThrow();
    }

    /** The built-in policy {@code name} ({@link ClusterConfig#placement()}). */
    static PlacementPolicy named(String name) {
        return switch (name) {
            case ClusterConfig.PLACEMENT_LEAST_PLAYERS -> leastPlayers();
            case ClusterConfig.PLACEMENT_LEAST_ROOMS -> leastRooms();
            default -> throw new IllegalArgumentException("cluster.placement=" + name + " (must be "
                    + ClusterConfig.PLACEMENT_LEAST_PLAYERS + " or " + ClusterConfig.PLACEMENT_LEAST_ROOMS + ")");
        };
    }
}
