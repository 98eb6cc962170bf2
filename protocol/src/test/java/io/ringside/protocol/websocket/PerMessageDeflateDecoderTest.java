package io.ringside.protocol.websocket;

import static io.ringside.protocol.websocket.Chunks.bytes;
import static io.ringside.protocol.websocket.Chunks.concat;
import static io.ringside.protocol.websocket.RecordingMessageHandler.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Inflating permessage-deflate messages (RFC 7692 §6, §7.2.2) in {@link MessageDecoder}. */
class PerMessageDeflateDecoderTest {
    private static final int FIN_RSV1_TEXT = 0xC1;
    private static final byte[] HELLO_NO_TAKEOVER = bytes(0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00);

    private final InflaterPool pool = new InflaterPool(4);

    private List<String> decodeEverySplitting(byte[] wire, Role role, boolean takeover) {
        List<String> first = null;
        for (List<ByteBuffer> chunks : Chunks.allSplittings(wire)) {
            RecordingMessageHandler handler = new RecordingMessageHandler();
            MessageDecoder decoder = new MessageDecoder(DecoderConfig.builder().role(role).build(), handler, pool,
                    takeover);
            for (ByteBuffer chunk : chunks) {
                decoder.decode(chunk);
            }
            if (first == null) {
                first = handler.events;
            }
            assertThat(handler.events).isEqualTo(first);
        }
        return first;
    }

    @Test
    void shouldInflateRfc7692HelloWhenSentInOneFrame() {
        // given: §7.2.3.1, a message compressed in one frame, from a server and from a client (masked)
        byte[] fromServer = bytes(0xc1, 0x07, 0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00);
        byte[] fromClient = WireFrames.masked(FIN_RSV1_TEXT, HELLO_NO_TAKEOVER);

        // when / then
        assertThat(decodeEverySplitting(fromServer, Role.CLIENT, false)).containsExactly(text("Hello"));
        assertThat(decodeEverySplitting(fromClient, Role.SERVER, false)).containsExactly(text("Hello"));
    }

    @Test
    void shouldInflateRfc7692HelloWhenFragmented() {
        // given: §7.2.3.1, the same compressed bytes in two fragments, RSV1 on the first only
        byte[] wire = bytes(0x41, 0x03, 0xf2, 0x48, 0xcd, 0x80, 0x04, 0xc9, 0xc9, 0x07, 0x00);

        // when / then
        assertThat(decodeEverySplitting(wire, Role.CLIENT, false)).containsExactly(text("Hello"));
    }

    @Test
    void shouldInflateSecondMessageAgainstFirstWhenContextIsTakenOver() {
        // given: §7.2.3.2, the second "Hello" refers back into the first one's window
        byte[] wire = bytes(0xc1, 0x07, 0xf2, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00,
                0xc1, 0x05, 0xf2, 0x00, 0x11, 0x00, 0x00);

        // when / then
        assertThat(decodeEverySplitting(wire, Role.CLIENT, true)).containsExactly(text("Hello"), text("Hello"));
    }

    @Test
    void shouldInflateRfc7692StoredBlockFinalBlockAndTwoBlocks() {
        // given: §7.2.3.3 (no compression), §7.2.3.4 (BFINAL set), §7.2.3.5 (two blocks)
        byte[] stored = bytes(0xc1, 0x0b, 0x00, 0x05, 0x00, 0xfa, 0xff, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x00);
        byte[] bfinal = bytes(0xc1, 0x08, 0xf3, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00, 0x00);
        byte[] twoBlocks = bytes(0xc1, 0x0d, 0xf2, 0x48, 0x05, 0x00, 0x00, 0x00, 0xff, 0xff, 0xca, 0xc9, 0xc9, 0x07,
                0x00);

        // when / then: after a final block the context starts afresh, so the next message still inflates
        assertThat(decodeEverySplitting(concat(stored, bfinal, twoBlocks), Role.CLIENT, true))
                .containsExactly(text("Hello"), text("Hello"), text("Hello"));
    }

    @Test
    void shouldInflateEmptyMessageWhenPayloadIsOneZeroByte() {
        // given: §7.2.3.6, an empty compressed message
        byte[] wire = bytes(0xc2, 0x01, 0x00);

        // when / then
        assertThat(decodeEverySplitting(wire, Role.CLIENT, false)).containsExactly("binary:");
    }

    @Test
    void shouldLeaveUncompressedMessagesAloneWhenDeflateIsNegotiated() {
        // given: RSV1 clear means the message is sent as is
        byte[] wire = concat(WireFrames.masked(0x81, "plain"), WireFrames.masked(FIN_RSV1_TEXT, HELLO_NO_TAKEOVER));

        // when / then
        assertThat(decodeEverySplitting(wire, Role.SERVER, false)).containsExactly(text("plain"), text("Hello"));
    }

    @Test
    void shouldFailWith1009WithoutAllocatingPastTheLimitWhenMessageInflatesTooFar() {
        // given: 64 MiB of zeros deflate to about 64 KiB; the limit is 64 KiB
        byte[] bomb = compress(new byte[64 << 20]);
        DecoderConfig config = DecoderConfig.builder().role(Role.CLIENT).maxMessageBytes(64 * 1024)
                .maxFramePayloadBytes(1 << 20).build();
        MessageDecoder decoder = new MessageDecoder(config, new RecordingMessageHandler(), pool, false);
        ByteBuffer wire = ByteBuffer.wrap(WireFrames.frame(0xC2, bomb, false));

        // when / then
        assertThat(bomb.length).isLessThan(config.maxMessageBytes() + config.maxMessageBytes() / 16);
        assertThatThrownBy(() -> decoder.decode(wire))
                .isInstanceOfSatisfying(WebSocketProtocolException.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCode.MESSAGE_TOO_BIG))
                .hasMessageContaining("inflates to over 65536");
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void shouldDeliverMessageWhenItInflatesToExactlyTheLimit() {
        // given
        byte[] payload = new byte[4096];
        Arrays.fill(payload, (byte) 'a');
        DecoderConfig config = DecoderConfig.builder().role(Role.CLIENT).maxMessageBytes(4096).build();
        RecordingMessageHandler handler = new RecordingMessageHandler();
        MessageDecoder decoder = new MessageDecoder(config, handler, pool, false);

        // when
        decoder.decode(ByteBuffer.wrap(WireFrames.frame(0xC1, compress(payload), false)));

        // then
        assertThat(handler.events).containsExactly(text("a".repeat(4096)));
    }

    @Test
    void shouldFailWith1007AtFirstBadByteWhenInflatedTextIsNotUtf8() {
        // given: the first fragment alone inflates past an invalid byte; the message never ends
        byte[] bad = new byte[50_000];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < bad.length; i++) {
            bad[i] = (byte) ('a' + random.nextInt(26));
        }
        bad[100] = (byte) 0xFF;
        byte[] compressed = compress(bad);
        byte[] first = WireFrames.frame(0x41, Arrays.copyOf(compressed, compressed.length / 2), false);
        MessageDecoder decoder = new MessageDecoder(DecoderConfig.builder().role(Role.CLIENT).build(),
                new RecordingMessageHandler(), pool, false);

        // when / then
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(first)))
                .isInstanceOfSatisfying(WebSocketProtocolException.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCode.INVALID_PAYLOAD));
    }

    @Test
    void shouldFailWith1007WhenDeflateDataIsCorrupt() {
        // given: block type 3 does not exist
        byte[] wire = bytes(0xc2, 0x02, 0xff, 0xff);
        MessageDecoder decoder = new MessageDecoder(DecoderConfig.builder().role(Role.CLIENT).build(),
                new RecordingMessageHandler(), pool, false);

        // when / then
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(wire)))
                .isInstanceOfSatisfying(WebSocketProtocolException.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCode.INVALID_PAYLOAD))
                .hasMessageContaining("invalid deflate data");
    }

    @Test
    void shouldFailWith1002WhenControlFrameOrContinuationHasRsv1() {
        // given: §6.1, RSV1 only on a message's first frame
        byte[] ping = WireFrames.masked(0xC9, new byte[0]);
        byte[] continuation = concat(WireFrames.masked(0x41, bytes(0xf2, 0x48, 0xcd)),
                WireFrames.masked(0xC0, bytes(0xc9, 0xc9, 0x07, 0x00)));

        // when / then
        for (byte[] wire : List.of(ping, continuation)) {
            MessageDecoder decoder = new MessageDecoder(DecoderConfig.defaults(), new RecordingMessageHandler(), pool,
                    false);
            assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(wire)))
                    .isInstanceOfSatisfying(WebSocketProtocolException.class,
                            e -> assertThat(e.closeCode()).isEqualTo(CloseCode.PROTOCOL_ERROR))
                    .hasMessageContaining("RSV1 set on a");
        }
    }

    @Test
    void shouldFailWith1002WhenRsv1ArrivesWithoutNegotiation() {
        // given
        MessageDecoder decoder = new MessageDecoder(DecoderConfig.defaults(), new RecordingMessageHandler());

        // when / then
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(WireFrames.masked(FIN_RSV1_TEXT, HELLO_NO_TAKEOVER))))
                .isInstanceOfSatisfying(WebSocketProtocolException.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCode.PROTOCOL_ERROR));
    }

    @Test
    void shouldLendOneInflaterPerMessageWhenPeerResetsItsContext() {
        // given
        InflaterPool lending = new InflaterPool(1);
        MessageDecoder decoder = new MessageDecoder(DecoderConfig.defaults(), new RecordingMessageHandler(), lending,
                false);
        byte[] message = WireFrames.masked(FIN_RSV1_TEXT, HELLO_NO_TAKEOVER);

        // when
        for (int i = 0; i < 100; i++) {
            decoder.decode(ByteBuffer.wrap(message.clone()));
        }

        // then: the connection holds none between messages and one was ever made
        assertThat(lending.idle()).isEqualTo(1);
        assertThat(lending.created()).isEqualTo(1);
    }

    static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        byte[] out = new byte[data.length + 1024];
        int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(out, n - 4);
    }
}
