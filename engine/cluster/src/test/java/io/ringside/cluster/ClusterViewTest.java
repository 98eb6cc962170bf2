package io.ringside.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.room.RoomSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterViewTest {
    private static final RoomSnapshot OPEN = new RoomSnapshot("r1", "arena", 2, 4, "map-1", false, false, 3);
    private static final RoomSnapshot LOCKED = new RoomSnapshot("r2", "arena", 1, 4, "", true, false, 1);

    @Test
    void shouldHoldThisNodesOwnRoomsAsTheyAreNowAndLeaveTheReadAsItWas() {
        // given a view read from Redis
        ClusterView read = ClusterView.EMPTY.copy();

        // when this node's rooms are patched in
        ClusterView patched = read.withOwnRooms("a", "ws://a/ws", List.of(OPEN, LOCKED), false);

        // then its rooms are known with their seats, and the read is the same one
        assertThat(patched.read).isSameAs(read.read);
        assertThat(patched.rooms.get("r1")).isEqualTo(new ClusterView.RoomEntry("r1", "arena", "a", "ws://a/ws", 2, 3,
                4, false, false, "map-1"));
        assertThat(patched.rooms).containsKey("r2");
        // listed only once the node is known from a read (a node missing from the registry lists nothing)
        assertThat(patched.listings).isEmpty();
    }

    @Test
    void shouldReplaceThisNodesRoomsAtEveryPatch() {
        // given a view with one room of this node patched in
        ClusterView first = ClusterView.EMPTY.copy().withOwnRooms("a", "ws://a/ws", List.of(OPEN, LOCKED), false);

        // when the next patch no longer has one of them
        ClusterView second = first.withOwnRooms("a", "ws://a/ws", List.of(LOCKED), false);

        // then it is gone from the view
        assertThat(second.rooms).containsOnlyKeys("r2");
    }

    @Test
    void shouldKeepCountingPlacementsUnderPatchesOfTheSameRead() {
        // given a new room sent to node b under a view read from Redis
        PendingRooms pending = new PendingRooms();
        ClusterView read = ClusterView.EMPTY.copy();
        pending.sent(read, "b");

        // when this node patches its own rooms in twice, then one newer read comes
        ClusterView patched = read.withOwnRooms("a", "ws://a/ws", List.of(OPEN), false)
                .withOwnRooms("a", "ws://a/ws", List.of(), false);
        ClusterView next = patched.copy();

        // then the new room counts until a second newer read, as if no patch had been made
        assertThat(pending.any(patched, "b")).isTrue();
        assertThat(pending.any(next, "b")).isTrue();
        assertThat(pending.any(next.copy(), "b")).isFalse();
    }

    @Test
    void shouldReadBackARoomEntryWhateverItsTypeAndLabelHold() {
        // given a room whose type and label hold spaces and digits
        RoomSnapshot room = new RoomSnapshot("r3", "capture the flag 2", 7, 10, " 5 v 5 ", true, true, 8);

        // when its entry is written and read back
        ClusterView.RoomEntry entry = ClusterView.entry("r3", "a", "ws://a/ws", ClusterView.entryValue(room));

        // then it is the same room
        assertThat(entry).isEqualTo(new ClusterView.RoomEntry("r3", "capture the flag 2", "a", "ws://a/ws", 7, 8,
                10, true, true, " 5 v 5 "));
    }

    @Test
    void shouldSkipAnEntryItCannotRead() {
        assertThat(ClusterView.entry("r", "a", "ws://a/ws", "")).isNull();
        assertThat(ClusterView.entry("r", "a", "ws://a/ws", "1 1 4 0 0")).isNull();
        assertThat(ClusterView.entry("r", "a", "ws://a/ws", "1 x 4 0 0 5 arena")).isNull();
        assertThat(ClusterView.entry("r", "a", "ws://a/ws", "1 1 4 0 0 9 arena")).isNull();
        assertThat(ClusterView.entry("r", "a", "ws://a/ws", "1 1 4 0 0 0 ")).isNull();
    }
}
