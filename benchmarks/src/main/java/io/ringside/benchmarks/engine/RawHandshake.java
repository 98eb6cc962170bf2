package io.ringside.benchmarks.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One whole WebSocket lifetime on a blocking socket, as cheap for the client as it gets: connect,
 * send a precomputed upgrade request (RFC 6455 §4.1), read the 101 response head, send a precomputed
 * masked close frame (§5.5.1), read the server's close frame and its TCP close (§7.1.1), close.
 * One instance per benchmark thread.
 */
final class RawHandshake {
    private static final int SOCKET_TIMEOUT_MS = 10_000;
    private static final int CLOSE_OPCODE_BYTE = 0x88;
    private static final byte[] STATUS_101 = "HTTP/1.1 101".getBytes(StandardCharsets.US_ASCII);
    /** FIN + close, masked, 2-byte body 1000 (0x03E8) under mask 0x37FA213D. */
    private static final byte[] CLOSE_FRAME = {
        (byte) 0x88, (byte) 0x82, 0x37, (byte) 0xFA, 0x21, 0x3D, (byte) (0x03 ^ 0x37), (byte) (0xE8 ^ 0xFA)
    };

    private final InetSocketAddress address;
    private final byte[] request;
    private final byte[] buffer = new byte[4096];

    RawHandshake(int port) {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.request = ("GET / HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Runs one connect-upgrade-close; returns the bytes read after the response head (the close frame). */
    int run() throws IOException {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            socket.connect(address, SOCKET_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(request);
            int headEnd = readHead(in);
            out.write(CLOSE_FRAME);
            return readToEnd(in, headEnd);
        }
    }

    private int readHead(InputStream in) throws IOException {
        int filled = 0;
        while (true) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                throw new IOException("connection closed during the handshake");
            }
            filled += n;
            for (int i = 3; i < filled; i++) {
                if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                    checkStatus();
                    int extra = filled - (i + 1);
                    System.arraycopy(buffer, i + 1, buffer, 0, extra);
                    return extra;
                }
            }
            if (filled == buffer.length) {
                throw new IOException("response head over " + buffer.length + " bytes");
            }
        }
    }

    private void checkStatus() throws IOException {
        for (int i = 0; i < STATUS_101.length; i++) {
            if (buffer[i] != STATUS_101[i]) {
                throw new IOException("not a 101: " + new String(buffer, 0, 40, StandardCharsets.US_ASCII));
            }
        }
    }

    private int readToEnd(InputStream in, int filled) throws IOException {
        int total = filled;
        boolean sawClose = filled > 0 && (buffer[0] & 0xFF) == CLOSE_OPCODE_BYTE;
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            if (total == 0 && n > 0) {
                sawClose = (buffer[0] & 0xFF) == CLOSE_OPCODE_BYTE;
            }
            total += n;
        }
        if (!sawClose) {
            throw new IOException("no close frame from the server");
        }
        return total;
    }
}
