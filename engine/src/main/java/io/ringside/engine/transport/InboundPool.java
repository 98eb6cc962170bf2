package io.ringside.engine.transport;

import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.InflaterPool;

/**
 * A loop's idle plain decoders (each with its {@link InboundDispatcher}), lent to a connection for
 * the read that brings it bytes and taken back once its decoder is idle again (between messages).
 * An open connection that sends nothing therefore holds no decoder, and upgrading one allocates
 * none: a loop needs as many as it has connections in the middle of a message at once. At most
 * {@link #KEPT} idle ones are kept; a stack, so the most recently used (cache-warm) goes out first.
 * Loop thread only.
 */
final class InboundPool {
    /** Idle decoders kept per loop; more are dropped when given back. */
    static final int KEPT = 64;

    private final DecoderConfig config;
    private final InflaterPool arrays;
    private final InboundDispatcher[] idle = new InboundDispatcher[KEPT];
    private int size;

    /** A pool of decoders under {@code config} that assemble split messages in arrays lent by {@code arrays}. */
    InboundPool(DecoderConfig config, InflaterPool arrays) {
        this.config = config;
        this.arrays = arrays;
    }

    /** An idle dispatcher bound to {@code connection}: a pooled one, or a new one when none is left. */
    InboundDispatcher take(WsConnection connection) {
        InboundDispatcher dispatcher;
        if (size > 0) {
            dispatcher = idle[--size];
            idle[size] = null;
        } else {
            dispatcher = new InboundDispatcher(config, arrays);
        }
        dispatcher.connection = connection;
        return dispatcher;
    }

    /** Takes back a pooled dispatcher whose decoder is idle ({@code MessageDecoder.isIdle()}). */
    void give(InboundDispatcher dispatcher) {
        dispatcher.connection = null;
        if (size < KEPT) {
            idle[size++] = dispatcher;
        }
    }

    /** Idle dispatchers kept now. */
    int size() {
        return size;
    }
}
