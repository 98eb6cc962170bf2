package io.ringside.engine.transport;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each remote IP address may hold at once, across every I/O loop: upgraded connections,
 * handshakes in progress and bytes charged to the memory budget. One {@link AddressShare} per
 * address with a socket open or bytes held, made at accept and dropped with its last socket, or
 * later, when the last bytes held for it are given back (a seat kept through a reconnect grace still
 * counts toward its address after its connection closed). Loopback addresses
 * are exempt unless configured otherwise, so a load generator or a proxy on the same machine is
 * not limited. Any thread: sockets come and go under the map's per-key lock, the counts are atomics
 * on the share.
 */
final class AddressLimits {
    final int maxConnections;
    final int maxHandshakes;
    final long maxBytes;
    private final boolean limitLoopback;
    private final ConcurrentHashMap<InetAddress, AddressShare> shares = new ConcurrentHashMap<>();

    AddressLimits(int maxConnections, int maxHandshakes, long maxBytes, boolean limitLoopback) {
        this.maxConnections = maxConnections;
        this.maxHandshakes = maxHandshakes;
        this.maxBytes = maxBytes;
        this.limitLoopback = limitLoopback;
    }

    /** Counts one more socket from {@code address}; its share, or {@code null} if the address is exempt. */
    AddressShare acquire(InetAddress address) {
        if (address == null || address.isLoopbackAddress() && !limitLoopback) {
            return null;
        }
        return shares.compute(address, (key, share) -> {
            AddressShare counted = share != null ? share : new AddressShare(key);
            counted.sockets++;
            return counted;
        });
    }

    /** A socket from {@code share}'s address closed; the share goes with the last socket unless bytes are held. */
    void release(AddressShare share) {
        if (share != null) {
            shares.computeIfPresent(share.address,
                    (key, counted) -> --counted.sockets == 0 && counted.bytes.get() <= 0 ? null : counted);
        }
    }

    /**
     * The bytes held for {@code share}'s address went to zero: the share goes if no socket is left.
     * Any thread. The socket count is volatile, so a release and a settle that race see each other.
     */
    void settle(AddressShare share) {
        if (share.sockets == 0) {
            shares.computeIfPresent(share.address,
                    (key, counted) -> counted.sockets == 0 && counted.bytes.get() <= 0 ? null : counted);
        }
    }

    /** Addresses with at least one socket open now. */
    int addresses() {
        return shares.size();
    }
}
