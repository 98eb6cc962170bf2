package io.ringside.engine.transport;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A bounded, lock-free, multi-producer single-consumer queue: any thread offers, one loop polls.
 *
 * <p>Producers claim a sequence with a CAS on the producer index, then publish the element into its
 * slot with an ordered store; the consumer sees a slot as filled once it is non-null. Capacity is
 * rounded up to a power of two.
 */
final class MpscQueue<E> {
    private final AtomicReferenceArray<E> slots;
    private final int mask;
    private final AtomicLong producerIndex = new AtomicLong();
    private final AtomicLong consumerIndex = new AtomicLong();

    MpscQueue(int requestedCapacity) {
        if (requestedCapacity < 2 || requestedCapacity > 1 << 30) {
            throw new IllegalArgumentException("capacity=" + requestedCapacity);
        }
        int capacity = Integer.highestOneBit(requestedCapacity - 1) << 1;
        this.slots = new AtomicReferenceArray<>(capacity);
        this.mask = capacity - 1;
    }

    /** Adds {@code element}; {@code false} if the queue is full. Any thread. */
    boolean offer(E element) {
        long capacity = mask + 1L;
        long claimed;
        do {
            claimed = producerIndex.get();
            if (claimed - consumerIndex.get() >= capacity) {
                return false;
            }
        } while (!producerIndex.compareAndSet(claimed, claimed + 1));
        slots.lazySet((int) claimed & mask, element);
        return true;
    }

    /** Removes the oldest element, or {@code null} when none is published yet. Consumer thread only. */
    E poll() {
        long index = consumerIndex.get();
        int slot = (int) index & mask;
        E element = slots.get(slot);
        if (element == null) {
            return null;
        }
        slots.lazySet(slot, null);
        consumerIndex.lazySet(index + 1);
        return element;
    }

    /** Whether no element is claimed or published. Any thread; a snapshot. */
    boolean isEmpty() {
        return producerIndex.get() == consumerIndex.get();
    }

    /** Capacity after rounding. */
    int capacity() {
        return mask + 1;
    }
}
