package io.ringside.protocol.websocket;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Opts in to the masked hand-over and records into a {@link RecordingMessageHandler}: a masked binary
 * message is unmasked while copied out and recorded as the same {@code binary:} event as an unmasked
 * one, so both paths must yield the same events; each masked hand-over also records its key and view.
 */
final class RecordingMaskedHandler implements MaskedMessageHandler {
    final RecordingMessageHandler recorder = new RecordingMessageHandler();
    final List<Integer> maskKeys = new ArrayList<>();
    final List<Integer> offsets = new ArrayList<>();

    @Override
    public void onMaskedBinary(ByteBuffer buffer, int offset, int length, int maskKey) {
        byte[] unmasked = new byte[length];
        Masking.unmaskCopy(buffer, offset, unmasked, 0, length, maskKey, 0);
        maskKeys.add(maskKey);
        offsets.add(offset);
        recorder.buffers.add(buffer);
        recorder.events.add(RecordingMessageHandler.binary(unmasked));
    }

    @Override
    public void onText(ByteBuffer buffer, int offset, int length) {
        recorder.onText(buffer, offset, length);
    }

    @Override
    public void onBinary(ByteBuffer buffer, int offset, int length) {
        recorder.onBinary(buffer, offset, length);
    }

    @Override
    public void onPing(ByteBuffer buffer, int offset, int length) {
        recorder.onPing(buffer, offset, length);
    }

    @Override
    public void onPong(ByteBuffer buffer, int offset, int length) {
        recorder.onPong(buffer, offset, length);
    }

    @Override
    public void onClose(int code, ByteBuffer buffer, int reasonOffset, int reasonLength) {
        recorder.onClose(code, buffer, reasonOffset, reasonLength);
    }
}
