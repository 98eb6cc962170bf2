package io.ringside.engine.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GameConfigTest {
    private static GameConfig.Builder valid() {
        return GameConfig.builder().room("a", () -> new Room() { }, RoomOptions.defaults());
    }

    @Test
    void shouldKeepDefaultsWhenNothingIsSet() {
        GameConfig config = valid().build();
        assertThat(config.tickRateHz()).isEqualTo(30);
        assertThat(config.ringCapacity()).isEqualTo(16_384);
        assertThat(config.slotBytes()).isEqualTo(512);
        assertThat(config.maxMalformedMessages()).isEqualTo(10);
        assertThat(config.shards()).isPositive();
    }

    @Test
    void shouldNameBadValueWhenBuildFails() {
        assertThatThrownBy(() -> valid().shards(0).build()).hasMessageStartingWith("shards=0");
        assertThatThrownBy(() -> valid().tickRateHz(129).build()).hasMessageStartingWith("tickRateHz=129");
        assertThatThrownBy(() -> valid().ringCapacity(1000).build()).hasMessageStartingWith("ringCapacity=1000");
        assertThatThrownBy(() -> valid().slotBytes(8).build()).hasMessageStartingWith("slotBytes=8");
        assertThatThrownBy(() -> valid().maxEventsPerTick(0).build()).hasMessageStartingWith("maxEventsPerTick=0");
        assertThatThrownBy(() -> valid().maxRooms(0).build()).hasMessageStartingWith("maxRooms=0");
        assertThatThrownBy(() -> valid().maxRoomsPerClient(0).build()).hasMessageStartingWith("maxRoomsPerClient=0");
        assertThatThrownBy(() -> valid().maxMalformedMessages(0).build())
                .hasMessageStartingWith("maxMalformedMessages=0");
        assertThatThrownBy(() -> valid().postQueueCapacity(0).build()).hasMessageStartingWith("postQueueCapacity=0");
        assertThatThrownBy(() -> valid().framePoolBytes(100).build()).hasMessageStartingWith("framePoolBytes=100");
        assertThatThrownBy(() -> GameConfig.builder().build()).hasMessageStartingWith("rooms=[]");
        assertThatThrownBy(() -> valid().room("a", () -> new Room() { }, RoomOptions.defaults()))
                .hasMessageStartingWith("room=a");
    }

    @Test
    void shouldBoundInputsByDefaultAndNameABadInputLimit() {
        GameConfig config = valid().build();
        assertThat(config.inputQueueCapacity()).isEqualTo(8);
        assertThat(config.maxInputBytes()).isEqualTo(512);
        assertThat(config.maxInputSeqGap()).isEqualTo(1024);
        assertThatThrownBy(() -> valid().inputQueueCapacity(0).build()).hasMessageStartingWith("inputQueueCapacity=0");
        assertThatThrownBy(() -> valid().inputQueueCapacity(GameConfig.MAX_INPUT_QUEUE_CAPACITY + 1).build())
                .hasMessageStartingWith("inputQueueCapacity=" + (GameConfig.MAX_INPUT_QUEUE_CAPACITY + 1));
        assertThatThrownBy(() -> valid().maxInputBytes(0).build()).hasMessageStartingWith("maxInputBytes=0");
        assertThatThrownBy(() -> valid().maxInputBytes(GameConfig.MAX_INPUT_BYTES + 1).build())
                .hasMessageStartingWith("maxInputBytes=" + (GameConfig.MAX_INPUT_BYTES + 1));
        assertThatThrownBy(() -> valid().maxInputSeqGap(0).build()).hasMessageStartingWith("maxInputSeqGap=0");
    }

    @Test
    void shouldGiveRoomsTwentyFiveSecondsToDrainAndNameABadDeadline() {
        assertThat(valid().build().drainDeadlineMs()).isEqualTo(25_000);
        assertThat(valid().drainDeadlineMs(0).build().drainDeadlineMs()).isZero();
        assertThatThrownBy(() -> valid().drainDeadlineMs(-1).build()).hasMessageStartingWith("drainDeadlineMs=-1");
        assertThatThrownBy(() -> valid().drainDeadlineMs(GameConfig.MAX_DRAIN_DEADLINE_MS + 1).build())
                .hasMessageStartingWith("drainDeadlineMs=" + (GameConfig.MAX_DRAIN_DEADLINE_MS + 1));
    }

    @Test
    void shouldNameBadRoomOptionWhenBuildFails() {
        assertThatThrownBy(() -> RoomOptions.builder().capacity(0).build()).hasMessageStartingWith("capacity=0");
        assertThatThrownBy(() -> RoomOptions.builder().disposeWhenEmptyMs(-1).build())
                .hasMessageStartingWith("disposeWhenEmptyMs=-1");
        assertThatThrownBy(() -> RoomOptions.builder().reconnectGraceMs(-1).build())
                .hasMessageStartingWith("reconnectGraceMs=-1");
        assertThatThrownBy(() -> RoomOptions.builder().reconnectGraceMs(RoomOptions.MAX_RECONNECT_GRACE_MS + 1)
                .build()).hasMessageStartingWith("reconnectGraceMs=" + (RoomOptions.MAX_RECONNECT_GRACE_MS + 1));
    }

    @Test
    void shouldHoldNoSeatsByDefaultAndKeepTheGraceWhenSet() {
        assertThat(RoomOptions.defaults().reconnectGraceMs()).isZero();
        assertThat(RoomOptions.builder().reconnectGraceMs(RoomOptions.MAX_RECONNECT_GRACE_MS).build()
                .reconnectGraceMs()).isEqualTo(RoomOptions.MAX_RECONNECT_GRACE_MS);
    }

    @Test
    void shouldRejectDuplicateMessageTypeWhenRoomDeclaresIt() {
        MessageRouter router = new MessageRouter();
        router.onRaw(1, (player, bytes, offset, length) -> { });
        assertThatThrownBy(() -> router.onRaw(1, (player, bytes, offset, length) -> { }))
                .hasMessageStartingWith("type=1");
        assertThat(router.declares(1)).isTrue();
    }
}
