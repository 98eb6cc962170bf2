package io.ringside.engine.state;

/** Counters of one {@link Replicator}; read on its tick thread (or racy, for monitoring). */
public final class ReplicationStats {
    long patches;
    long bytes;
    long skipped;
    long deferred;
    long refused;

    ReplicationStats() {
    }

    /** Patches delivered. */
    public long patches() {
        return patches;
    }

    /** Bytes of the patches delivered (serialized {@code StatePatch}es, no envelope or frame). */
    public long bytes() {
        return bytes;
    }

    /** Times a viewer was skipped because its previous patch was not written yet. */
    public long skipped() {
        return skipped;
    }

    /** Records held back by the byte budget (each follows in a later patch). */
    public long deferred() {
        return deferred;
    }

    /** Patches the channel refused (the viewer then gets its whole view again). */
    public long refused() {
        return refused;
    }
}
