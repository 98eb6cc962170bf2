package io.ringside.protocol.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Records frames from a {@link FrameDecoder} as strings, unmasking payload chunks with their phase. */
final class RecordingFrameHandler implements FrameHandler {
    final List<String> frames = new ArrayList<>();
    final List<Integer> chunksPerFrame = new ArrayList<>();
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
    private String header;
    private int maskKey;
    private int chunks;

    @Override
    public void onFrameStart(boolean fin, int rsv, int opcode, long payloadLength, boolean masked, int key) {
        header = "fin=" + fin + " rsv=" + rsv + " op=" + opcode + " len=" + payloadLength + " masked=" + masked;
        maskKey = key;
        payload.reset();
        chunks = 0;
    }

    @Override
    public void onPayload(ByteBuffer buffer, int offset, int length, long payloadOffset) {
        if (payloadOffset != payload.size()) {
            throw new AssertionError("payloadOffset=" + payloadOffset + " after " + payload.size() + " bytes");
        }
        byte[] chunk = new byte[length];
        Masking.unmaskCopy(buffer, offset, chunk, 0, length, maskKey, (int) payloadOffset & 3);
        payload.writeBytes(chunk);
        chunks++;
    }

    @Override
    public void onFrameEnd() {
        frames.add(header + " payload=" + HexFormat.of().formatHex(payload.toByteArray()));
        chunksPerFrame.add(chunks);
    }
}
