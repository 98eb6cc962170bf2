package io.ringside.protocol.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Encoder to decoder round trips of random frames and fragmented messages, in both directions, at random splits. */
class FrameCodecRoundTripTest {

    /** One data message: its type, bytes, how many fragments, and whether pings go between them. */
    record Message(boolean text, byte[] payload, int fragments, boolean pings) {
    }

    /** One frame as an encoder would be asked to write it. */
    record Frame(boolean fin, int opcode, byte[] payload) {
    }

    @Property(tries = 300)
    void shouldDecodeWhatEncoderWroteWhenFramesAreRandom(@ForAll("frames") List<Frame> frames,
                                                        @ForAll Role sender, @ForAll long splitSeed) {
        FrameEncoder encoder = new FrameEncoder(sender);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (Frame f : frames) {
            wire.writeBytes(encode(encoder, f.fin(), f.opcode(), f.payload()));
            expected.add("fin=" + f.fin() + " rsv=0 op=" + f.opcode() + " len=" + f.payload().length + " masked="
                    + (sender == Role.CLIENT) + " payload=" + HexFormat.of().formatHex(f.payload()));
        }
        RecordingFrameHandler handler = new RecordingFrameHandler();
        FrameDecoder decoder = new FrameDecoder(DecoderConfig.builder().role(receiver(sender)).build());

        Chunks.random(wire.toByteArray(), splitSeed).forEach(chunk -> decoder.decode(chunk, handler));

        assertThat(handler.frames).isEqualTo(expected);
    }

    @Property(tries = 300)
    void shouldDecodeWhatEncoderWroteWhenMessagesAreFragmented(@ForAll("messages") List<Message> messages,
                                                              @ForAll Role sender, @ForAll long splitSeed) {
        FrameEncoder encoder = new FrameEncoder(sender);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        Random random = new Random(splitSeed);
        for (Message m : messages) {
            writeMessage(encoder, m, random, wire, expected);
        }
        DecoderConfig config = DecoderConfig.builder().role(receiver(sender)).build();

        Decoding.Outcome outcome = Decoding.run(config, Chunks.random(wire.toByteArray(), splitSeed));

        assertThat(outcome).isEqualTo(new Decoding.Outcome(expected, 0));
    }

    @Provide
    Arbitrary<List<Frame>> frames() {
        Arbitrary<Frame> data = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.of(Opcode.CONTINUATION, Opcode.TEXT, Opcode.BINARY), payloads(70_000)).as(Frame::new);
        Arbitrary<Frame> control = Combinators.combine(Arbitraries.just(true),
                Arbitraries.of(Opcode.PING, Opcode.PONG, Opcode.CLOSE), payloads(125)).as(Frame::new);
        return Arbitraries.oneOf(data, data, control).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<List<Message>> messages() {
        Arbitrary<Message> binary = Combinators.combine(Arbitraries.just(false), payloads(3000),
                Arbitraries.integers().between(1, 5), Arbitraries.of(true, false)).as(Message::new);
        Arbitrary<Message> text = Combinators.combine(Arbitraries.just(true),
                Arbitraries.strings().ofMaxLength(300).map(WireFrames::utf8),
                Arbitraries.integers().between(1, 5), Arbitraries.of(true, false)).as(Message::new);
        return Arbitraries.oneOf(binary, text).list().ofMaxSize(6);
    }

    private static Arbitrary<byte[]> payloads(int max) {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(Math.min(130, max)),
                Arbitraries.integers().between(0, max).map(WireFrames::filled));
    }

    private static void writeMessage(FrameEncoder encoder, Message m, Random random, ByteArrayOutputStream wire,
                                     List<String> expected) {
        byte[] payload = m.payload();
        int at = 0;
        for (int i = 0; i < m.fragments(); i++) {
            boolean last = i == m.fragments() - 1;
            int end = last ? payload.length : at + random.nextInt(payload.length - at + 1);
            int opcode = i > 0 ? Opcode.CONTINUATION : m.text() ? Opcode.TEXT : Opcode.BINARY;
            byte[] fragment = Arrays.copyOfRange(payload, at, end);
            wire.writeBytes(encode(encoder, last, opcode, fragment));
            at = end;
            if (m.pings() && !last) {
                byte[] ping = {(byte) i};
                wire.writeBytes(encode(encoder, true, Opcode.PING, ping));
                expected.add("ping:" + HexFormat.of().formatHex(ping));
            }
        }
        expected.add(m.text() ? RecordingMessageHandler.text(new String(payload, StandardCharsets.UTF_8))
                : RecordingMessageHandler.binary(payload));
    }

    private static byte[] encode(FrameEncoder encoder, boolean fin, int opcode, byte[] payload) {
        ByteBuffer dst = ByteBuffer.allocate(payload.length + FrameEncoder.MAX_HEADER_BYTES);
        int written = encoder.writeFrame(dst, fin, opcode, ByteBuffer.wrap(payload));
        return RecordingMessageHandler.copy(dst, 0, written);
    }

    private static Role receiver(Role sender) {
        return sender == Role.CLIENT ? Role.SERVER : Role.CLIENT;
    }
}
