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

    @Test
    void shouldAllocateNothingWhenViewersFirstWalkIntoACrowdAnotherHasSeen() {
        // given a crowd of 40 spawned before 19 viewers joined, seen by viewer 0 only (and once
        // resent to it whole), the other viewers far away
        com.sun.management.ThreadMXBean threads = allocationCounter();
        Replicator<Integer> replicator = new Replicator<>(ReplicationOptions.builder().viewRadius(100).build());
        MoverEntity[] crowd = new MoverEntity[40];
        for (int i = 0; i < crowd.length; i++) {
            crowd[i] = new MoverEntity().setX(i % 8 * 5).setY(i / 8 * 5).setHealth(100).setName("c" + i);
            replicator.spawn(crowd[i], null);
            replicator.place(crowd[i], crowd[i].getX(), crowd[i].getY());
        }
        Integer[] viewers = new Integer[19];
        for (int v = 0; v < viewers.length; v++) {
            viewers[v] = v;
            replicator.join(viewers[v]);
            if (v == 0) {
                replicator.center(viewers[v], 10, 10);
            } else {
                replicator.center(viewers[v], 10_000 + v * 500, 10_000);
            }
        }
        for (int s = 0; s < WARM_UP_SENDS; s++) {
            jiggle(replicator, crowd, s);
            if (s == WARM_UP_SENDS / 2) {
                replicator.resend(viewers[0]);
            }
            replicator.send(s, channel);
        }
        long threadId = Thread.currentThread().getId();

        // when in each of up to three windows six more viewers walk into the crowd for the first time,
        // one every 10 sends (one window must be clean: the first run of a code path may allocate once)
        long allocated = Long.MAX_VALUE;
        long patches = 0;
        int s = WARM_UP_SENDS;
        for (int window = 0; window < 3 && allocated != 0; window++) {
            long patchesBefore = replicator.stats().patches();
            long before = threads.getThreadAllocatedBytes(threadId);
            for (int step = 0; step < 80; step++, s++) {
                jiggle(replicator, crowd, s);
                if (step % 10 == 0 && step / 10 < 6) {
                    replicator.center(viewers[1 + window * 6 + step / 10], 10, 10);
                }
                replicator.send(s, channel);
            }
            allocated = threads.getThreadAllocatedBytes(threadId) - before;
            patches = replicator.stats().patches() - patchesBefore;
        }

        // then (viewer 0 and those already in get a patch at every send, each newcomer from its arrival)
        assertThat(patches).isGreaterThan(80L + 6 * 20);
        assertThat(allocated).isZero();
    }

    @Test
    void shouldAllocateNothingPerSendWhenEveryPatchDefersRecords() {
        // given 200 entities in one view whose changes never fit the smallest patch budget, in two
        // rows each farther from the viewer the farther along (priorities in two ascending runs)
        com.sun.management.ThreadMXBean threads = allocationCounter();
        Replicator<Integer> replicator = new Replicator<>(ReplicationOptions.builder()
                .maxPatchBytes(ReplicationOptions.MIN_MAX_PATCH_BYTES).viewRadius(1000).build());
        MoverEntity[] crowd = new MoverEntity[200];
        for (int i = 0; i < crowd.length; i++) {
            crowd[i] = new MoverEntity().setX(i % 100 * 2).setY(i / 100 * 50).setHealth(100);
            replicator.spawn(crowd[i], null);
        }
        Integer viewer = 0;
        replicator.join(viewer);
        replicator.center(viewer, -50, 0);
        run(replicator, crowd, 0, WARM_UP_SENDS);
        long threadId = Thread.currentThread().getId();

        // when: up to three measured windows, one of them must be clean
        long allocated = Long.MAX_VALUE;
        long deferred = 0;
        for (int window = 0; window < 3 && allocated != 0; window++) {
            long deferredBefore = replicator.stats().deferred();
            long before = threads.getThreadAllocatedBytes(threadId);
            run(replicator, crowd, WARM_UP_SENDS + window * MEASURED_SENDS, MEASURED_SENDS);
            allocated = threads.getThreadAllocatedBytes(threadId) - before;
            deferred = replicator.stats().deferred() - deferredBefore;
        }

        // then
        assertThat(deferred).isGreaterThan(MEASURED_SENDS);
        assertThat(allocated).isZero();
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeThat(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled()).isTrue();
        return threads;
    }

    /** Moves every entity a little, each its own way (every place is a change), all staying put on average. */
    private static void jiggle(Replicator<Integer> replicator, MoverEntity[] crowd, int send) {
        for (int i = 0; i < crowd.length; i++) {
            float d = (send + i) % 2 == 0 ? 0.5f : -0.5f;
            MoverEntity m = crowd[i];
            m.setX(m.getX() + d).setY(m.getY() - d).setAim((send * 0.05f + i) % 6.28f);
            replicator.place(m, m.getX(), m.getY());
        }
    }

    private void run(Replicator<Integer> replicator, MoverEntity[] crowd, int from, int sends) {
        for (int s = from; s < from + sends; s++) {
            jiggle(replicator, crowd, s);
            replicator.send(s, channel);
        }
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
