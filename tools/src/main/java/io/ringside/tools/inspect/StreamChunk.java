package io.ringside.tools.inspect;

/**
 * Consecutive bytes of one direction of a TCP stream and when the packet carrying them was captured.
 *
 * @param timeNanos capture time, nanoseconds since the Unix epoch (0 when not from a capture)
 * @param bytes     the bytes, in stream order
 */
record StreamChunk(long timeNanos, byte[] bytes) {
}
