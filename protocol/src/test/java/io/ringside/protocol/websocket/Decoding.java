package io.ringside.protocol.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
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
        MessageDecoder decoder = new MessageDecoder(config, handler);
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
