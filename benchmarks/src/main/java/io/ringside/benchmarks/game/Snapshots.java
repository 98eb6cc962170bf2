package io.ringside.benchmarks.game;

/** How {@link BenchRoom} sends its prebuilt snapshot each tick; public because JMH params use it. */
public enum Snapshots {
    /** No snapshot: the tick's baseline. */
    NONE,
    /** {@code sendLatest} to each player: serialized and framed per player. */
    SEND_LATEST_EACH,
    /** {@code broadcast}: serialized and framed once, the frame shared. */
    BROADCAST,
    /** {@code broadcastLatest}: like {@link #BROADCAST}, latest-only. */
    BROADCAST_LATEST
}
