package io.ringside.engine.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded queue between a polling {@link GameClient}'s I/O thread (the one producer) and the
 * thread calling {@link GameClient#poll} (the consumer). Lock-free; an empty inbox holds one node.
 */
final class GameInbox {
    private final Queue<GameDelivery> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    GameInbox(int capacity) {
        this.capacity = capacity;
    }

    /** Queues {@code delivery} unless {@code capacity} are already waiting; {@code false} then. */
    boolean offer(GameDelivery delivery) {
        if (size.get() >= capacity) {
            return false;
        }
        offerAlways(delivery);
        return true;
    }

    /** Queues {@code delivery} past the bound: for the one disconnect event per connection. */
    void offerAlways(GameDelivery delivery) {
        size.incrementAndGet();
        queue.offer(delivery);
    }

    /** The next delivery, or {@code null} when none waits. */
    GameDelivery poll() {
        GameDelivery delivery = queue.poll();
        if (delivery != null) {
            size.decrementAndGet();
        }
        return delivery;
    }

    /** How many deliveries wait. */
    int size() {
        return size.get();
    }
}
