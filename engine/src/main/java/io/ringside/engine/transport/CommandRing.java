package io.ringside.engine.transport;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * An I/O loop's inbox: a bounded multi-producer Disruptor ring of reusable {@link LoopCommand} slots
 * that any thread offers to without allocating and without blocking (a full ring refuses), and that
 * the loop drains in order with an {@link EventPoller}.
 */
final class CommandRing {
    private final RingBuffer<LoopCommand> ring;
    private final EventPoller<LoopCommand> poller;

    /** A ring of at least {@code requestedCapacity} slots (rounded up to a power of two). */
    CommandRing(int requestedCapacity) {
        int capacity = Integer.highestOneBit(Math.max(2, requestedCapacity) - 1) << 1;
        this.ring = RingBuffer.createMultiProducer(LoopCommand::new, capacity, new YieldingWaitStrategy());
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
    }

    /** Offers a send of {@code frame} or, when not null, {@code shared} (whose reference it carries). */
    boolean send(ConnectionHandle connection, ByteBuffer frame, SharedFrame shared, boolean latestOnly) {
        return ring.tryPublishEvent(latestOnly ? LoopCommand.SEND_LATEST_FRAME : LoopCommand.SEND_FRAME,
                connection, frame, shared);
    }

    /** Offers PAUSE, RESUME or OVERFLOW for {@code connection}. */
    boolean control(int kind, ConnectionHandle connection) {
        return ring.tryPublishEvent(LoopCommand.CONTROL, connection, kind);
    }

    boolean close(ConnectionHandle connection, int code, String reason) {
        return ring.tryPublishEvent(LoopCommand.CLOSE_CONNECTION, connection, code, reason);
    }

    boolean register(SocketChannel channel, boolean tls) {
        return ring.tryPublishEvent(tls ? LoopCommand.REGISTER_TLS_CHANNEL : LoopCommand.REGISTER_CHANNEL, channel);
    }

    /**
     * Hands the published commands to {@code handler} in order, until it returns {@code false};
     * the handler must not throw (a command that threw would be handed over again). Loop thread.
     */
    void drain(EventPoller.Handler<LoopCommand> handler) {
        try {
            poller.poll(handler);
        } catch (Exception e) {
            throw new IllegalStateException("command handler threw", e);
        }
    }

    /** Whether no command is claimed or published. Any thread; a snapshot. */
    boolean isEmpty() {
        return ring.getCursor() == poller.getSequence().get();
    }

    int capacity() {
        return ring.getBufferSize();
    }
}
