package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.transport.FramePool;
import io.ringside.engine.transport.SharedFrame;
import org.junit.jupiter.api.Test;

class InFlightPatchesTest {
    private final FramePool pool = new FramePool(1024, 1 << 16);

    /** A patch as RoomCore hands it over: one reference for the connection, one kept. */
    private SharedFrame queued() {
        SharedFrame frame = pool.acquire(16);
        frame.retain(1);
        return frame;
    }

    @Test
    void shouldStayReadyUntilTheAllowanceWaitsThenFreeWrittenPatchesInOrder() {
        // given three patches queued on a connection that allows three
        InFlightPatches patches = new InFlightPatches(3);
        SharedFrame first = queued();
        SharedFrame second = queued();
        SharedFrame third = queued();
        assertThat(patches.ready()).isTrue();
        patches.add(first);
        patches.add(second);
        assertThat(patches.ready()).isTrue();
        patches.add(third);

        // when nothing was written, then only the first
        boolean fullWhileQueued = patches.ready();
        first.release();
        boolean afterFirstWritten = patches.ready();

        // then the allowance holds, and a written patch frees a place and our reference to it
        assertThat(fullWhileQueued).isFalse();
        assertThat(afterFirstWritten).isTrue();
        assertThat(first.refCount()).isZero();
        assertThat(second.refCount()).isEqualTo(2);
    }

    @Test
    void shouldNotFreeALaterPatchBeforeAnEarlierOneWasWritten() {
        // given
        InFlightPatches patches = new InFlightPatches(2);
        SharedFrame first = queued();
        SharedFrame second = queued();
        patches.add(first);
        patches.add(second);

        // when the second is written first (it cannot be on one connection, but order is what counts)
        second.release();

        // then the allowance is still used up until the oldest is written
        assertThat(patches.ready()).isFalse();
        first.release();
        assertThat(patches.ready()).isTrue();
        assertThat(first.refCount()).isZero();
        assertThat(second.refCount()).isZero();
    }

    @Test
    void shouldReleaseEveryReferenceWhenReleasedAll() {
        // given
        InFlightPatches patches = new InFlightPatches(4);
        SharedFrame first = queued();
        SharedFrame second = queued();
        patches.add(first);
        patches.add(second);

        // when
        patches.releaseAll();

        // then only the connection's references are left
        assertThat(first.refCount()).isEqualTo(1);
        assertThat(second.refCount()).isEqualTo(1);
        assertThat(patches.ready()).isTrue();
    }
}
