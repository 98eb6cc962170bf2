package io.ringside.examples.arena;

import io.ringside.engine.client.MirrorEntity;
import io.ringside.engine.client.StateListener;
import io.ringside.examples.arena.wire.Fighter;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Watches the fighters in one client's state mirror from a test thread: the mirror's callbacks (on
 * the client's I/O thread) queue each fighter as it enters or changes, and keep the fighters in
 * view by player id.
 */
final class FighterWatch implements StateListener {
    private final BlockingQueue<Fighter> updates = new LinkedBlockingQueue<>();
    private final Map<String, Fighter> inView = new ConcurrentHashMap<>();

    @Override
    public void onAdd(MirrorEntity entity) {
        onChange(entity, -1);
    }

    @Override
    public void onChange(MirrorEntity entity, int fieldMask) {
        if (entity.toMessage() instanceof Fighter fighter) {
            inView.put(fighter.getPlayerId(), fighter);
            updates.add(fighter);
        }
    }

    @Override
    public void onRemove(MirrorEntity entity) {
        if (entity.toMessage() instanceof Fighter fighter) {
            inView.remove(fighter.getPlayerId());
            updates.add(Fighter.newBuilder().setPlayerId(fighter.getPlayerId()).setName("(removed)").build());
        }
    }

    /** The fighters in view now, by player id. */
    Map<String, Fighter> inView() {
        return Map.copyOf(inView);
    }

    /** Forgets the updates seen so far. */
    void skipUpdates() {
        updates.clear();
    }

    /** The next update of player {@code id}'s fighter that matches {@code wanted}. */
    Fighter await(String id, Predicate<Fighter> wanted, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Fighter next = updates.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next != null && next.getPlayerId().equals(id) && wanted.test(next)) {
                return next;
            }
        }
        throw new AssertionError("no update of " + id + " as wanted; in view: " + inView);
    }

    /** Until player {@code id}'s fighter leaves the view. */
    void awaitGone(String id, long seconds) throws InterruptedException {
        await(id, f -> f.getName().equals("(removed)") && !inView.containsKey(id), seconds);
    }

    /** The first update of player {@code id}'s fighter within {@code millis}, or null if none came. */
    Fighter nextWithin(String id, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            Fighter next = updates.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next != null && next.getPlayerId().equals(id)) {
                return next;
            }
        }
        return null;
    }
}
