package io.ringside.engine.room;

import com.google.protobuf.StringValue;
import java.util.Map;
import java.util.Queue;

/**
 * Streams {@code count} large snapshots, one per tick, once a player sends {@link #START}: latest-only
 * or ordinary, to show what coalescing does for a player who stops reading. Logs {@code "sent N"}.
 */
public final class SnapshotRoom extends Room {
    /** Starts the stream. */
    public static final int START = 10;
    /** The snapshots' message type; the value is {@code seq + ":" + padding}. */
    public static final int SNAPSHOT = 11;

    private final Queue<String> log;
    private final boolean latestOnly;
    private final int count;
    private final String padding;
    private boolean started;
    private int sent;

    /** A room sending {@code count} snapshots of about {@code bytes} bytes each. */
    public SnapshotRoom(Queue<String> log, boolean latestOnly, int count, int bytes) {
        this.log = log;
        this.latestOnly = latestOnly;
        this.count = count;
        this.padding = "x".repeat(bytes);
    }

    @Override
    protected void onCreate(Map<String, String> options) {
        messages().onRaw(START, (player, bytes, offset, length) -> started = true);
    }

    @Override
    protected void onTick(long tick, long dtNanos) {
        if (!started || sent == count) {
            return;
        }
        sent++;
        StringValue snapshot = StringValue.of(sent + ":" + padding);
        if (latestOnly) {
            broadcastLatest(SNAPSHOT, snapshot);
        } else {
            broadcast(SNAPSHOT, snapshot);
        }
        if (sent == count) {
            log.add("sent " + count);
        }
    }
}
