package io.ringside.protocol.websocket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * Fresh masking keys for a client encoder (RFC 6455 §5.3, §10.3: unpredictable, from a strong
 * source of entropy).
 *
 * <p>Every key is four bytes straight out of a {@link SecureRandom} owned by this source, drawn
 * {@value #KEYS_PER_REFILL} keys at a time so that the cost (and {@code SecureRandom}'s internal
 * allocation) is paid once per refill rather than per frame. No key is derived from another, so
 * seeing keys on the wire tells nothing about the next one. One thread at a time.
 */
final class MaskKeySource {
    private static final int KEYS_PER_REFILL = 64;
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final SecureRandom random = new SecureRandom();
    private final byte[] pool = new byte[KEYS_PER_REFILL * Integer.BYTES];
    private int next = pool.length;

    /** The next masking key, as a big-endian int. */
    int nextKey() {
        if (next == pool.length) {
            random.nextBytes(pool);
            next = 0;
        }
        int key = (int) INTS.get(pool, next);
        next += Integer.BYTES;
        return key;
    }
}
