package io.ringside.engine.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.ringside.engine.state.vectors.MoverEntity;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ReplicatorAllocationTest {
    private static final int PLAYERS = 50;
    private static final int WARM_UP_SENDS = 2_000;
    private static final int MEASURED_SENDS = 2_000;

    private final MoverEntity[] movers = new MoverEntity[PLAYERS];
    private final byte[] frame = new byte[65_536];
    private final PatchChannel<Integer> channel = new PatchChannel<>() {
        @Override
        public boolean ready(Integer viewer) {
            return true;
        }

        @Override
        public boolean deliver(Integer viewer, byte[] bytes, int offset, int length) {
            System.arraycopy(bytes, offset, frame, 0, length);
            return true;
        }
    };

    @Test
    void shouldAllocateNothingPerSendWhenEveryPlayerMovesInSteadyState() {
        // given a room of 50 players with a spatial view, all moving, aiming and scoring
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
        Replicator<Integer> replicator = new Replicator<>(ReplicationOptions.builder().viewRadius(400).build());
        for (int i = 0; i < PLAYERS; i++) {
            Integer viewer = i;
            replicator.join(viewer);
            movers[i] = new MoverEntity().setX(i * 13 % 700).setY(i * 29 % 500).setName("p" + i).setHealth(100);
            replicator.spawn(movers[i], viewer);
        }
        run(replicator, 0, WARM_UP_SENDS);
        long threadId = Thread.currentThread().getId();

        // when: up to three measured windows (a buffer reaching a new largest send grows once, and
        // stays); one of them must be clean
        long allocated = Long.MAX_VALUE;
        for (int window = 0; window < 3 && allocated != 0; window++) {
            long before = threads.getThreadAllocatedBytes(threadId);
            run(replicator, WARM_UP_SENDS + window * MEASURED_SENDS, MEASURED_SENDS);
            allocated = threads.getThreadAllocatedBytes(threadId) - before;
        }

        // then
        assertThat(replicator.stats().patches()).isGreaterThan((long) PLAYERS * MEASURED_SENDS / 2);
        assertThat(allocated).isZero();
    }

    private void run(Replicator<Integer> replicator, int from, int sends) {
        for (int s = from; s < from + sends; s++) {
            for (int i = 0; i < PLAYERS; i++) {
                MoverEntity m = movers[i];
                int phase = (s / 40 + i) % 4;
                float dx = phase == 0 ? 1.5f : phase == 1 ? -1.5f : 0.7f;
                float dy = phase == 2 ? 1.1f : phase == 3 ? -1.1f : 0.3f;
                m.setX(m.getX() + dx).setY(m.getY() + dy).setAim((s * 0.05f + i) % 6.28f);
                if ((s + i) % 45 == 0) {
                    m.setHealth(m.getHealth() == 10 ? 100 : m.getHealth() - 10).setScore(m.getScore() + 1);
                }
                replicator.place(m, m.getX() % 800, m.getY() % 600);
                replicator.center(i, m.getX() % 800, m.getY() % 600);
            }
            replicator.send(s, channel);
        }
    }
}
