package io.ringside.tools.client;

import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.DecoderConfig;
import io.ringside.protocol.websocket.FrameEncoder;
import io.ringside.protocol.websocket.MessageDecoder;
import io.ringside.protocol.websocket.MessageHandler;
import io.ringside.protocol.websocket.Opcode;
import io.ringside.protocol.websocket.Role;
import io.ringside.protocol.websocket.WebSocketProtocolException;
import io.ringside.tools.render.CloseCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One client WebSocket connection on a plain blocking socket: the caller's thread sends, a reader
 * thread decodes what arrives (RFC 6455 client role) and reports it to a {@link MessageHandler}.
 * Pings are answered with pongs and a server's close with a close (§5.5.1); a protocol violation by
 * the server closes with its code.
 *
 * <p>Sends may come from any thread (they are serialized); handler calls come from the reader thread.
 */
final class BlockingSession {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final FrameEncoder encoder = new FrameEncoder(Role.CLIENT);
    private final MessageDecoder decoder;
    private final SessionEvents events;
    private boolean closeSent;
    private volatile boolean closed;

    BlockingSession(Socket socket, InputStream in, DecoderConfig config, SessionEvents events) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.events = events;
        this.decoder = new MessageDecoder(config, new Dispatch());
    }

    /** Starts the reader thread. */
    void start() {
        Thread reader = new Thread(this::readLoop, "ringside-client-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends one frame of {@code opcode} with {@code payload}; false if the connection is closing or closed. */
    boolean send(int opcode, byte[] payload) throws IOException {
        return send(opcode, payload, () -> { });
    }

    /** Like {@link #send(int, byte[])}, running {@code announce} just before the frame is written. */
    synchronized boolean send(int opcode, byte[] payload, Runnable announce) throws IOException {
        if (closeSent || closed) {
            return false;
        }
        announce.run();
        ByteBuffer frame = ByteBuffer.allocate(FrameEncoder.headerLength(payload.length, true) + payload.length);
        encoder.writeFrame(frame, true, opcode, ByteBuffer.wrap(payload));
        out.write(frame.array(), 0, frame.position());
        out.flush();
        return true;
    }

    /** Sends a close frame with {@code code} and {@code reason} unless one was sent; false if none was sent. */
    boolean sendClose(int code, String reason) throws IOException {
        return sendClose(code, reason, () -> { });
    }

    /** Like {@link #sendClose(int, String)}, running {@code announce} just before the frame is written. */
    synchronized boolean sendClose(int code, String reason, Runnable announce) throws IOException {
        if (closeSent || closed) {
            return false;
        }
        announce.run();
        ByteBuffer frame = ByteBuffer.allocate(FrameEncoder.MAX_HEADER_BYTES + 125);
        encoder.writeClose(frame, code, reason);
        out.write(frame.array(), 0, frame.position());
        out.flush();
        closeSent = true;
        return true;
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes the socket now. */
    void abort() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // already closing: nothing to report
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[64 << 10];
        try {
            int n;
            while (!decoder.isCloseReceived() && (n = in.read(buffer)) >= 0) {
                decoder.decode(ByteBuffer.wrap(buffer, 0, n));
            }
            if (!decoder.isCloseReceived()) {
                events.ended("the server closed TCP without a close frame (" + CloseCodes.describe(
                        CloseCode.ABNORMAL_CLOSURE) + ")");
            }
        } catch (WebSocketProtocolException e) {
            events.ended("PROTOCOL VIOLATION by the server: " + e.getMessage() + " -> close "
                    + CloseCodes.describe(e.closeCode()));
            quietly(() -> sendClose(e.closeCode(), ""));
        } catch (IOException e) {
            if (!closed) {
                events.ended("connection error: " + e.getMessage());
            }
        } finally {
            abort();
            events.finished();
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void quietly(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            // the connection is going away anyway
        }
    }

    private final class Dispatch implements MessageHandler {
        @Override
        public void onText(ByteBuffer buffer, int offset, int length) {
            events.received(Opcode.TEXT, copy(buffer, offset, length));
        }

        @Override
        public void onBinary(ByteBuffer buffer, int offset, int length) {
            events.received(Opcode.BINARY, copy(buffer, offset, length));
        }

        @Override
        public void onPing(ByteBuffer buffer, int offset, int length) {
            byte[] data = copy(buffer, offset, length);
            events.received(Opcode.PING, data);
            quietly(() -> send(Opcode.PONG, data));
        }

        @Override
        public void onPong(ByteBuffer buffer, int offset, int length) {
            events.received(Opcode.PONG, copy(buffer, offset, length));
        }

        @Override
        public void onClose(int code, ByteBuffer buffer, int reasonOffset, int reasonLength) {
            byte[] reason = copy(buffer, reasonOffset, reasonLength);
            ByteBuffer body = ByteBuffer.allocate(2 + reason.length);
            body.putShort((short) code).put(reason);
            events.received(Opcode.CLOSE, code == CloseCode.NO_STATUS_RECEIVED ? new byte[0] : body.array());
            int answer = code == CloseCode.NO_STATUS_RECEIVED ? CloseCode.NORMAL_CLOSURE : code;
            quietly(() -> sendClose(answer, new String(reason, StandardCharsets.UTF_8)));
        }

        private byte[] copy(ByteBuffer buffer, int offset, int length) {
            byte[] bytes = new byte[length];
            buffer.get(offset, bytes);
            return bytes;
        }
    }
}
