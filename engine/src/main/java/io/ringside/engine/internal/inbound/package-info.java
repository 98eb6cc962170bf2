/**
 * The inbound path from the I/O loops to the shards: one multi-producer Disruptor ring per shard of
 * pre-allocated {@link io.ringside.engine.internal.inbound.InboundEvent} slots, filled by a static translator
 * with the one copy of each message; the per-connection {@link io.ringside.engine.internal.inbound.Session}
 * with its backpressure queue (ring full: stop reading, keep order, resume when drained); and
 * allocation-free readers of the envelope's wire format for routing and dispatch.
 *
 * <p>Not an API: public only so that the room package can use them; they may change in any release.
 */
package io.ringside.engine.internal.inbound;
