package io.ringside.tools.inspect;

import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.FrameDecoder;
import io.ringside.protocol.websocket.MessageDecoder;
import io.ringside.protocol.websocket.Role;
import io.ringside.protocol.websocket.WebSocketProtocolException;
import io.ringside.tools.render.CloseCodes;
import io.ringside.tools.render.PayloadRenderer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one direction of a WebSocket connection into lines: the HTTP head if the bytes start with
 * one, then every frame, and the first protocol violation with the close code the receiver must
 * send (RFC 6455 §7.4.1).
 *
 * <p>Bytes go to the decoders one at a time so that each line sits exactly where its bytes end,
 * and a violation follows the last good frame: the inspector reads files, not sockets, and clarity
 * beats speed here. A frame decoder reports frames; a message decoder over a copy of the same bytes
 * adds the message-level checks (fragmentation, UTF-8, close bodies).
 */
final class StreamInspector {
    private static final int PHASE_START = 0;
    private static final int PHASE_HEAD = 1;
    private static final int PHASE_FRAMES = 2;
    private static final int PHASE_STOPPED = 3;

    private final String direction;
    private final List<InspectLine> lines = new ArrayList<>();
    private final HeadInspector head;
    private final FrameRecorder recorder;
    private final FrameDecoder frameDecoder;
    private final MessageDecoder messageDecoder;
    private final ByteBuffer frameByte = ByteBuffer.allocate(1);
    private final ByteBuffer messageByte = ByteBuffer.allocate(1);

    private int phase = PHASE_START;
    private long offset;
    private long timeNanos;
    private long stoppedAt = -1;
    private int problems;

    /**
     * An inspector for the bytes that {@code config.role()} receives.
     *
     * @param maxShownBytes payload bytes shown per frame or message
     * @param envelope      whether to parse binary messages as Ringside envelopes
     */
    StreamInspector(DecoderConfig config, int maxShownBytes, boolean envelope) {
        boolean toServer = config.role() == Role.SERVER;
        this.direction = toServer ? "c->s" : "s->c";
        PayloadRenderer.Envelope kind = !envelope ? PayloadRenderer.Envelope.NONE
                : toServer ? PayloadRenderer.Envelope.CLIENT : PayloadRenderer.Envelope.SERVER;
        this.head = new HeadInspector(toServer, this::emit);
        this.recorder = new FrameRecorder(maxShownBytes, kind, this::emit);
        this.frameDecoder = new FrameDecoder(config);
        this.messageDecoder = new MessageDecoder(config, recorder);
    }

    /** Sets the request's {@code Sec-WebSocket-Key}, so that a response's accept value is checked. */
    void expectAcceptFor(String key) {
        head.expectAcceptFor(key);
    }

    /** The request's {@code Sec-WebSocket-Key} once a request head was read, else {@code null}. */
    String webSocketKey() {
        return head.webSocketKey();
    }

    /** Decodes {@code bytes}, the next bytes of the stream, captured at {@code timeNanos}. */
    void feed(byte[] bytes, long timeNanos) {
        this.timeNanos = timeNanos;
        if (phase == PHASE_START && bytes.length > 0) {
            // 'G' (0x47) and 'H' (0x48) would be frames with RSV1 set and a reserved opcode: an HTTP head
            phase = bytes[0] == 'G' || bytes[0] == 'H' ? PHASE_HEAD : PHASE_FRAMES;
        }
        for (int i = 0; i < bytes.length; i++, offset++) {
            switch (phase) {
                case PHASE_HEAD:
                    headByte(bytes[i]);
                    break;
                case PHASE_FRAMES:
                    frameByte(bytes[i]);
                    break;
                default:
                    offset += bytes.length - i;
                    return;
            }
        }
    }

    /** Reports what the stream ended in the middle of, and returns every line. */
    List<InspectLine> finish() {
        if (phase == PHASE_HEAD) {
            emit("INCOMPLETE: the stream ends inside the HTTP head (" + offset + " bytes)");
            problems++;
        } else if (phase == PHASE_STOPPED && offset > stoppedAt) {
            emit((offset - stoppedAt) + " bytes after that point not decoded");
        } else {
            recorder.flushIncomplete("the stream ends here");
        }
        return lines;
    }

    /** Protocol violations and refused or malformed handshakes seen. */
    int problems() {
        return problems + head.problems();
    }

    private void headByte(byte b) {
        int verdict = head.accept(b);
        if (verdict == HeadInspector.SWITCH_TO_FRAMES) {
            phase = PHASE_FRAMES;
        } else if (verdict == HeadInspector.STOP) {
            stop();
        }
    }

    private void frameByte(byte b) {
        recorder.streamOffset(offset);
        try {
            frameByte.clear();
            frameByte.put(0, b);
            frameDecoder.decode(frameByte, recorder);
            if (!messageDecoder.isCloseReceived()) {
                messageByte.clear();
                messageByte.put(0, b);
                messageDecoder.decode(messageByte);
            }
        } catch (WebSocketProtocolException e) {
            recorder.flushIncomplete("violation");
            emit("VIOLATION at byte " + offset + ": " + e.getMessage() + " -> close "
                    + CloseCodes.describe(e.closeCode()));
            problems++;
            stop();
        }
    }

    private void stop() {
        phase = PHASE_STOPPED;
        stoppedAt = offset + 1;
    }

    private void emit(String text) {
        lines.add(new InspectLine(timeNanos, direction, text));
    }
}
