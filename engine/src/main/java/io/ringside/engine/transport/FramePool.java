package io.ringside.engine.transport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Recycles {@link SharedFrame}s by size class (powers of two from {@value #MIN_CLASS_BYTES} bytes up
 * to a maximum), so that a sender that frames every tick allocates nothing once warm. Frames come
 * back from the I/O loops when their last reference is released; a frame over the largest class, or
 * returned to a full class, is left to the garbage collector.
 *
 * <p>{@link #acquire} is for one owner thread at a time (a shard's tick thread); frames come back
 * from any thread. Each class keeps at most {@code budgetBytes / classes} bytes of idle frames.
 */
public final class FramePool {
    static final int MIN_CLASS_BYTES = 128;
    private static final int MIN_FRAMES_PER_CLASS = 4;

    private final int maxFrameBytes;
    private final MpscQueue<SharedFrame>[] idle;
    private final int minShift;
    private static final VarHandle CREATED;
    private static final VarHandle REUSED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CREATED = lookup.findVarHandle(FramePool.class, "created", long.class);
            REUSED = lookup.findVarHandle(FramePool.class, "reused", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // written by the owner thread only, opaque so that other threads read whole values without a fence
    private long created;
    private long reused;
    /** Counted by the I/O loops, when a latest-only frame of this pool is replaced before it was written. */
    private final java.util.concurrent.atomic.AtomicLong replaced = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param maxFrameBytes largest pooled frame (a power of two, at least {@value #MIN_CLASS_BYTES});
     *                      larger frames are allocated each time
     * @param budgetBytes   bytes of idle frames the pool may keep, shared evenly by the size classes
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public FramePool(int maxFrameBytes, long budgetBytes) {
        if (maxFrameBytes < MIN_CLASS_BYTES || Integer.bitCount(maxFrameBytes) != 1) {
            throw new IllegalArgumentException("maxFrameBytes=" + maxFrameBytes
                    + " (a power of two, at least " + MIN_CLASS_BYTES + ")");
        }
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("budgetBytes=" + budgetBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
        this.minShift = Integer.numberOfTrailingZeros(MIN_CLASS_BYTES);
        int classes = Integer.numberOfTrailingZeros(maxFrameBytes) - minShift + 1;
        this.idle = new MpscQueue[classes];
        for (int i = 0; i < classes; i++) {
            long frames = Math.max(MIN_FRAMES_PER_CLASS, budgetBytes / classes / (MIN_CLASS_BYTES << i));
            idle[i] = new MpscQueue<>((int) Math.min(frames, 1 << 16));
        }
    }

    /**
     * A frame with room for exactly {@code frameBytes} bytes (buffer position 0, limit
     * {@code frameBytes}) and one reference, recycled when one of its size is idle. Owner thread.
     */
    public SharedFrame acquire(int frameBytes) {
        if (frameBytes < 0) {
            throw new IllegalArgumentException("frameBytes=" + frameBytes);
        }
        if (frameBytes > maxFrameBytes) {
            CREATED.setOpaque(this, created + 1);
            return new SharedFrame(frameBytes, null).reset(frameBytes);
        }
        int sizeClass = sizeClass(frameBytes);
        SharedFrame frame = idle[sizeClass].poll();
        if (frame == null) {
            CREATED.setOpaque(this, created + 1);
            frame = new SharedFrame(MIN_CLASS_BYTES << sizeClass, this);
        } else {
            REUSED.setOpaque(this, reused + 1);
        }
        return frame.reset(frameBytes);
    }

    /** Frames allocated because none of the size was idle (including frames too big to pool). Any thread. */
    public long created() {
        return (long) CREATED.getOpaque(this);
    }

    /**
     * Latest-only sends of this pool's frames that a connection dropped because a newer latest-only
     * frame replaced them before they were written (one per connection). Any thread.
     */
    public long replaced() {
        return replaced.get();
    }

    void countReplaced() {
        replaced.incrementAndGet();
    }

    /** Frames handed out again from the pool. Any thread. */
    public long reused() {
        return (long) REUSED.getOpaque(this);
    }

    private int sizeClass(int frameBytes) {
        if (frameBytes <= MIN_CLASS_BYTES) {
            return 0;
        }
        return 32 - Integer.numberOfLeadingZeros(frameBytes - 1) - minShift;
    }

    /** Takes back a frame whose last reference was released. Any thread. */
    void recycle(SharedFrame frame) {
        idle[sizeClass(frame.capacity())].offer(frame);
    }
}
