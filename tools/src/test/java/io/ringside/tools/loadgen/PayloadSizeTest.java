package io.ringside.tools.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.BytesValue;
import com.google.protobuf.InvalidProtocolBufferException;
import org.junit.jupiter.api.Test;

class PayloadSizeTest {

    @Test
    void shouldGiveThePayloadSizeWhenGivenAByteString() {
        // given: a 200 B snapshot payload, as the swarm room sends it
        ByteString payload = BytesValue.of(ByteString.copyFrom(new byte[200])).toByteString();

        // when
        int size = PayloadSize.PARSER.parseFrom(payload).getValue();

        // then
        assertThat(size).isEqualTo(payload.size()).isEqualTo(203);
    }

    @Test
    void shouldSkipAWholeMessageWhenParsedFromBytes() throws Exception {
        // given
        byte[] bytes = BytesValue.of(ByteString.copyFrom(new byte[16])).toByteArray();

        // when
        int size = PayloadSize.PARSER.parseFrom(bytes).getValue();

        // then
        assertThat(size).isEqualTo(bytes.length);
    }

    @Test
    void shouldRefuseTruncatedBytes() {
        // given: a bytes field that claims 16 B and holds 3
        byte[] truncated = {0x0a, 0x10, 1, 2, 3};

        // when / then
        assertThatThrownBy(() -> PayloadSize.PARSER.parseFrom(truncated))
                .isInstanceOf(InvalidProtocolBufferException.class);
    }
}
