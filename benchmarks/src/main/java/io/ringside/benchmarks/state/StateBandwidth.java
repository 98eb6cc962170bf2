package io.ringside.benchmarks.state;

import io.ringside.engine.state.PatchChannel;
import io.ringside.engine.state.ReplicationOptions;
import io.ringside.engine.state.Replicator;
import io.ringside.protocol.state.StateBuffer;

/**
 * Bytes a client receives from replicated state in arena-like rooms (not a JMH benchmark: bytes
 * are deterministic). Prints, per client, the WebSocket payload (the ServerEnvelope carrying the
 * StatePatch) and the wire bytes (payload plus the server's 2- or 4-byte frame header) per second
 * and per update, and payload bytes per moving player in view per update. The first second (the
 * join burst: every entity entering every view) is left out.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.ringside.benchmarks.state.StateBandwidth</pre>
 */
public final class StateBandwidth {
    private StateBandwidth() {
    }

    /** Runs the scenarios of {@code benchmarks/README.md}. */
    public static void main(String[] args) {
        run("50 players, everyone in view, 30 Hz", 50, 1600, 900, 0, 30, false);
        run("200 players, view radius 760 (~50 in view), 30 Hz", 200, 3200, 1800, 760, 30, false);
        run("50 players, 60 Hz simulation, 20 Hz sends", 50, 1600, 900, 0, 20, false);
        run("50 players idle", 50, 1600, 900, 0, 30, true);
    }

    static void run(String name, int players, float width, float height, float radius, int sendHz, boolean idle) {
        int tickHz = sendHz == 30 ? 30 : 60;
        int ticksPerSend = tickHz / sendHz;
        ArenaMotion motion = new ArenaMotion(players, width, height, 42);
        if (idle) {
            motion.stop();
        }
        Replicator<Integer> replicator = new Replicator<>(ReplicationOptions.builder().viewRadius(radius).build());
        for (int i = 0; i < players; i++) {
            replicator.join(i);
            replicator.spawn(motion.fighters[i], i);
        }
        Counting channel = new Counting();
        int seconds = 30;
        long visibleSum = 0;
        long sends = 0;
        for (int tick = 1; tick <= seconds * tickHz; tick++) {
            motion.step(1f / tickHz);
            for (int i = 0; i < players; i++) {
                replicator.place(motion.fighters[i], motion.fighters[i].getX(), motion.fighters[i].getY());
                replicator.center(i, motion.fighters[i].getX(), motion.fighters[i].getY());
            }
            if (tick % ticksPerSend != 0) {
                continue;
            }
            boolean measured = tick > tickHz;
            channel.counting = measured;
            replicator.send(tick, channel);
            if (measured) {
                sends++;
                visibleSum += visible(motion, radius);
            }
        }
        double clientSeconds = (double) players * (seconds - 1);
        double payloadPerClientSecond = channel.payload / clientSeconds;
        double wirePerClientSecond = channel.wire / clientSeconds;
        double updates = (double) players * sends;
        double avgVisible = (double) visibleSum / sends / players;
        System.out.printf("%s%n  per client: %.0f B/s payload, %.0f B/s on the wire (%.1f kB/s); "
                        + "%.1f B payload per update; %d patches for %.0f client-updates%n"
                        + "  in view: %.1f players; payload per moving player in view per update: %.2f B%n",
                name, payloadPerClientSecond, wirePerClientSecond, wirePerClientSecond / 1000,
                channel.payload / updates, channel.patches, updates, avgVisible,
                idle ? 0.0 : channel.payload / updates / avgVisible);
    }

    private static long visible(ArenaMotion motion, float radius) {
        if (radius == 0) {
            return (long) motion.fighters.length * motion.fighters.length;
        }
        long count = 0;
        for (FighterEntity viewer : motion.fighters) {
            for (FighterEntity other : motion.fighters) {
                float dx = other.getX() - viewer.getX();
                float dy = other.getY() - viewer.getY();
                if (dx * dx + dy * dy <= radius * radius) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Counts what each patch costs as a ServerEnvelope in a server WebSocket frame. */
    static final class Counting implements PatchChannel<Integer> {
        boolean counting;
        long payload;
        long wire;
        long patches;

        @Override
        public boolean ready(Integer viewer) {
            return true;
        }

        @Override
        public boolean deliver(Integer viewer, byte[] bytes, int offset, int length) {
            if (counting) {
                int envelope = 1 + StateBuffer.varint32Size(length) + length;
                payload += envelope;
                wire += envelope + (envelope <= 125 ? 2 : envelope <= 65_535 ? 4 : 10);
                patches++;
            }
            return true;
        }
    }
}
