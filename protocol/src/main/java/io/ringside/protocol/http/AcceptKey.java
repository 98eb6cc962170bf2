package io.ringside.protocol.http;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Computes {@code Sec-WebSocket-Accept} = base64(SHA-1(key + GUID)) (RFC 6455 §4.2.2 item 5.4)
 * into a {@link ByteBuffer} with a reused digest and output array: no allocation per handshake.
 *
 * <p>Owned by one parser, used by its connection's I/O thread only.
 */
final class AcceptKey {
    /** Length of the accept value: base64 of a 20-byte SHA-1 digest. */
    static final int LENGTH = 28;

    private static final byte[] GUID = Ascii.bytes("258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    private static final int SHA1_BYTES = 20;

    private final MessageDigest sha1;
    private final byte[] digest = new byte[SHA1_BYTES];
    /** A key of the usual 24 characters followed by the GUID, which stays in place. */
    private final byte[] message = new byte[Base64Ascii.KEY_LENGTH + GUID.length];

    AcceptKey() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-1", e);
        }
        System.arraycopy(GUID, 0, message, Base64Ascii.KEY_LENGTH, GUID.length);
    }

    /**
     * Writes the 28 accept bytes for the key {@code key[offset, offset + length)} at {@code dst}'s
     * position; {@link BufferOverflowException} when fewer than 28 bytes remain.
     */
    void write(byte[] key, int offset, int length, ByteBuffer dst) {
        if (dst.remaining() < LENGTH) {
            throw new BufferOverflowException();
        }
        if (length == Base64Ascii.KEY_LENGTH) {
            // One update of key and GUID together: the digest takes its block in one copy.
            System.arraycopy(key, offset, message, 0, length);
            sha1.update(message, 0, message.length);
        } else {
            sha1.update(key, offset, length);
            sha1.update(GUID, 0, GUID.length);
        }
        try {
            sha1.digest(digest, 0, SHA1_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-1 digest did not fit 20 bytes", e);
        }
        Base64Ascii.encode(digest, 0, SHA1_BYTES, dst);
    }
}
