package io.ringside.cluster;

/**
 * One node of the cluster as placement sees it, from the registry's view (see {@code Placer#candidates}).
 *
 * @param id       the node's registry id
 * @param address  the public WebSocket address clients reach it at
 * @param players  seats taken in its rooms
 * @param rooms    its live rooms
 * @param draining whether it takes no new rooms or joins
 */
public record NodeLoad(String id, String address, int players, int rooms, boolean draining) {
}
