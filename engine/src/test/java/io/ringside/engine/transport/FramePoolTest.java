package io.ringside.engine.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FramePoolTest {
    @Test
    void shouldHandOutFrameOfExactLengthWithOneReferenceWhenAcquired() {
        // given
        FramePool pool = new FramePool(4096, 1 << 20);

        // when
        SharedFrame frame = pool.acquire(300);

        // then
        assertThat(frame.length()).isEqualTo(300);
        assertThat(frame.buffer().position()).isZero();
        assertThat(frame.buffer().capacity()).isEqualTo(512);
        assertThat(frame.refCount()).isEqualTo(1);
        assertThat(pool.created()).isEqualTo(1);
    }

    @Test
    void shouldReuseFrameOfSameSizeClassWhenLastReferenceIsReleased() {
        // given
        FramePool pool = new FramePool(4096, 1 << 20);
        SharedFrame first = pool.acquire(200);
        first.retain(2);
        first.release();
        first.release();

        // when: one reference is still out
        SharedFrame whileHeld = pool.acquire(256);
        first.release();
        SharedFrame afterRelease = pool.acquire(129);

        // then
        assertThat(whileHeld).isNotSameAs(first);
        assertThat(afterRelease).isSameAs(first);
        assertThat(afterRelease.length()).isEqualTo(129);
        assertThat(afterRelease.refCount()).isEqualTo(1);
        assertThat(pool.created()).isEqualTo(2);
        assertThat(pool.reused()).isEqualTo(1);
    }

    @Test
    void shouldKeepSizeClassesApartWhenRecycling() {
        // given
        FramePool pool = new FramePool(4096, 1 << 20);
        SharedFrame small = pool.acquire(100);
        small.release();

        // when
        SharedFrame big = pool.acquire(1000);

        // then
        assertThat(big).isNotSameAs(small);
        assertThat(big.buffer().capacity()).isEqualTo(1024);
        assertThat(pool.acquire(128)).isSameAs(small);
    }

    @Test
    void shouldAllocateUnpooledFrameWhenLargerThanBiggestClass() {
        // given
        FramePool pool = new FramePool(4096, 1 << 20);
        SharedFrame huge = pool.acquire(5000);

        // when
        huge.release();
        SharedFrame next = pool.acquire(5000);

        // then
        assertThat(next).isNotSameAs(huge);
        assertThat(pool.created()).isEqualTo(2);
    }

    @Test
    void shouldKeepNoMoreIdleFramesThanBudgetAllowsWhenManyComeBack() {
        // given: one class of 128 B with a budget of 8 frames (the floor is 4)
        FramePool pool = new FramePool(128, 8 * 128);
        SharedFrame[] frames = new SharedFrame[20];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = pool.acquire(100);
        }

        // when
        for (SharedFrame frame : frames) {
            frame.release();
        }
        int reused = 0;
        for (int i = 0; i < frames.length; i++) {
            SharedFrame frame = pool.acquire(100);
            for (SharedFrame old : frames) {
                if (old == frame) {
                    reused++;
                }
            }
        }

        // then
        assertThat(reused).isEqualTo(8);
    }

    @Test
    void shouldFailLoudlyWhenReleasedTwice() {
        // given
        FramePool pool = new FramePool(4096, 1 << 20);
        SharedFrame frame = pool.acquire(10);
        frame.release();

        // when / then
        assertThatThrownBy(frame::release).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> frame.retain(1)).isInstanceOf(IllegalStateException.class);
        assertThat(frame.refCount()).isZero();
    }

    @Test
    void shouldRejectBadSizesWhenBuilt() {
        assertThatThrownBy(() -> new FramePool(1000, 1 << 20)).hasMessageContaining("maxFrameBytes=1000");
        assertThatThrownBy(() -> new FramePool(64, 1 << 20)).hasMessageContaining("maxFrameBytes=64");
        assertThatThrownBy(() -> new FramePool(4096, 0)).hasMessageContaining("budgetBytes=0");
        assertThatThrownBy(() -> new FramePool(4096, 1 << 20).acquire(-1)).hasMessageContaining("frameBytes=-1");
    }
}
