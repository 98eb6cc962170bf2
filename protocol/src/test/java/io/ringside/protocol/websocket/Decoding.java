package io.ringside.protocol.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Runs wire bytes through a fresh {@link MessageDecoder} in every splitting and checks the outcome. */
final class Decoding {
    private Decoding() {
    }

    /** What one run produced: the events up to the end or the violation, and its close code (0 if none). */
    record Outcome(List<String> events, int closeCode) {
    }

    static Outcome run(DecoderConfig config, List<ByteBuffer> chunks) {
        RecordingMessageHandler handler = new RecordingMessageHandler();
        return run(config, chunks, new MessageDecoder(config, handler), handler);
    }

    /** Like {@link #run(DecoderConfig, List)} with a handler that takes binary messages masked when it can. */
    static Outcome runMasked(DecoderConfig config, List<ByteBuffer> chunks) {
        RecordingMaskedHandler handler = new RecordingMaskedHandler();
        return run(config, chunks, new MessageDecoder(config, handler), handler.recorder);
    }

    private static Outcome run(DecoderConfig config, List<ByteBuffer> chunks, MessageDecoder decoder,
                               RecordingMessageHandler handler) {
        try {
            for (ByteBuffer chunk : chunks) {
                decoder.decode(chunk);
                assertThat(chunk.hasRemaining()).isFalse();
                assertThat(decoder.bufferedBytes()).isLessThanOrEqualTo(config.maxMessageBytes() + 125);
            }
            return new Outcome(handler.events, 0);
        } catch (WebSocketProtocolException e) {
            return new Outcome(handler.events, e.closeCode());
        }
    }

    /** Asserts that every splitting of {@code wire} decodes to exactly {@code events}, without a violation. */
    static void assertDecodes(DecoderConfig config, byte[] wire, String... events) {
        for (List<ByteBuffer> chunks : Chunks.allSplittings(wire)) {
            assertThat(run(config, chunks)).isEqualTo(new Outcome(List.of(events), 0));
        }
    }

    /**
     * Asserts that every splitting of {@code wire} decodes to exactly {@code events} both for a plain
     * handler and for one that opts in to masked binary messages (whichever path each message takes).
     */
    static void assertDecodesEitherWay(DecoderConfig config, byte[] wire, String... events) {
        for (List<ByteBuffer> chunks : Chunks.allSplittings(wire)) {
            assertThat(runMasked(config, copies(chunks))).isEqualTo(new Outcome(List.of(events), 0));
            assertThat(run(config, chunks)).isEqualTo(new Outcome(List.of(events), 0));
        }
    }

    /** Asserts that every splitting of {@code wire} fails with {@code closeCode} for both kinds of handler. */
    static void assertRejectsEitherWay(DecoderConfig config, byte[] wire, int closeCode, String... events) {
        for (List<ByteBuffer> chunks : Chunks.allSplittings(wire)) {
            assertThat(runMasked(config, copies(chunks))).isEqualTo(new Outcome(List.of(events), closeCode));
            assertThat(run(config, chunks)).isEqualTo(new Outcome(List.of(events), closeCode));
        }
    }

    /** Fresh copies of the chunks (same kind of buffer and byte order), since decoding may unmask in place. */
    private static List<ByteBuffer> copies(List<ByteBuffer> chunks) {
        List<ByteBuffer> copies = new ArrayList<>();
        for (ByteBuffer chunk : chunks) {
            ByteBuffer copy = chunk.isDirect() ? ByteBuffer.allocateDirect(chunk.remaining())
                    : ByteBuffer.allocate(chunk.remaining());
            copies.add(copy.put(chunk.duplicate()).flip().order(chunk.order()));
        }
        return copies;
    }

    /** Asserts that every splitting of {@code wire} fails with {@code closeCode} after delivering {@code events}. */
    static void assertRejects(DecoderConfig config, byte[] wire, int closeCode, String... events) {
        for (List<ByteBuffer> chunks : Chunks.allSplittings(wire)) {
            assertThat(run(config, chunks)).isEqualTo(new Outcome(List.of(events), closeCode));
        }
    }

    static DecoderConfig server() {
        return DecoderConfig.defaults();
    }

    static DecoderConfig client() {
        return DecoderConfig.builder().role(Role.CLIENT).build();
    }
}
