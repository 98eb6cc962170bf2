package io.ringside.tools.loadgen;

import java.net.URI;

/**
 * What a load run does (echo mode, or game mode when {@link #game()} is set).
 *
 * @param url           the echo endpoint
 * @param bots          connections to open
 * @param rampPerSecond connections opened per second (0: all at once)
 * @param rateHz        messages each bot sends per second
 * @param sizeBytes     payload bytes per message (at least {@link EchoBot#MIN_SIZE_BYTES}: it carries a timestamp)
 * @param durationMs    how long to send once every bot has joined or failed; 0 runs until interrupted
 * @param ioThreads     the client's I/O threads
 * @param game          game mode's target, or {@code null} in echo mode
 */
record LoadPlan(URI url, int bots, int rampPerSecond, double rateHz, int sizeBytes, long durationMs,
                int ioThreads, GameTarget game) {
}
