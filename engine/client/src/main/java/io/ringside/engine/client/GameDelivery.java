package io.ringside.engine.client;

/** One event waiting in a {@link GameInbox}, delivered by {@link GameClient#poll} on the polling thread. */
@FunctionalInterface
interface GameDelivery {
    void deliver(GameClient client, GameListener listener);
}
