package io.ringside.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.engine.client.StateMirror;
import io.ringside.engine.state.vectors.Mover;
import io.ringside.engine.state.vectors.MoverEntity;
import io.ringside.protocol.envelope.StatePatch;
import io.ringside.protocol.state.EntityState;
import io.ringside.protocol.state.StateBuffer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicatorFieldFilterTest {
    private final Map<Integer, StateMirror> mirrors = new HashMap<>();
    private final Map<Integer, Integer> patches = new HashMap<>();
    private final PatchChannel<Integer> channel = new PatchChannel<>() {
        @Override
        public boolean ready(Integer viewer) {
            return true;
        }

        @Override
        public boolean deliver(Integer viewer, byte[] bytes, int offset, int length) {
            patches.merge(viewer, 1, Integer::sum);
            if (!decode) {
                return true;
            }
            try {
                mirrors.computeIfAbsent(viewer, v -> new StateMirror().register(Mover.getDefaultInstance()))
                        .apply(StatePatch.parser().parseFrom(bytes, offset, length));
            } catch (InvalidProtocolBufferException ex) {
                throw new AssertionError(ex);
            }
            return true;
        }
    };
    private boolean healthSecret = true;
    private boolean decode = true;

    @Test
    void shouldSendEachViewerOnlyTheFieldsItsFilterLeavesAndResyncWhenTheResultChanges() {
        // given a fighter whose health odd viewers may not see while it is secret
        Replicator<Integer> replicator = new Replicator<>(ReplicationOptions.defaults());
        replicator.fieldFilter((viewer, entity, owner) ->
                healthSecret && viewer % 2 == 1 ? MoverEntity.HEALTH_FIELD : 0);
        MoverEntity fighter = new MoverEntity().setX(5).setHealth(100).setName("Al");
        for (int v = 0; v < 4; v++) {
            replicator.join(v);
        }
        int id = replicator.spawn(fighter, null);

        // when it enters every view
        replicator.send(1, channel);

        // then
        assertThat(health(0, id)).isEqualTo(100);
        assertThat(health(1, id)).isZero();
        assertThat(name(1, id)).isEqualTo("Al");

        // when its health changes: the even viewers are told, the odd ones are not
        fighter.setHealth(90);
        replicator.send(2, channel);

        // then
        assertThat(health(2, id)).isEqualTo(90);
        assertThat(health(3, id)).isZero();

        // when the health stops being secret: the odd viewers get the fighter whole again
        healthSecret = false;
        replicator.send(3, channel);

        // then
        assertThat(health(1, id)).isEqualTo(90);
        assertThat(health(3, id)).isEqualTo(90);

        // when it is secret again: a RESYNC sets it back to the default
        healthSecret = true;
        fighter.setX(7);
        replicator.send(4, channel);

        // then
        assertThat(health(3, id)).isZero();
        assertThat(mirrors.get(3).get(id).toMessage()).isEqualTo(Mover.newBuilder().setX(7).setName("Al").build());
        assertThat(health(0, id)).isEqualTo(90);
    }

    @Test
    void shouldEncodeAnEntityOncePerDistinctFilterResultNotPerViewer() {
        // given ten viewers, the odd ones not allowed field c
        Replicator<Integer> replicator = new Replicator<>(ReplicationOptions.defaults());
        replicator.fieldFilter((viewer, entity, owner) -> viewer % 2 == 1 ? 0b100 : 0);
        decode = false;
        CountingEntity entity = new CountingEntity();
        entity.current[0] = 1;
        entity.current[2] = 3;
        for (int v = 0; v < 10; v++) {
            replicator.join(v);
        }
        replicator.spawn(entity, null);

        // when it enters every view
        replicator.send(1, channel);

        // then two FULL bodies were written: one with c, one without
        assertThat(entity.fullWrites).isEqualTo(2);

        // when a and c change
        entity.current[0] = 2;
        entity.current[2] = 4;
        replicator.send(2, channel);

        // then the change was encoded once for the shared body and once per field for the variants,
        // however many viewers; no FULL body was written
        assertThat(entity.changeWrites).isEqualTo(3);
        assertThat(entity.fullWrites).isEqualTo(2);
        assertThat(replicator.stats().patches()).isEqualTo(20);
    }

    private int health(int viewer, int id) {
        return (Integer) mirrors.get(viewer).get(id).get("health");
    }

    private String name(int viewer, int id) {
        return (String) mirrors.get(viewer).get(id).get("name");
    }

    /** Three uint32 fields, counting how often its bodies are encoded. */
    static final class CountingEntity extends EntityState {
        final int[] current = new int[3];
        final int[] sent = new int[3];
        int changeWrites;
        int fullWrites;

        @Override
        public int typeId() {
            return 9;
        }

        @Override
        public String typeName() {
            return "test.Counting";
        }

        @Override
        protected boolean ownerOnlyEntity() {
            return false;
        }

        @Override
        protected int fieldCount() {
            return 3;
        }

        @Override
        protected int changedMask() {
            int mask = 0;
            for (int i = 0; i < 3; i++) {
                mask |= current[i] != sent[i] ? 1 << i : 0;
            }
            return mask;
        }

        @Override
        protected boolean moving() {
            return false;
        }

        @Override
        protected void writeChanges(StateBuffer out, int mask) {
            changeWrites++;
            for (int i = 0; i < 3; i++) {
                if ((mask & 1 << i) != 0) {
                    out.writeZigzag32(current[i] - sent[i]);
                }
            }
        }

        @Override
        protected void advance() {
            System.arraycopy(current, 0, sent, 0, 3);
        }

        @Override
        protected void prime() {
            advance();
        }

        @Override
        protected int ownerOnlyMask() {
            return 0;
        }

        @Override
        protected int teamOnlyMask() {
            return 0;
        }

        @Override
        protected int nonDefaultMask() {
            int mask = 0;
            for (int i = 0; i < 3; i++) {
                mask |= sent[i] != 0 ? 1 << i : 0;
            }
            return mask;
        }

        @Override
        protected void writeFull(StateBuffer out, int mask) {
            fullWrites++;
            for (int i = 0; i < 3; i++) {
                if ((mask & 1 << i) != 0) {
                    out.writeZigzag32(sent[i]);
                }
            }
        }
    }
}
