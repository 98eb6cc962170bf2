package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingRoomsTest {
    private static final NodeLoad NODE = new NodeLoad("b", "ws://b/ws", 3, 1, false);

    @Test
    void shouldCountWhatWasSentUntilTwoNewerViewsWereRead() {
        // given a new room and a seat sent to node b, and a room found full, under one view
        PendingRooms pending = new PendingRooms();
        ClusterView first = ClusterView.EMPTY;
        pending.sent(first, "b");
        pending.seat(first, "r1");
        pending.full(first, "r2");

        // when / then they count under that view and the next one (read maybe before b published them)...
        ClusterView second = ClusterView.EMPTY.copy();
        for (ClusterView view : new ClusterView[] {first, second}) {
            assertThat(pending.any(view, "b")).isTrue();
            assertThat(pending.adjust(view, NODE)).isEqualTo(new NodeLoad("b", "ws://b/ws", 4, 2, false));
            assertThat(pending.seats(view, "r1")).isEqualTo(1);
            assertThat(pending.isFull(view, "r2")).isTrue();
            assertThat(pending.any(view, "c")).isFalse();
        }
        // ...and no longer once a third view is read
        ClusterView third = ClusterView.EMPTY.copy();
        assertThat(pending.any(third, "b")).isFalse();
        assertThat(pending.adjust(third, NODE)).isSameAs(NODE);
        assertThat(pending.seats(third, "r1")).isZero();
        assertThat(pending.isFull(third, "r2")).isFalse();
    }
}
