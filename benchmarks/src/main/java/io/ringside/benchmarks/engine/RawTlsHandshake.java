package io.ringside.benchmarks.engine;

import io.ringside.protocol.tls.TlsWire;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * {@link RawHandshake} over TLS: a blocking socket seen through a client {@link SSLEngine} and the
 * protocol's {@link TlsWire}, the same upgrade request and close frame. Each lifetime is a full TLS
 * handshake: the engine is made without a peer host, so the JDK never resumes a session (resumption
 * would let later handshakes skip the certificate and the key exchange's signature). One instance per
 * benchmark thread.
 */
final class RawTlsHandshake {
    private static final int CLOSE_OPCODE_BYTE = 0x88;
    private static final byte[] CLOSE_FRAME = {
        (byte) 0x88, (byte) 0x82, 0x37, (byte) 0xFA, 0x21, 0x3D, (byte) (0x03 ^ 0x37), (byte) (0xE8 ^ 0xFA)
    };

    private final InetSocketAddress address;
    private final SSLContext context = TrustAnything.context();
    private final ByteBuffer request;
    private final ByteBuffer in = ByteBuffer.allocate(TlsWire.MIN_READ_BUFFER_BYTES * 2);
    private TlsWire.Buffers buffers;

    RawTlsHandshake(int port) {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.request = ByteBuffer.wrap(("GET / HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Connect, TLS handshake, upgrade, close; returns the bytes read after the 101 head. */
    int run() throws IOException {
        try (SocketChannel channel = SocketChannel.open()) {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.connect(address);
            SSLEngine engine = context.createSSLEngine();
            engine.setUseClientMode(true);
            if (buffers == null) {
                buffers = new TlsWire.Buffers(engine);
            }
            TlsWire wire = new TlsWire(channel, engine, buffers);
            wire.beginHandshake();
            in.clear();
            while (!wire.handshakeDone()) {
                if (wire.read(in) < 0) {
                    throw new IOException("connection closed during the TLS handshake");
                }
            }
            writeAll(wire, request.duplicate());
            int headEnd = readHead(wire);
            writeAll(wire, ByteBuffer.wrap(CLOSE_FRAME));
            return readToEnd(wire, headEnd);
        }
    }

    private static void writeAll(TlsWire wire, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining() || !wire.flush()) {
            wire.write(bytes);
        }
    }

    /** Reads to the end of the response head; leaves what follows it at the start of {@link #in}. */
    private int readHead(TlsWire wire) throws IOException {
        while (true) {
            int filled = in.position();
            for (int i = 3; i < filled; i++) {
                if (in.get(i) == '\n' && in.get(i - 1) == '\r' && in.get(i - 2) == '\n' && in.get(i - 3) == '\r') {
                    if (in.get(9) != '1' || in.get(10) != '0' || in.get(11) != '1') {
                        throw new IOException("not a 101");
                    }
                    in.flip().position(i + 1);
                    in.compact();
                    return in.position();
                }
            }
            if (wire.read(in) < 0) {
                throw new IOException("connection closed during the upgrade");
            }
        }
    }

    private int readToEnd(TlsWire wire, int filled) throws IOException {
        int total = filled;
        boolean sawClose = filled > 0 && (in.get(0) & 0xFF) == CLOSE_OPCODE_BYTE;
        while (true) {
            if (in.remaining() < TlsWire.MIN_READ_BUFFER_BYTES) {
                in.clear();
            }
            int start = in.position();
            int n = wire.read(in);
            if (n < 0) {
                break;
            }
            if (total == 0 && n > 0) {
                sawClose = (in.get(start) & 0xFF) == CLOSE_OPCODE_BYTE;
            }
            total += n;
        }
        if (!sawClose) {
            throw new IOException("no close frame from the server");
        }
        return total;
    }
}
