package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Records what a {@link MessageDecoder} delivers as readable strings, copying each payload. */
final class RecordingMessageHandler implements MessageHandler {
    final List<String> events = new ArrayList<>();
    final List<ByteBuffer> buffers = new ArrayList<>();

    static String text(String s) {
        return "text:" + s;
    }

    static String binary(byte[] b) {
        return "binary:" + HexFormat.of().formatHex(b);
    }

    @Override
    public void onText(ByteBuffer buffer, int offset, int length) {
        record(buffer, "text:" + new String(copy(buffer, offset, length), StandardCharsets.UTF_8));
    }

    @Override
    public void onBinary(ByteBuffer buffer, int offset, int length) {
        record(buffer, binary(copy(buffer, offset, length)));
    }

    @Override
    public void onPing(ByteBuffer buffer, int offset, int length) {
        record(buffer, "ping:" + HexFormat.of().formatHex(copy(buffer, offset, length)));
    }

    @Override
    public void onPong(ByteBuffer buffer, int offset, int length) {
        record(buffer, "pong:" + HexFormat.of().formatHex(copy(buffer, offset, length)));
    }

    @Override
    public void onClose(int code, ByteBuffer buffer, int reasonOffset, int reasonLength) {
        record(buffer, "close:" + code + ":"
                + new String(copy(buffer, reasonOffset, reasonLength), StandardCharsets.UTF_8));
    }

    private void record(ByteBuffer buffer, String event) {
        buffers.add(buffer);
        events.add(event);
    }

    static byte[] copy(ByteBuffer buffer, int offset, int length) {
        byte[] b = new byte[length];
        buffer.get(offset, b, 0, length);
        return b;
    }
}
