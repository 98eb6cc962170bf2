package io.ringside.tools.loadgen;

/**
 * What game-mode bots do on a Ringside game endpoint.
 *
 * @param roomType     the room type each bot joins or creates
 * @param inputType    the game message type of the inputs sent (a {@code google.protobuf.BytesValue}), or
 *                     {@link #DECLARED_INPUT}: framework {@code Input} envelopes, numbered 1, 2, 3, ...
 * @param snapshotType the game message type counted as a snapshot; -1 counts every game message
 * @param pingHz       application pings (answered by the tick loop) per bot per second
 * @param deflate      whether each bot offers permessage-deflate (RFC 7692)
 */
record GameTarget(String roomType, int inputType, int snapshotType, double pingHz, boolean deflate) {
    /** {@code inputType} 0: send the inputs as the room's declared input type (Input envelopes). */
    static final int DECLARED_INPUT = 0;
}
