package io.ringside.tools.inspect;

import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.FrameHandler;
import io.ringside.protocol.websocket.Masking;
import io.ringside.protocol.websocket.MessageHandler;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.tools.render.Hex;
import io.ringside.tools.render.PayloadRenderer;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Turns frame events (from a {@link io.ringside.protocol.websocket.FrameDecoder}) and message events
 * (from a {@link io.ringside.protocol.websocket.MessageDecoder} over the same bytes) into lines:
 * one per frame with its header fields and unmasked payload, one per message that spanned several
 * frames, and one per binary message parsed as an envelope when asked.
 */
final class FrameRecorder implements FrameHandler, MessageHandler {
    private final PayloadRenderer renderer;
    private final PayloadRenderer.Envelope envelope;
    private final int maxShownBytes;
    private final Consumer<String> out;

    private long streamOffset;
    private int frameCount;
    private boolean inFrame;
    private long frameStart;
    private boolean fin;
    private int rsv;
    private int opcode;
    private long payloadLength;
    private boolean masked;
    private int maskKey;
    private byte[] shown = new byte[0];
    private long received;
    private int messageOpcode = -1;
    private int messageFrames;
    private boolean closeSeen;

    FrameRecorder(int maxShownBytes, PayloadRenderer.Envelope envelope, Consumer<String> out) {
        this.renderer = new PayloadRenderer(maxShownBytes);
        this.maxShownBytes = maxShownBytes;
        this.envelope = envelope;
        this.out = out;
    }

    /** The stream offset of the byte being decoded now, for the frame's start offset. */
    void streamOffset(long offset) {
        this.streamOffset = offset;
    }

    @Override
    public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength, boolean masked, int maskKey) {
        this.inFrame = true;
        this.frameCount++;
        this.frameStart = streamOffset + 1 - FrameEncoder.headerLength(payloadLength, masked);
        this.fin = fin;
        this.rsv = rsv;
        this.opcode = opcode;
        this.payloadLength = payloadLength;
        this.masked = masked;
        this.maskKey = maskKey;
        this.shown = new byte[(int) Math.min(payloadLength, maxShownBytes)];
        this.received = 0;
        if (opcode == Opcode.TEXT || opcode == Opcode.BINARY) {
            messageOpcode = opcode;
            messageFrames = 1;
        } else if (opcode == Opcode.CONTINUATION) {
            messageFrames++;
        }
    }

    @Override
    public void onPayload(ByteBuffer buffer, int offset, int length, long payloadOffset) {
        received = payloadOffset + length;
        if (payloadOffset < shown.length) {
            int n = (int) Math.min(length, shown.length - payloadOffset);
            Masking.unmaskCopy(buffer, offset, shown, (int) payloadOffset, n, masked ? maskKey : 0,
                    (int) (payloadOffset & 3));
        }
    }

    @Override
    public void onFrameEnd() {
        inFrame = false;
        out.accept(header() + " " + payload() + (closeSeen ? "  (after CLOSE: ignored, RFC 6455 §5.5.1)" : ""));
        if (opcode == Opcode.CLOSE) {
            closeSeen = true;
        }
    }

    /** Reports a frame cut short by a violation or by the end of the input; no-op between frames. */
    void flushIncomplete(String why) {
        if (inFrame) {
            inFrame = false;
            out.accept(header() + " INCOMPLETE: " + received + " of " + payloadLength + " payload bytes (" + why + ")");
        }
    }

    boolean inFrame() {
        return inFrame;
    }

    @Override
    public void onText(ByteBuffer buffer, int offset, int length) {
        if (messageFrames > 1) {
            out.accept("  message TEXT " + length + " bytes from " + messageFrames + " frames: "
                    + renderer.text(copy(buffer, offset, length), Math.min(length, maxShownBytes), length));
        }
    }

    @Override
    public void onBinary(ByteBuffer buffer, int offset, int length) {
        if (messageFrames > 1) {
            out.accept("  message BINARY " + length + " bytes from " + messageFrames + " frames: "
                    + renderer.hex(copy(buffer, offset, length), Math.min(length, maxShownBytes), length));
        }
        if (envelope != PayloadRenderer.Envelope.NONE) {
            out.accept("  envelope: " + PayloadRenderer.envelope(envelope, buffer, offset, length));
        }
    }

    @Override
    public void onPing(ByteBuffer buffer, int offset, int length) {
        // the frame line shows it
    }

    @Override
    public void onPong(ByteBuffer buffer, int offset, int length) {
        // the frame line shows it
    }

    @Override
    public void onClose(int code, ByteBuffer buffer, int reasonOffset, int reasonLength) {
        // the frame line shows it
    }

    private String header() {
        String name = Opcode.name(opcode);
        if (opcode == Opcode.CONTINUATION && messageOpcode >= 0) {
            name += "(" + Opcode.name(messageOpcode) + ")";
        }
        return "frame #" + frameCount + " @" + frameStart + " " + name + " fin=" + (fin ? 1 : 0)
                + " rsv=" + ((rsv >> 2) & 1) + ((rsv >> 1) & 1) + (rsv & 1) + " len=" + payloadLength
                + (masked ? " mask=" + Hex.formatInt(maskKey) : " unmasked");
    }

    private String payload() {
        int type = opcode == Opcode.CONTINUATION && messageOpcode >= 0 ? messageOpcode : opcode;
        if (type == Opcode.CLOSE) {
            return PayloadRenderer.close(shown, shown.length);
        }
        return renderer.render(type, shown, shown.length, payloadLength);
    }

    private byte[] copy(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[Math.min(length, maxShownBytes)];
        buffer.get(offset, bytes);
        return bytes;
    }
}
