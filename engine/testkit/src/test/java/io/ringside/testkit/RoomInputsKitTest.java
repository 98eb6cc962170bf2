package io.ringside.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BytesValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.Int32Value;
import io.ringside.engine.room.RoomOptions;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.Input;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The framework's input path through the kit: one input per player per tick, acks, overflow, bad input. */
class RoomInputsKitTest {
    private static final int QUEUE = 4;
    private static final int MAX_INPUT_BYTES = 32;
    private static final int MAX_GAP = 10;

    private final RoomTestKit kit = RoomTestKit.builder()
            .tickRateHz(20)
            .game(g -> g.inputQueueCapacity(QUEUE).maxInputBytes(MAX_INPUT_BYTES).maxInputSeqGap(MAX_GAP)
                    .maxMalformedMessages(100))
            .room("inputs", InputRoom::new, RoomOptions.builder().capacity(4).reconnectGraceMs(1000).build())
            .room("kit", KitRoom::new, RoomOptions.defaults())
            .build();

    @AfterEach
    void closeKit() {
        kit.close();
    }

    private TestPlayer seated(TestRoom<InputRoom> room, String name) {
        TestPlayer player = kit.connect().join(room, JoinOptions.of("name", name));
        kit.tick();
        return player;
    }

    @Test
    void shouldHandOneInputPerTickInOrderAndAckTheLastTakenWhenInputsArriveFasterThanTicks() {
        // given
        TestRoom<InputRoom> room = kit.createRoom("inputs");
        TestPlayer alice = seated(room, "alice");

        // when three inputs arrive within one tick
        alice.sendInput(1, Int32Value.of(10)).sendInput(2, Int32Value.of(20)).sendInput(3, Int32Value.of(30));
        kit.tick();
        int ackAfterOne = alice.inputAck();
        kit.tick();
        int ackAfterTwo = alice.inputAck();
        kit.ticks(3);

        // then
        assertThat(ackAfterOne).isEqualTo(1);
        assertThat(ackAfterTwo).isEqualTo(2);
        assertThat(alice.inputAck()).isEqualTo(3);
        assertThat(room.room().log).containsExactly("alice:10@1", "alice:20@2", "alice:30@3");
        assertThat(room.room().stats().taken()).isEqualTo(3);
        assertThat(alice.errors()).isEmpty();
    }

    @Test
    void shouldDropTheOldestAndCountItWhenTheQueueOverflows() {
        // given
        TestRoom<InputRoom> room = kit.createRoom("inputs");
        TestPlayer alice = seated(room, "alice");

        // when six inputs arrive at once into a queue of four
        for (int seq = 1; seq <= QUEUE + 2; seq++) {
            alice.sendInput(seq, Int32Value.of(seq));
        }
        kit.ticks(QUEUE + 2);

        // then the newest four were taken, one per tick
        assertThat(room.room().log).containsExactly("alice:3@3", "alice:4@4", "alice:5@5", "alice:6@6");
        assertThat(room.room().stats().dropped()).isEqualTo(2);
        assertThat(alice.inputAck()).isEqualTo(6);
        assertThat(alice.errors()).isEmpty();
    }

    @Test
    void shouldGiveNoInputOnATickWithoutOneByDefault() {
        // given
        TestRoom<InputRoom> room = kit.createRoom("inputs");
        TestPlayer alice = seated(room, "alice");
        alice.sendInput(1, Int32Value.of(1));
        kit.tick();

        // when
        kit.ticks(3);

        // then
        assertThat(room.room().log).containsExactly("alice:1@1");
        assertThat(alice.inputAck()).isEqualTo(1);
    }

    @Test
    void shouldRepeatTheLastInputWithItsSeqWhenDeclaredSoAndNoneArrived() {
        // given
        TestRoom<InputRoom> room = kit.createRoom("inputs", Map.of("missing", "repeat"));
        TestPlayer alice = seated(room, "alice");
        kit.tick();
        alice.sendInput(1, Int32Value.of(5));
        kit.tick();

        // when
        kit.ticks(2);
        alice.sendInput(2, Int32Value.of(6));
        kit.tick();

        // then nothing before the first input, then repeats of seq 1 until seq 2 came
        assertThat(room.room().log).containsExactly("alice:5@1", "alice:5@1", "alice:5@1", "alice:6@2");
        assertThat(alice.inputAck()).isEqualTo(2);
        assertThat(room.room().stats().taken()).isEqualTo(2);
    }

    @Test
    void shouldKeepEachPlayersQueueAndAckApart() {
        // given
        TestRoom<InputRoom> room = kit.createRoom("inputs");
        TestPlayer alice = seated(room, "alice");
        TestPlayer bob = seated(room, "bob");

        // when
        alice.sendInput(1, Int32Value.of(1)).sendInput(2, Int32Value.of(2));
        bob.sendInput(7, Int32Value.of(70));
        kit.tick();

        // then
        assertThat(room.room().log).containsExactly("alice:1@1", "bob:70@7");
        assertThat(alice.inputAck()).isEqualTo(1);
        assertThat(bob.inputAck()).isEqualTo(7);
    }

    @Test
    void shouldAnswerMalformedInputForBadSeqsAndPayloadsAndCostOnlyThatPlayer() {
        // given
        TestRoom<InputRoom> room = kit.createRoom("inputs");
        TestPlayer alice = seated(room, "alice");
        TestPlayer bob = seated(room, "bob");
        alice.sendInput(5, Int32Value.of(5));
        kit.tick();

        // when: seq 0, a duplicate, an older one, a jump past the gap, too big, not parsing, not an Input at all
        alice.sendInput(0, Int32Value.of(0));
        alice.sendInput(5, Int32Value.of(5));
        alice.sendInput(4, Int32Value.of(4));
        alice.sendInput(5 + MAX_GAP + 1, Int32Value.of(9));
        alice.sendInput(6, BytesValue.of(ByteString.copyFrom(new byte[MAX_INPUT_BYTES])));
        alice.sendEnvelope(ClientEnvelope.newBuilder().setInput(Input.newBuilder().setSeq(6)
                .setPayload(ByteString.copyFrom(new byte[] {(byte) 0xFF}))).build());
        alice.sendBytes(new byte[] {0x32, 0x02, 0x08});
        bob.sendInput(1, Int32Value.of(1));
        kit.tick();
        alice.sendInput(5 + MAX_GAP, Int32Value.of(15));
        kit.tick();

        // then
        assertThat(alice.errors()).hasSize(7).allSatisfy(error ->
                assertThat(error.getCode()).isEqualTo(ErrorCode.ERROR_CODE_MALFORMED_INPUT));
        assertThat(alice.errors().get(3).getMessage()).contains("game.max-input-seq-gap");
        assertThat(alice.errors().get(4).getMessage()).contains("game.max-input-bytes");
        assertThat(room.room().log).containsExactly("alice:5@5", "bob:1@1", "alice:15@15");
        assertThat(room.room().stats().refused()).isEqualTo(6);
        assertThat(alice.isOpen()).isTrue();
        assertThat(alice.inputAck()).isEqualTo(15);
        assertThat(bob.errors()).isEmpty();
        assertThat(bob.inputAck()).isEqualTo(1);
    }

    @Test
    void shouldAnswerInputNotAcceptedInARoomWithoutAnInputType() {
        // given
        TestPlayer alice = kit.connect().joinOrCreate("kit");
        kit.tick();

        // when
        alice.sendInput(1, Int32Value.of(1));
        kit.tick();

        // then
        assertThat(alice.lastErrorCode()).isEqualTo(ErrorCode.ERROR_CODE_INPUT_NOT_ACCEPTED);
        assertThat(alice.isInRoom()).isTrue();
    }

    @Test
    void shouldAnswerNotInRoomToAnInputOutsideARoom() {
        // given
        TestPlayer alice = kit.connect();

        // when
        alice.sendInput(1, Int32Value.of(1));

        // then
        assertThat(alice.lastErrorCode()).isEqualTo(ErrorCode.ERROR_CODE_NOT_IN_ROOM);
    }

    @Test
    void shouldStartANewSequenceAfterAReconnect() {
        // given
        TestRoom<InputRoom> room = kit.createRoom("inputs");
        TestPlayer alice = seated(room, "alice");
        alice.sendInput(1, Int32Value.of(1)).sendInput(2, Int32Value.of(2)).sendInput(3, Int32Value.of(3));
        kit.tick();

        // when the connection drops with two inputs still queued and the player comes back
        alice.drop();
        kit.tick();
        alice.reconnect();
        kit.tick();
        int ackAfterReconnect = alice.inputAck();
        alice.sendInput(1, Int32Value.of(100));
        kit.tick();

        // then
        assertThat(ackAfterReconnect).isZero();
        assertThat(alice.inputAck()).isEqualTo(1);
        assertThat(alice.errors()).isEmpty();
        assertThat(room.room().log).startsWith("alice:1@1").endsWith("alice:100@1");
    }

    @Test
    void shouldForgetQueuedInputsWhenTheConnectionDropsAndTheSeatIsHeld() {
        // given three inputs queued, one taken
        TestRoom<InputRoom> room = kit.createRoom("inputs");
        TestPlayer alice = seated(room, "alice");
        alice.sendInput(1, Int32Value.of(1)).sendInput(2, Int32Value.of(2)).sendInput(3, Int32Value.of(3));
        kit.tick();

        // when
        alice.drop();
        kit.ticks(3);

        // then the two left in the queue never reached the room
        assertThat(room.room().log).containsExactly("alice:1@1");
        assertThat(room.room().stats().queued(room.players().get(0))).isZero();
    }
}
