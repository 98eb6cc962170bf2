package io.ringside.engine.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Not an API: one I/O loop's pool of arrays for inbound messages larger than a ring slot (and for
 * messages waiting for ring room), in power-of-two sizes from 1 KiB. The loop lends; the tick
 * threads give back, once they have dispatched the message, onto a lock-free stack that the loop
 * takes whole when it next finds a size empty (and on its timer), so lending and giving back
 * allocate nothing and take no lock.
 *
 * <p>Every array the pool made is charged to the memory budget through {@code budget} (on the loop
 * thread, when it is made) until the pool drops it: it keeps at most {@code maxIdleBytes} of idle
 * arrays and drops what comes back beyond. Arrays larger than {@code maxIdleBytes} are not lent.
 */
public final class MessageArrayPool {
    /** The smallest array lent, in bytes (a power of two). */
    public static final int MIN_ARRAY_BYTES = 1024;
    private static final int MIN_SHIFT = Integer.numberOfTrailingZeros(MIN_ARRAY_BYTES);
    private static final int CLASSES = 31 - MIN_SHIFT;

    private final long maxIdleBytes;
    private final LongConsumer budget;
    private final LentArray[] idle = new LentArray[CLASSES];
    private final AtomicReference<LentArray> returned = new AtomicReference<>();
    private long idleBytes;
    private long ownedBytes;
    private long made;

    /**
     * A pool that keeps at most {@code maxIdleBytes} of idle arrays (0: lends nothing) and charges
     * ({@code > 0}) or credits the arrays it makes and drops to {@code budget} on the loop thread.
     */
    public MessageArrayPool(long maxIdleBytes, LongConsumer budget) {
        if (maxIdleBytes < 0) {
            throw new IllegalArgumentException("maxIdleBytes=" + maxIdleBytes);
        }
        this.maxIdleBytes = maxIdleBytes;
        this.budget = budget;
    }

    /** An array of at least {@code length} bytes, or {@code null} if larger than the pool keeps. Loop thread. */
    public LentArray lend(int length) {
        int sizeClass = sizeClass(length);
        if (sizeClass < 0) {
            return null;
        }
        LentArray array = idle[sizeClass];
        if (array == null) {
            takeReturned();
            array = idle[sizeClass];
        }
        if (array == null) {
            array = new LentArray(this, sizeClass, MIN_ARRAY_BYTES << sizeClass);
            ownedBytes += array.bytes.length;
            made++;
            budget.accept(array.bytes.length);
            return array;
        }
        idle[sizeClass] = array.next;
        array.next = null;
        idleBytes -= array.bytes.length;
        return array;
    }

    /** Gives back {@code array}, lent by this pool. Any thread; lock-free. */
    public void giveBack(LentArray array) {
        LentArray head;
        do {
            head = returned.get();
            array.next = head;
        } while (!returned.compareAndSet(head, array));
    }

    /**
     * Takes what came back into the idle lists, dropping (and crediting to the budget) what is
     * beyond the idle bound. Loop thread: also on its timer, so a quiet loop gives its surplus back.
     */
    public void takeReturned() {
        if (returned.get() == null) {
            return;
        }
        LentArray array = returned.getAndSet(null);
        while (array != null) {
            LentArray next = array.next;
            int bytes = array.bytes.length;
            if (idleBytes + bytes <= maxIdleBytes) {
                array.next = idle[array.sizeClass];
                idle[array.sizeClass] = array;
                idleBytes += bytes;
            } else {
                array.next = null;
                ownedBytes -= bytes;
                budget.accept(-bytes);
            }
            array = next;
        }
    }

    /** Bytes of the arrays this pool made and has not dropped (idle or lent). Loop thread. */
    public long ownedBytes() {
        return ownedBytes;
    }

    /** Bytes of the idle arrays. Loop thread. */
    public long idleBytes() {
        return idleBytes;
    }

    /** Arrays made because none of the size was idle: flat once warm. Loop thread. */
    public long made() {
        return made;
    }

    /** The size class for {@code length} bytes, or -1 when its array would be over the idle bound. */
    private int sizeClass(int length) {
        int bytes = Math.max(MIN_ARRAY_BYTES, length);
        int sizeClass = 32 - Integer.numberOfLeadingZeros(bytes - 1) - MIN_SHIFT;
        return sizeClass >= CLASSES || (long) MIN_ARRAY_BYTES << sizeClass > maxIdleBytes ? -1 : sizeClass;
    }
}
