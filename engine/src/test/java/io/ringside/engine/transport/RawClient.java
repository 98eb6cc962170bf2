package io.ringside.engine.transport;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A tiny WebSocket client over a blocking {@link Socket} that sends hand-built masked frames, for
 * conformance tests in the spirit of the Autobahn TestSuite.
 */
final class RawClient implements AutoCloseable {
    static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    /** A frame as received. */
    record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
        int closeCode() {
            return payload.length < 2 ? 1005 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Random random = new Random(42);

    private RawClient(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    static RawClient connect(int port) throws IOException {
        return new RawClient(port);
    }

    /** Connects and completes a valid upgrade on {@code path}; fails unless the answer is 101. */
    static RawClient upgrade(int port, String path) throws IOException {
        RawClient client = new RawClient(port);
        String head = client.request(upgradeRequest(path, ""));
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head);
        }
        return client;
    }

    /** {@link #upgrade} over TLS, trusting what {@code context} trusts. */
    static RawClient upgradeTls(int port, String path, javax.net.ssl.SSLContext context) throws IOException {
        RawClient client = new RawClient(context.getSocketFactory().createSocket("127.0.0.1", port));
        String head = client.request(upgradeRequest(path, ""));
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head);
        }
        return client;
    }

    static String upgradeRequest(String path, String extraHeaders) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n";
    }

    /** Sends {@code head} and returns the response head (up to the blank line). */
    String request(String head) throws IOException {
        send(head.getBytes(StandardCharsets.ISO_8859_1));
        return readHead();
    }

    String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed in response head: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes {@code bytes} one byte per write call. */
    void sendChopped(byte[] bytes) throws IOException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
        }
    }

    void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
        send(frame(fin, 0, opcode, payload));
    }

    void sendText(String text) throws IOException {
        sendFrame(true, 0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendClose(int code, byte[] reason) throws IOException {
        byte[] body = new byte[2 + reason.length];
        body[0] = (byte) (code >>> 8);
        body[1] = (byte) code;
        System.arraycopy(reason, 0, body, 2, reason.length);
        sendFrame(true, 0x8, body);
    }

    /** A masked client frame (RFC 6455 §5.2, §5.3). */
    byte[] frame(boolean fin, int rsv, int opcode, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int n = payload.length;
        if (n <= 125) {
            frame.write(0x80 | n);
        } else if (n <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(n >>> 8);
            frame.write(n);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) n >>> shift));
            }
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < n; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        return frame.toByteArray();
    }

    Frame readFrame() throws IOException {
        int b0 = readByte();
        int b1 = readByte();
        if ((b1 & 0x80) != 0) {
            throw new IOException("server frame is masked");
        }
        long length = b1 & 0x7F;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
        }
        byte[] payload = in.readNBytes((int) length);
        if (payload.length != length) {
            throw new EOFException("closed in a frame payload");
        }
        return new Frame((b0 & 0x80) != 0, (b0 >>> 4) & 0x7, b0 & 0x0F, payload);
    }

    /** Reads frames, skipping data and pings, until a close frame; returns its code (1005 if empty). */
    int readCloseCode() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == 0x8) {
                return frame.closeCode();
            }
        }
    }

    /** Whether the server closed the TCP connection (EOF or reset) before sending anything else. */
    boolean awaitEof() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException | javax.net.ssl.SSLException e) {
            return true;
        }
    }

    /** Bytes readable without blocking. */
    int available() throws IOException {
        return in.available();
    }

    /** Reads until the server closes the connection. */
    byte[] readAll() throws IOException {
        return in.readAllBytes();
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("closed by server");
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
