package io.ringside.engine;

import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.MessageDecoder;
import io.ringside.protocol.websocket.MessageHandler;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.Role;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A blocking raw-socket game client whose reading the test controls: it can stop reading entirely
 * (a stalled player) and later read what the server queued. Small receive buffer, so the server's
 * backlog builds up quickly. Counts the bytes it writes and reads, handshake included.
 */
final class RawGameClient implements AutoCloseable, MessageHandler {
    private final Socket socket = new Socket();
    private final FrameEncoder encoder = new FrameEncoder(Role.CLIENT);
    private final MessageDecoder decoder = new MessageDecoder(
            DecoderConfig.builder().role(Role.CLIENT).maxMessageBytes(1 << 24).maxFramePayloadBytes(1 << 24).build(),
            this);
    private final List<ServerEnvelope> received = new ArrayList<>();
    private int closeCode;
    private long bytesSent;
    private long bytesReceived;

    RawGameClient(int port) throws IOException {
        this(port, null);
    }

    /** A client whose socket is bound to {@code localAddress} (e.g. 127.0.0.2: another loopback address). */
    RawGameClient(int port, java.net.InetAddress localAddress) throws IOException {
        socket.setReceiveBufferSize(4096);
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        write(request.getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during handshake");
            }
            bytesReceived++;
            head.append((char) b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head.toString().strip());
        }
    }

    /** Reads and drops everything until EOF or a read error; for a client that only has to keep up. */
    void discardInput() {
        byte[] sink = new byte[64 * 1024];
        try {
            InputStream in = socket.getInputStream();
            socket.setSoTimeout(0);
            while (in.read(sink) >= 0) {
                // keep reading
            }
        } catch (IOException e) {
            // closed: done
        }
    }

    void send(ClientEnvelope envelope) throws IOException {
        frame(Opcode.BINARY, ByteBuffer.wrap(envelope.toByteArray()));
    }

    /** Starts the closing handshake with {@code code}. */
    void sendClose(int code) throws IOException {
        frame(Opcode.CLOSE, ByteBuffer.allocate(2).putShort(0, (short) code));
    }

    private void frame(int opcode, ByteBuffer payload) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(payload.remaining() + FrameEncoder.MAX_HEADER_BYTES);
        encoder.writeFrame(frame, true, opcode, payload);
        write(Arrays.copyOf(frame.array(), frame.position()));
    }

    private void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        bytesSent += bytes.length;
    }

    /** Reads and decodes until the server closes the connection. */
    void readToEnd() throws IOException {
        byte[] chunk = new byte[4096];
        InputStream in = socket.getInputStream();
        for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
            bytesReceived += n;
            decoder.decode(ByteBuffer.wrap(chunk, 0, n));
        }
    }

    long bytesSent() {
        return bytesSent;
    }

    long bytesReceived() {
        return bytesReceived;
    }

    /** Reads until the last envelope received matches {@code last}, or a close frame or EOF; returns all so far. */
    List<ServerEnvelope> readUntil(java.util.function.Predicate<ServerEnvelope> last) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        InputStream in = socket.getInputStream();
        while (closeCode == 0 && (received.isEmpty() || !last.test(received.get(received.size() - 1)))) {
            int n;
            try {
                n = in.read(chunk);
            } catch (IOException e) {
                throw new IOException("after " + received.size() + " envelopes, last "
                        + (received.isEmpty() ? "-" : received.get(received.size() - 1).toString().substring(0, 60))
                        + ", decoder holds " + decoder.bufferedBytes(), e);
            }
            if (n < 0) {
                break;
            }
            bytesReceived += n;
            decoder.decode(ByteBuffer.wrap(chunk, 0, n));
        }
        return received;
    }

    /** How many envelopes received so far match {@code test}. */
    long count(java.util.function.Predicate<ServerEnvelope> test) {
        return received.stream().filter(test).count();
    }

    int closeCode() {
        return closeCode;
    }

    @Override
    public void onBinary(ByteBuffer buffer, int offset, int length) {
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        try {
            received.add(ServerEnvelope.parseFrom(bytes));
        } catch (IOException e) {
            throw new AssertionError("malformed envelope", e);
        }
    }

    @Override
    public void onText(ByteBuffer buffer, int offset, int length) {
        throw new AssertionError("text frame from the game server");
    }

    @Override
    public void onPing(ByteBuffer buffer, int offset, int length) {
    }

    @Override
    public void onPong(ByteBuffer buffer, int offset, int length) {
    }

    @Override
    public void onClose(int code, ByteBuffer buffer, int reasonOffset, int reasonLength) {
        closeCode = code;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
