package io.ringside.engine.transport;

import java.util.Arrays;

/**
 * The connections a loop owns, in an array with O(1) removal (the last one moves into the hole;
 * each connection remembers its slot). Loop thread only.
 */
final class ConnectionTable {
    private WsConnection[] slots = new WsConnection[16];
    private int size;

    void add(WsConnection connection) {
        if (size == slots.length) {
            slots = Arrays.copyOf(slots, size * 2);
        }
        connection.slot = size;
        slots[size++] = connection;
    }

    /** Removes {@code connection} if present; {@code null} is ignored. */
    void remove(WsConnection connection) {
        if (connection == null || connection.slot < 0) {
            return;
        }
        int hole = connection.slot;
        WsConnection last = slots[--size];
        slots[hole] = last;
        last.slot = hole;
        slots[size] = null;
        connection.slot = -1;
    }

    WsConnection get(int index) {
        return slots[index];
    }

    int size() {
        return size;
    }
}
