package io.ringside.engine.room;

import io.ringside.engine.tick.TickMetrics;

/**
 * One shard's figures at one moment; counters run from the shard's start.
 *
 * @param shard              the shard's index
 * @param tick               tick durations (p50/p99/max, ns), overruns and skipped ticks
 * @param ringDepth          inbound events published and not yet drained
 * @param ringCapacity       inbound ring slots
 * @param rooms              live rooms on the shard
 * @param messagesIn         inbound events dispatched (joins, game messages, pings, leaves)
 * @param messagesOut        frames handed to connections
 * @param bytesOut           bytes of those frames (a shared broadcast frame counts once per recipient)
 * @param malformedMessages  messages answered with an error (bad payload, unknown type)
 * @param roomFailures       rooms disposed because their code threw
 * @param backpressureEvents times a full ring, or a connection over its ring slots per tick, paused it
 * @param framesCreated      outbound game frames allocated because no pooled one was idle: flat once warm
 * @param framesReused       outbound game frames taken from the pool again
 * @param sendsRefused       messages the rooms sent that a player's connection refused (player away,
 *                           connection closed or closing, queue over its limit): see {@link SendOutcome}
 * @param sendsReplaced      latest-only game messages replaced in a connection's queue by a newer one
 *                           before they were written (counted once per connection)
 * @param rateLimitedDropped game messages over their type's {@link RateLimit}, dropped without an answer
 * @param rateLimitedErrored game messages over their type's rate limit, answered RATE_LIMITED
 * @param rateLimitedKicked  game messages over their type's rate limit whose player was kicked for it
 * @param inputsTaken        inputs handed to rooms ({@link RoomInputs}; repeats not counted)
 * @param inputsDropped      inputs pushed out of a player's full input queue by newer ones
 * @param inputsRefused      inputs refused as malformed (bad seq, too big, not parsing)
 */
public record ShardMetrics(int shard, TickMetrics.Snapshot tick, long ringDepth, int ringCapacity, int rooms,
                           long messagesIn, long messagesOut, long bytesOut, long malformedMessages,
                           long roomFailures, long backpressureEvents, long framesCreated, long framesReused,
                           long sendsRefused, long sendsReplaced, long rateLimitedDropped,
                           long rateLimitedErrored, long rateLimitedKicked, long inputsTaken,
                           long inputsDropped, long inputsRefused) {
}
