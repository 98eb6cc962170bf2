package io.ringside.protocol.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds frames byte by byte for tests, independently of {@link FrameEncoder}. */
final class WireFrames {
    static final int MASK_KEY = 0x37FA213D;

    private WireFrames() {
    }

    /** A frame from {@code b0} (FIN, RSV, opcode), shortest length encoding, masked with {@link #MASK_KEY} if asked. */
    static byte[] frame(int b0, byte[] payload, boolean masked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b0);
        int maskBit = masked ? 0x80 : 0;
        int n = payload.length;
        if (n <= 125) {
            out.write(maskBit | n);
        } else if (n <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) n >>> shift));
            }
        }
        if (masked) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write(MASK_KEY >>> shift);
            }
        }
        for (int i = 0; i < n; i++) {
            int keyByte = masked ? MASK_KEY >>> (24 - 8 * (i & 3)) : 0;
            out.write((payload[i] ^ keyByte) & 0xFF);
        }
        return out.toByteArray();
    }

    /** A masked (client-to-server) frame. */
    static byte[] masked(int b0, byte[] payload) {
        return frame(b0, payload, true);
    }

    /** A masked (client-to-server) frame with a UTF-8 payload. */
    static byte[] masked(int b0, String payload) {
        return frame(b0, utf8(payload), true);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A close body: the code in two bytes, then the reason bytes. */
    static byte[] closeBody(int code, byte[] reason) {
        byte[] body = new byte[2 + reason.length];
        body[0] = (byte) (code >>> 8);
        body[1] = (byte) code;
        System.arraycopy(reason, 0, body, 2, reason.length);
        return body;
    }

    static byte[] filled(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }
}
