package io.ringside.protocol.websocket;

/**
 * Which end of the connection a codec serves; it decides masking (RFC 6455 §5.1, §5.3).
 */
public enum Role {
    /** Receives masked frames and sends unmasked ones. */
    SERVER,
    /** Receives unmasked frames and sends masked ones, with a fresh mask key per frame. */
    CLIENT
}
