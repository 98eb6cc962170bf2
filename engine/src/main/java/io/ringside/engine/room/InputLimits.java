package io.ringside.engine.room;

/**
 * The server's bounds on player inputs ({@link GameConfig#inputQueueCapacity()},
 * {@link GameConfig#maxInputBytes()}, {@link GameConfig#maxInputSeqGap()}).
 */
record InputLimits(int queueCapacity, int maxInputBytes, int maxSeqGap) {
}
