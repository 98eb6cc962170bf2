package io.ringside.tools.inspect;

/**
 * One line of inspector output.
 *
 * @param timeNanos capture time of the bytes that completed what the line reports (0 without a capture)
 * @param direction {@code "c->s"} or {@code "s->c"}
 * @param text      the line, without the direction
 */
record InspectLine(long timeNanos, String direction, String text) {
}
