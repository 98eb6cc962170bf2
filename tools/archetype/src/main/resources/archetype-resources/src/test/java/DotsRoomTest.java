package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import ${package}.wire.DotEntity;
import ${package}.wire.MoveTo;
import io.ringside.engine.room.RoomOptions;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.testkit.JoinOptions;
import io.ringside.testkit.RoomTestKit;
import io.ringside.testkit.TestPlayer;
import io.ringside.testkit.TestRoom;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room on the test kit: no sockets, no threads, a manual clock. */
class DotsRoomTest {
    private final RoomTestKit kit = RoomTestKit.builder()
            .tickRateHz(30)
            .room(DotsRoom.TYPE, () -> new DotsRoom(new SplittableRandom(42)),
                    RoomOptions.builder().capacity(2).build())
            .build();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void shouldGlideToTheClickedPoint() {
        // given
        TestRoom<DotsRoom> room = kit.createRoom(DotsRoom.TYPE, Map.of());
        TestPlayer alice = kit.connect().join(room, JoinOptions.of("name", "alice"));
        kit.tick();

        // when
        alice.send(DotsRoom.MOVE_TO, MoveTo.newBuilder().setX(400).setY(300).build());
        kit.ticks(60);

        // then: 2 s at 240 units/s covers any distance on the field
        DotEntity dot = DotsRoom.dotOf(alice.player());
        assertThat(dot.getName()).isEqualTo("alice");
        assertThat(dot.getX()).isEqualTo(400);
        assertThat(dot.getY()).isEqualTo(300);
    }

    @Test
    void shouldScoreAndMoveTheStarWhenADotTouchesIt() {
        // given
        TestRoom<DotsRoom> room = kit.createRoom(DotsRoom.TYPE, Map.of());
        TestPlayer alice = kit.connect().join(room);
        kit.tick();
        float starX = room.room().star().getX();
        float starY = room.room().star().getY();

        // when
        alice.send(DotsRoom.MOVE_TO, MoveTo.newBuilder().setX(starX).setY(starY).build());
        kit.ticks(60);

        // then
        assertThat(DotsRoom.dotOf(alice.player()).getScore()).isEqualTo(1);
        assertThat(room.room().star().getX()).isNotEqualTo(starX);
    }

    @Test
    void shouldRefuseAThirdPlayer() {
        // given
        TestRoom<DotsRoom> room = kit.createRoom(DotsRoom.TYPE, Map.of());
        kit.connect().join(room);
        kit.connect().join(room);
        kit.tick();

        // when
        TestPlayer carol = kit.connect().join(room);
        kit.tick();

        // then
        assertThat(carol.isInRoom()).isFalse();
        assertThat(carol.lastErrorCode()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_FULL);
    }

    @Test
    void shouldKickAPlayerSendingNonFiniteCoordinates() {
        // given
        TestRoom<DotsRoom> room = kit.createRoom(DotsRoom.TYPE, Map.of());
        TestPlayer mallory = kit.connect().join(room);
        kit.tick();

        // when
        mallory.send(DotsRoom.MOVE_TO, MoveTo.newBuilder().setX(Float.NaN).setY(1).build());
        kit.tick();

        // then
        assertThat(mallory.isInRoom()).isFalse();
        assertThat(room.players()).isEmpty();
    }
}
