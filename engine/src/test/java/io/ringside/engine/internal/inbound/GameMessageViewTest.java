package io.ringside.engine.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.Ping;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GameMessageViewTest {
    private final GameMessageView view = new GameMessageView();

    private static byte[] envelope(int type, byte[] payload) {
        return ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(type)
                .setPayload(ByteString.copyFrom(payload))).build().toByteArray();
    }

    @Test
    void shouldReadTypeAndPayloadWhenEnvelopeIsWellFormed() {
        // given
        Random random = new Random(42);
        for (int size : new int[] {0, 1, 127, 128, 16_383, 16_384, 70_000}) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            int type = size == 0 ? 1 : Integer.MAX_VALUE - size;
            byte[] bytes = Arrays.copyOf(envelope(type, payload), envelope(type, payload).length + 9);

            // when
            boolean ok = view.wrap(bytes, bytes.length - 9);

            // then
            assertThat(ok).as("size %d", size).isTrue();
            assertThat(view.type()).isEqualTo(type);
            assertThat(Arrays.copyOfRange(bytes, view.payloadOffset(), view.payloadOffset() + view.payloadLength()))
                    .isEqualTo(payload);
        }
    }

    @Test
    void shouldReportTypeZeroAndEmptyPayloadWhenFieldsAreDefault() {
        // given: proto3 leaves default fields out
        byte[] bytes = ClientEnvelope.newBuilder().setGame(GameMessage.getDefaultInstance()).build().toByteArray();

        // when
        boolean ok = view.wrap(bytes, bytes.length);

        // then
        assertThat(ok).isTrue();
        assertThat(view.type()).isZero();
        assertThat(view.payloadLength()).isZero();
    }

    @Test
    void shouldSkipUnknownFieldsWhenNewerClientAddsSome() {
        // given: type 7, an unknown fixed32 field 9, payload {1,2}
        byte[] bytes = {0x1A, 11, 0x08, 7, 0x4D, 1, 2, 3, 4, 0x12, 2, 1, 2};

        // when
        boolean ok = view.wrap(bytes, bytes.length);

        // then
        assertThat(ok).isTrue();
        assertThat(view.type()).isEqualTo(7);
        assertThat(view.payloadLength()).isEqualTo(2);
    }

    @Test
    void shouldRejectWhenBytesAreNotOneGameMessage() {
        byte[] ping = ClientEnvelope.newBuilder().setPing(Ping.newBuilder().setClientTime(5)).build().toByteArray();
        byte[] good = envelope(3, new byte[] {9, 9, 9});
        byte[] trailing = Arrays.copyOf(good, good.length + 2);
        trailing[good.length] = 0x22;
        assertThat(view.wrap(ping, ping.length)).isFalse();
        assertThat(view.wrap(good, good.length - 1)).as("truncated payload").isFalse();
        assertThat(view.wrap(trailing, trailing.length)).as("a second top-level field").isFalse();
        assertThat(view.wrap(new byte[] {0x1A, 2, 0x12, 5}, 4)).as("payload longer than body").isFalse();
        assertThat(view.wrap(new byte[] {0x1A, 2, 0x08, (byte) 0x80}, 4)).as("truncated varint").isFalse();
        assertThat(view.wrap(new byte[] {0x1A, 2, 0x0B, 0}, 4)).as("group wire type").isFalse();
        assertThat(view.wrap(new byte[0], 0)).isFalse();
    }

    @Test
    void shouldAgreeWithProtobufWhenItAcceptsMutatedEnvelopes() throws Exception {
        // given: valid envelopes with random bytes changed, cut or appended
        Random random = new Random(7);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] payload = new byte[random.nextInt(40)];
            random.nextBytes(payload);
            byte[] bytes = envelope(random.nextInt(1 << 20), payload);
            bytes = mutate(bytes, random);

            // when
            boolean ok = view.wrap(bytes, bytes.length);

            // then: whatever the view accepts, protobuf parses to the same type and payload
            if (ok) {
                accepted++;
                ClientEnvelope parsed = ClientEnvelope.parseFrom(bytes);
                assertThat(parsed.hasGame()).isTrue();
                assertThat(view.type()).isEqualTo(parsed.getGame().getType());
                assertThat(Arrays.copyOfRange(bytes, view.payloadOffset(), view.payloadOffset() + view.payloadLength()))
                        .isEqualTo(parsed.getGame().getPayload().toByteArray());
            }
        }
        assertThat(accepted).isGreaterThan(1_000);
    }

    private static byte[] mutate(byte[] bytes, Random random) {
        switch (random.nextInt(4)) {
            case 0:
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                return bytes;
            case 1:
                return Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
            case 2:
                byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(4));
                longer[bytes.length] = (byte) random.nextInt(256);
                return longer;
            default:
                return bytes;
        }
    }
}
