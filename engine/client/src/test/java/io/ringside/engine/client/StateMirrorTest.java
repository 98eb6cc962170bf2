package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.ringside.protocol.envelope.StatePatch;
import io.ringside.protocol.envelope.StateType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mirror's listener hooks beyond the entity callbacks (the records themselves: the state vectors). */
class StateMirrorTest {
    @Test
    void shouldCallOnPatchAfterEachAppliedPatchWithTheMirrorAtItsTick() {
        // given
        StateMirror mirror = new StateMirror();
        List<String> seen = new ArrayList<>();
        mirror.listener(new StateListener() {
            @Override
            public void onPatch(StatePatch patch) {
                seen.add(patch.getTick() + "/" + mirror.tick() + "/" + mirror.inputAck() + "/" + patch.getDeferred());
            }
        });

        // when
        mirror.apply(StatePatch.newBuilder().setTick(7).setReset(true).build());
        mirror.apply(StatePatch.newBuilder().setTick(8).setInputAck(3).setDeferred(2).build());

        // then
        assertThat(seen).containsExactly("7/7/0/0", "8/8/3/2");
    }

    @Test
    void shouldKeepOnlyTickAndAckWhenNoEntityTypeIsRegistered() {
        // given: a bot that never registered a type gets the arena's patches
        StateMirror mirror = new StateMirror();
        List<Long> ticks = new ArrayList<>();
        mirror.listener(new StateListener() {
            @Override
            public void onPatch(StatePatch patch) {
                ticks.add(patch.getTick());
            }
        });
        StatePatch patch = StatePatch.newBuilder().setTick(9).setInputAck(4).setReset(true)
                .addTypes(StateType.newBuilder().setTypeId(1).setName("game.Fighter"))
                .setRecords(ByteString.copyFrom(new byte[] {1, 2, 3})).build();

        // when
        mirror.apply(patch);

        // then
        assertThat(mirror.tick()).isEqualTo(9);
        assertThat(mirror.inputAck()).isEqualTo(4);
        assertThat(ticks).containsExactly(9L);
        assertThat(mirror.entities()).isEmpty();
    }
}
