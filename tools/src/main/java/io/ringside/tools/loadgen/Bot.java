package io.ringside.tools.loadgen;

import io.ringside.engine.client.WebSocketClient;
import java.util.concurrent.CompletableFuture;

/**
 * One simulated player of a {@link Swarm}. {@link #open} runs on the scheduler thread and completes
 * on an I/O thread; {@link #send()} and {@link #ping()} run on the scheduler thread.
 */
interface Bot {
    /** Connects (and for a game bot joins a room); completes once the bot may send. */
    CompletableFuture<?> open(WebSocketClient client);

    /** Sends one message (an echo message or a game input); a refused send is counted, not queued. */
    void send();

    /** Sends an application ping, where the mode has one. */
    default void ping() {
    }

    /** Stops sending and closes the connection with 1000. */
    void close();
}
