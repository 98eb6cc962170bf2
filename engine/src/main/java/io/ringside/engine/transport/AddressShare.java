package io.ringside.engine.transport;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One remote address' counts, shared by its connections on every loop (see {@link AddressLimits}).
 * {@link #sockets} changes only under the map's lock (volatile, so that it may be read without it);
 * the others are atomics. {@link #bytes} also counts what the application holds for the address'
 * connections ({@code Connection.chargeHeld}) and arrays lent for their inbound messages.
 */
final class AddressShare {
    final InetAddress address;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger handshakes = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();
    volatile int sockets;

    AddressShare(InetAddress address) {
        this.address = address;
    }

    /** Counts an upgrade; {@code false} (not counted) if the address has {@code max} connections already. */
    boolean admitConnection(int max) {
        if (connections.incrementAndGet() > max) {
            connections.decrementAndGet();
            return false;
        }
        return true;
    }
}
