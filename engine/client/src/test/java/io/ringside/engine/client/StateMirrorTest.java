package io.ringside.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.protocol.envelope.StatePatch;
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
}
