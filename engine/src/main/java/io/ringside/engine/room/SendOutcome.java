package io.ringside.engine.room;

/**
 * What became of a message a room sent to one player ({@link Room#send}, {@link Room#sendLatest}).
 * Nothing a room sends is dropped without a trace: a refusal is returned here and counted in
 * {@link ShardMetrics#sendsRefused()}; a latest-only message replaced by a newer one before it was
 * written is counted in {@link ShardMetrics#sendsReplaced()}.
 */
public enum SendOutcome {
    /**
     * Handed to the player's connection, which writes it in order unless the connection closes
     * first. A latest-only message may still be replaced by a newer latest-only one while it waits.
     */
    QUEUED,
    /**
     * Not sent: the player is away (reconnect grace) or its connection is closed or closing, or the
     * connection's queue is over its limit (it is then closed with 1008).
     */
    REFUSED
}
