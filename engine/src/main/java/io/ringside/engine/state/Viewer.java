package io.ringside.engine.state;

/**
 * One client's view in a {@link Replicator}: its slot, where it looks from, and what it has been
 * sent beyond entities (input ack, entity type names). Tick thread only.
 */
final class Viewer<V> {
    final V key;
    final int slot;
    float centerX;
    float centerY;
    boolean hasCenter;
    boolean reset = true;
    int typesSent;
    int inputAck;
    int inputAckSent;

    Viewer(V key, int slot) {
        this.key = key;
        this.slot = slot;
    }
}
