package io.ringside.protocol.websocket;

import static io.ringside.protocol.websocket.Chunks.bytes;
import static io.ringside.protocol.websocket.Chunks.concat;
import static io.ringside.protocol.websocket.Decoding.assertDecodes;
import static io.ringside.protocol.websocket.Decoding.assertRejects;
import static io.ringside.protocol.websocket.Decoding.client;
import static io.ringside.protocol.websocket.Decoding.server;
import static io.ringside.protocol.websocket.RecordingMessageHandler.binary;
import static io.ringside.protocol.websocket.RecordingMessageHandler.text;
import static io.ringside.protocol.websocket.WireFrames.closeBody;
import static io.ringside.protocol.websocket.WireFrames.filled;
import static io.ringside.protocol.websocket.WireFrames.masked;
import static io.ringside.protocol.websocket.WireFrames.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MessageDecoderTest {
    private static final byte[] MASKED_HELLO =
            bytes(0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);

    @Test
    void shouldDecodeRfcUnmaskedHelloWhenClient() {
        assertDecodes(client(), bytes(0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f), text("Hello"));
    }

    @Test
    void shouldDecodeRfcMaskedHelloWhenServer() {
        assertDecodes(server(), MASKED_HELLO, text("Hello"));
    }

    @Test
    void shouldDecodeRfcFragmentedHelloWhenClient() {
        byte[] wire = bytes(0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f);
        assertDecodes(client(), wire, text("Hello"));
    }

    @Test
    void shouldDecodeRfcUnmaskedPingWhenClient() {
        assertDecodes(client(), bytes(0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f), "ping:48656c6c6f");
    }

    @Test
    void shouldDecodeRfcMaskedPongWhenServer() {
        byte[] wire = bytes(0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58);
        assertDecodes(server(), wire, "pong:48656c6c6f");
    }

    @Test
    void shouldDecodeRfc256ByteBinaryWith16BitLength() {
        byte[] payload = filled(256);
        byte[] wire = concat(bytes(0x82, 0x7E, 0x01, 0x00), payload);
        assertDecodes(client(), wire, binary(payload));
    }

    @Test
    void shouldDecodeRfc64KibBinaryWith64BitLength() {
        byte[] payload = filled(65536);
        byte[] wire = concat(bytes(0x82, 0x7F, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00), payload);
        assertDecodes(client(), wire, binary(payload));
    }

    @Test
    void shouldDeliverInterleavedControlFramesAtOnceWhenMessageIsFragmented() {
        byte[] wire = concat(masked(0x01, "Hel"), masked(0x89, "p"), masked(0x00, "l"), masked(0x8A, ""),
                masked(0x80, "o"));
        assertDecodes(server(), wire, "ping:70", "pong:", text("Hello"));
    }

    @Test
    void shouldRejectContinuationWhenNoMessageStarted() {
        assertRejects(server(), masked(0x80, "x"), CloseCode.PROTOCOL_ERROR);
    }

    @Test
    void shouldRejectNewDataFrameWhenMessageIsFragmented() {
        assertRejects(server(), concat(masked(0x01, "a"), masked(0x82, "b")), CloseCode.PROTOCOL_ERROR);
    }

    @Test
    void shouldAcceptFragmentedMessageWhenExactlyAtLimit() {
        DecoderConfig config = DecoderConfig.builder().maxMessageBytes(10).build();
        assertDecodes(config, concat(masked(0x02, filled(4)), masked(0x80, filled(6))),
                binary(concat(filled(4), filled(6))));
    }

    @Test
    void shouldRejectFragmentedMessageWhenOneByteOverLimit() {
        DecoderConfig config = DecoderConfig.builder().maxMessageBytes(10).build();
        byte[] wire = concat(masked(0x02, filled(4)), masked(0x00, filled(7)), masked(0x80, filled(1)));
        assertRejects(config, wire, CloseCode.MESSAGE_TOO_BIG);
    }

    @Test
    void shouldRejectOversizedMessageFromHeaderBeforeBufferingItsPayload() {
        // given
        DecoderConfig config = DecoderConfig.builder().maxMessageBytes(10).build();
        byte[] oversizedFragment = masked(0x80, filled(7));
        byte[] wire = concat(masked(0x02, filled(4)), Arrays.copyOf(oversizedFragment, 6));
        MessageDecoder decoder = new MessageDecoder(config, new RecordingMessageHandler());

        // when / then
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(wire)))
                .isInstanceOfSatisfying(WebSocketProtocolException.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCode.MESSAGE_TOO_BIG));
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void shouldRejectSingleFrameMessageWhenOneByteOverLimit() {
        DecoderConfig config = DecoderConfig.builder().maxMessageBytes(200).build();
        assertDecodes(config, masked(0x82, filled(200)), binary(filled(200)));
        assertRejects(config, masked(0x82, filled(201)), CloseCode.MESSAGE_TOO_BIG);
    }

    @Test
    void shouldRejectTextWhenInvalidUtf8MidFragmentBeforeMessageEnds() {
        byte[] firstFragment = masked(0x01, concat(utf8("ok"), bytes(0xC0, 0xAF)));
        assertRejects(server(), firstFragment, CloseCode.INVALID_PAYLOAD);
    }

    @Test
    void shouldAcceptTextWhenCodePointSplitAcrossFragments() {
        byte[] euro = utf8("€");
        byte[] wire = concat(masked(0x01, bytes(euro[0])), masked(0x00, bytes(euro[1])), masked(0x80, bytes(euro[2])));
        assertDecodes(server(), wire, text("€"));
    }

    @Test
    void shouldRejectTextWhenFinalFragmentEndsInsideSequence() {
        byte[] euro = utf8("€");
        byte[] wire = concat(masked(0x01, utf8("a")), masked(0x80, bytes(euro[0], euro[1])));
        assertRejects(server(), wire, CloseCode.INVALID_PAYLOAD);
        assertRejects(server(), masked(0x81, bytes(euro[0])), CloseCode.INVALID_PAYLOAD);
    }

    @Test
    void shouldAcceptInvalidUtf8WhenMessageIsBinary() {
        assertDecodes(server(), masked(0x82, bytes(0xC0, 0xAF)), binary(bytes(0xC0, 0xAF)));
    }

    @Test
    void shouldReportNoStatusWhenCloseBodyIsEmpty() {
        assertDecodes(server(), masked(0x88, new byte[0]), "close:1005:");
    }

    @Test
    void shouldReportCodeAndReasonWhenCloseHasBody() {
        assertDecodes(server(), masked(0x88, closeBody(1000, utf8("bye ✓"))), "close:1000:bye ✓");
        assertDecodes(server(), masked(0x88, closeBody(4999, new byte[0])), "close:4999:");
    }

    @Test
    void shouldRejectCloseWhenBodyIsOneByte() {
        assertRejects(server(), masked(0x88, bytes(0x03)), CloseCode.PROTOCOL_ERROR);
    }

    @Test
    void shouldRejectCloseWhenCodeIsNotValidOnWire() {
        for (int code : new int[] {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535}) {
            assertRejects(server(), masked(0x88, closeBody(code, new byte[0])), CloseCode.PROTOCOL_ERROR);
        }
    }

    @Test
    void shouldRejectCloseWhenReasonIsNotUtf8() {
        assertRejects(server(), masked(0x88, closeBody(1000, bytes(0xED, 0xA0, 0x80))), CloseCode.INVALID_PAYLOAD);
    }

    @Test
    void shouldIgnoreBytesWhenCloseWasReceived() {
        byte[] garbage = bytes(0xFF, 0xFF, 0x00, 0x13);
        byte[] wire = concat(masked(0x88, closeBody(1001, new byte[0])), garbage, masked(0x81, "late"));
        assertDecodes(server(), wire, "close:1001:");
    }

    @Test
    void shouldHandOverViewOfSourceWhenSingleFrameIsWholeInBuffer() {
        // given
        RecordingMessageHandler handler = new RecordingMessageHandler();
        MessageDecoder decoder = new MessageDecoder(server(), handler);
        ByteBuffer src = ByteBuffer.wrap(MASKED_HELLO.clone());

        // when
        decoder.decode(src);

        // then
        assertThat(handler.events).containsExactly(text("Hello"));
        assertThat(handler.buffers.get(0)).isSameAs(src);
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void shouldReportBufferedBytesWhenMessageIsPartial() {
        // given
        MessageDecoder decoder = new MessageDecoder(server(), new RecordingMessageHandler());
        byte[] wire = concat(masked(0x02, filled(300)), masked(0x80, filled(20)));

        // when
        decoder.decode(ByteBuffer.wrap(wire, 0, 8 + 100));
        int afterPartialFrame = decoder.bufferedBytes();
        decoder.decode(ByteBuffer.wrap(wire, 108, 200 + 6 + 5));
        int afterPartialMessage = decoder.bufferedBytes();
        decoder.decode(ByteBuffer.wrap(wire, 319, wire.length - 319));

        // then
        assertThat(afterPartialFrame).isEqualTo(100);
        assertThat(afterPartialMessage).isEqualTo(305);
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void shouldReportRetainedBytesAsTheArraysHeldNotJustTheBytesReceived() {
        // given: a 3000-byte message split across reads
        MessageDecoder decoder = new MessageDecoder(server(), new RecordingMessageHandler());
        byte[] wire = masked(0x82, filled(3000));

        // when
        decoder.decode(ByteBuffer.wrap(wire, 0, 8 + 2100));
        int partial = decoder.retainedBytes();
        decoder.decode(ByteBuffer.wrap(wire, 2108, wire.length - 2108));

        // then: the array doubled past what arrived; dropped after the message (over 1 KiB)
        assertThat(decoder.bufferedBytes()).isZero();
        assertThat(partial).isGreaterThanOrEqualTo(2100).isLessThanOrEqualTo(2 * 2100);
        assertThat(decoder.retainedBytes()).isZero();
    }

    @Test
    void shouldAssembleSplitMessagesInArraysBorrowedFromThePoolAndGiveThemBack() {
        // given: a pool that lends arrays, and 3000-byte messages each split across two reads
        InflaterPool pool = new InflaterPool(4);
        RecordingMessageHandler handler = new RecordingMessageHandler();
        MessageDecoder decoder = new MessageDecoder(server(), handler, pool);
        byte[] wire = masked(0x82, filled(3000));

        // when
        for (int i = 0; i < 3; i++) {
            byte[] read = wire.clone();
            decoder.decode(ByteBuffer.wrap(read, 0, 8 + 2100));
            decoder.decode(ByteBuffer.wrap(read, 2108, wire.length - 2108));
        }

        // then: the array the first message grew went back to the pool and carried the next two
        assertThat(handler.events).containsExactly(binary(filled(3000)), binary(filled(3000)),
                binary(filled(3000)));
        byte[] first = handler.buffers.get(0).array();
        assertThat(handler.buffers.get(1).array()).isSameAs(first);
        assertThat(handler.buffers.get(2).array()).isSameAs(first);
        assertThat(pool.idleBufferBytes()).isEqualTo(first.length);
        assertThat(decoder.retainedBytes()).isZero();
    }

    @Test
    void shouldStayFailedWhenDecodingAfterViolation() {
        // given
        MessageDecoder decoder = new MessageDecoder(server(), new RecordingMessageHandler());
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(masked(0x80, "x"))))
                .isInstanceOf(WebSocketProtocolException.class);

        // when / then
        assertThatThrownBy(() -> decoder.decode(ByteBuffer.wrap(MASKED_HELLO.clone())))
                .isInstanceOfSatisfying(WebSocketProtocolException.class,
                        e -> assertThat(e.closeCode()).isEqualTo(CloseCode.PROTOCOL_ERROR));
        assertThat(decoder.bufferedBytes()).isZero();
    }

    @Test
    void shouldReportCloseReceivedOnlyWhenCloseFrameArrived() {
        // given
        MessageDecoder decoder = new MessageDecoder(server(), new RecordingMessageHandler());

        // when
        decoder.decode(ByteBuffer.wrap(MASKED_HELLO.clone()));
        boolean beforeClose = decoder.isCloseReceived();
        decoder.decode(ByteBuffer.wrap(masked(0x88, closeBody(1000, new byte[0]))));

        // then
        assertThat(beforeClose).isFalse();
        assertThat(decoder.isCloseReceived()).isTrue();
    }

    @Test
    void shouldBeIdleOnlyBetweenWholeMessagesWhenServer() {
        // given
        MessageDecoder decoder = new MessageDecoder(server(), new RecordingMessageHandler());
        byte[] first = masked(0x01, "Hel");
        byte[] last = masked(0x80, "lo");
        byte[] whole = masked(0x82, filled(10));

        // when / then: a fragment, a split header, a split payload keep it busy
        assertThat(decoder.isIdle()).isTrue();
        decoder.decode(ByteBuffer.wrap(first));
        assertThat(decoder.isIdle()).isFalse();
        decoder.decode(ByteBuffer.wrap(last));
        assertThat(decoder.isIdle()).isTrue();
        decoder.decode(ByteBuffer.wrap(whole, 0, 1));
        assertThat(decoder.isIdle()).isFalse();
        decoder.decode(ByteBuffer.wrap(whole, 1, 8));
        assertThat(decoder.isIdle()).isFalse();
        decoder.decode(ByteBuffer.wrap(whole, 9, whole.length - 9));
        assertThat(decoder.isIdle()).isTrue();
    }

    @Test
    void shouldNotBeIdleAfterCloseOrViolation() {
        // given
        MessageDecoder closed = new MessageDecoder(server(), new RecordingMessageHandler());
        MessageDecoder failed = new MessageDecoder(server(), new RecordingMessageHandler());

        // when
        closed.decode(ByteBuffer.wrap(masked(0x88, closeBody(1000, new byte[0]))));
        assertThatThrownBy(() -> failed.decode(ByteBuffer.wrap(masked(0x80, "orphan continuation"))))
                .isInstanceOf(WebSocketProtocolException.class);

        // then
        assertThat(closed.isIdle()).isFalse();
        assertThat(failed.isIdle()).isFalse();
    }

    @Test
    void shouldCountControlAndContinuationFramesOnceWhetherOnHeapDirectOrSplitAcrossReads() {
        // given: two whole messages (not counted), a message in two fragments with a ping between
        // (the ping and the continuation count), and a continuation whose header arrives over two reads
        byte[] wire = concat(masked(0x82, filled(20)), masked(0x81, "hi"), masked(0x01, "Hel"),
                masked(0x89, "p"), masked(0x80, "lo"));
        byte[] split = concat(masked(0x02, filled(5)), masked(0x80, filled(300)));
        MessageDecoder heap = new MessageDecoder(server(), new RecordingMessageHandler());
        MessageDecoder direct = new MessageDecoder(server(), new RecordingMessageHandler());

        // when
        heap.decode(ByteBuffer.wrap(wire.clone()));
        heap.decode(ByteBuffer.wrap(split.clone(), 0, 14));
        long beforeSecondHalf = heap.controlAndContinuationFrames();
        heap.decode(ByteBuffer.wrap(split.clone(), 14, split.length - 14));
        direct.decode(ByteBuffer.allocateDirect(wire.length).put(wire).flip());

        // then
        assertThat(beforeSecondHalf).isEqualTo(2);
        assertThat(heap.controlAndContinuationFrames()).isEqualTo(3);
        assertThat(direct.controlAndContinuationFrames()).isEqualTo(2);
    }
}
