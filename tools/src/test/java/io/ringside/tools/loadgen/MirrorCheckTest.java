package io.ringside.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.engine.client.StateMirror;
import io.ringside.engine.state.PatchChannel;
import io.ringside.engine.state.ReplicationOptions;
import io.ringside.engine.state.Replicator;
import io.ringside.examples.arena.wire.Fighter;
import io.ringside.examples.arena.wire.FighterEntity;
import io.ringside.examples.arena.wire.Projectile;
import io.ringside.protocol.envelope.StatePatch;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mirror check on mirrors fed by real replicators: agreement, owner-only fields, a mismatch. */
class MirrorCheckTest {
    private final MirrorCheck check = new MirrorCheck(List.of(Fighter.getDefaultInstance(),
            Projectile.getDefaultInstance()));

    /** A room's replicator with viewers, delivering every patch into that viewer's mirror. */
    private final class Room {
        final Replicator<String> replicator = new Replicator<>(ReplicationOptions.defaults());
        final Map<String, StateMirror> mirrors;

        Room(String... viewers) {
            mirrors = new java.util.HashMap<>();
            for (String viewer : viewers) {
                StateMirror mirror = new StateMirror();
                check.register(mirror);
                mirrors.put(viewer, mirror);
                replicator.join(viewer);
            }
        }

        void send(long tick) {
            replicator.send(tick, new PatchChannel<>() {
                @Override
                public boolean ready(String viewer) {
                    return true;
                }

                @Override
                public boolean deliver(String viewer, byte[] bytes, int offset, int length) {
                    try {
                        mirrors.get(viewer).apply(StatePatch.parseFrom(Arrays.copyOfRange(bytes, offset,
                                offset + length)));
                    } catch (InvalidProtocolBufferException e) {
                        throw new AssertionError(e);
                    }
                    return true;
                }
            });
        }

        void report(String roomId, long tick) {
            mirrors.forEach((viewer, mirror) -> check.report(roomId, viewer.hashCode(), tick, mirror));
        }
    }

    private static FighterEntity fighter(String name, int health) {
        return new FighterEntity().setName(name).setHealth(health).setX(10.5f).setY(2.25f);
    }

    @Test
    void shouldAgreeWhenBotsOfOneRoomHoldTheSameEntities() {
        // given
        Room room = new Room("a", "b");
        FighterEntity ada = fighter("ada", 100);
        room.replicator.spawn(ada, "a");
        room.replicator.spawn(fighter("bob", 90), "b");
        room.send(1);
        ada.setX(11f).setHealth(80);

        // when
        room.send(2);
        room.report("r1", 2);

        // then
        assertThat(check.compared()).isEqualTo(2);
        assertThat(check.mismatches()).isZero();
        assertThat(check.failure()).isNull();
        assertThat(check.summary()).contains("2 views reported, 2 entities compared across bots, 0 mismatches");
    }

    @Test
    void shouldReportAMismatchWhenTwoBotsHoldOneEntityDifferentlyAtTheSameTick() {
        // given: two servers disagree about entity 1 of what the check is told is one room
        Room one = new Room("a");
        Room other = new Room("b");
        one.replicator.spawn(fighter("ada", 100), null);
        other.replicator.spawn(fighter("ada", 60), null);
        one.send(5);
        other.send(5);

        // when
        one.report("r1", 5);
        other.report("r1", 5);

        // then
        assertThat(check.mismatches()).isEqualTo(1);
        assertThat(check.failure()).startsWith("mirrors disagree: 1 entities")
                .contains("room r1 tick 5 entity 1", "health: 100", "health: 60");
        assertThat(check.summary()).contains("1 mismatches", "mismatch: room r1 tick 5 entity 1");
    }

    @Test
    void shouldCompareOnlyTheSameRoomAndTheSameTick() {
        // given
        Room one = new Room("a");
        Room other = new Room("b");
        one.replicator.spawn(fighter("ada", 100), null);
        other.replicator.spawn(fighter("ada", 60), null);
        one.send(5);
        other.send(5);

        // when
        one.report("r1", 5);
        other.report("r2", 5);
        other.report("r1", 6);

        // then
        assertThat(check.compared()).isZero();
        assertThat(check.failure()).startsWith("mirror check compared nothing");
    }
}
