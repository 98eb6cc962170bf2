package io.ringside.tools.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fires many bots' periodic tasks (sends, pings) at one rate from one timer: the period is cut into
 * slots of {@code slotNanos}, each task is put in a random slot (its phase) and {@link #advance}
 * runs every slot that came due since the last call. One timer event per slot, whatever the number
 * of bots, instead of one per bot per period; and the sends of a slot reach each client I/O thread
 * together, so they share its wake-ups. A late call (a starved thread) catches up on the missed
 * slots, at most one period's worth, so rates hold.
 *
 * <p>{@link #add} from any thread; {@link #advance} from one thread at a time.
 */
final class SendWheel {
    private record Entry(int slot, Runnable task) {
    }

    private final long slotNanos;
    private final long startNanos;
    private final List<List<Runnable>> slots;
    private final Queue<Entry> added = new ConcurrentLinkedQueue<>();
    private long nextSlot;

    /** A wheel firing each task {@code hz} times per second, in slots of {@code slotNanos}, from {@code startNanos}. */
    SendWheel(double hz, long slotNanos, long startNanos) {
        this.slotNanos = slotNanos;
        this.startNanos = startNanos;
        int count = (int) Math.max(1, Math.round(1e9 / hz / slotNanos));
        this.slots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            slots.add(new ArrayList<>());
        }
    }

    /** Slots per period. */
    int slotCount() {
        return slots.size();
    }

    /** Adds {@code task} at a random phase; it first runs when {@link #advance} reaches its slot. */
    void add(Runnable task) {
        added.add(new Entry(ThreadLocalRandom.current().nextInt(slots.size()), task));
    }

    /** Runs the tasks of every slot due at {@code nowNanos} and not run yet; returns how many tasks ran. */
    int advance(long nowNanos) {
        Entry entry;
        while ((entry = added.poll()) != null) {
            slots.get(entry.slot()).add(entry.task());
        }
        long due = (nowNanos - startNanos) / slotNanos;
        nextSlot = Math.max(nextSlot, due - slots.size() + 1);
        int ran = 0;
        for (; nextSlot <= due; nextSlot++) {
            List<Runnable> tasks = slots.get((int) (nextSlot % slots.size()));
            for (int i = 0; i < tasks.size(); i++) {
                tasks.get(i).run();
            }
            ran += tasks.size();
        }
        return ran;
    }
}
