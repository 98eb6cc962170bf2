package io.ringside.engine.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection TCP server on a loopback port that runs a scripted exchange on a thread of its
 * own: for handshakes and frames a correct server would never send. Helpers read the request head,
 * answer the handshake and read one (masked) client frame byte by byte, independently of the code
 * under test.
 */
final class RawServer implements AutoCloseable {
    /** What the server does with the accepted connection. */
    interface Script {
        void run(Socket socket) throws Exception;
    }

    private final ServerSocket serverSocket;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private RawServer(Script script) throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serve(script), "raw-server");
        thread.setDaemon(true);
        thread.start();
    }

    static RawServer start(Script script) throws IOException {
        return new RawServer(script);
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + serverSocket.getLocalPort() + "/raw");
    }

    /** Waits for the script to end and rethrows what it threw. */
    void awaitScript() throws Exception {
        done.get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }

    /** Reads the request head and returns its Sec-WebSocket-Key. */
    static String readRequestKey(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("EOF inside the request head");
            }
            head.write(b);
        }
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("sec-websocket-key:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        throw new IOException("no Sec-WebSocket-Key in the request");
    }

    /** The RFC 6455 §4.2.2 accept value, computed here independently of the client. */
    static String accept(String key) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-1")
                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
        return Base64.getEncoder().encodeToString(digest);
    }

    /** Reads the request and answers a valid 101. */
    static void acceptUpgrade(Socket socket) throws Exception {
        String key = readRequestKey(socket.getInputStream());
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
        socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads one client frame, checks it is masked, and returns {@code opcode} then the unmasked payload. */
    static byte[] readClientFrame(InputStream in) throws IOException {
        int first = readByte(in);
        int second = readByte(in);
        if ((second & 0x80) == 0) {
            throw new IOException("client frame not masked");
        }
        long length = second & 0x7f;
        int extra = length == 126 ? 2 : length == 127 ? 8 : 0;
        if (extra > 0) {
            length = 0;
            for (int i = 0; i < extra; i++) {
                length = (length << 8) | readByte(in);
            }
        }
        byte[] key = in.readNBytes(4);
        byte[] frame = new byte[1 + (int) length];
        frame[0] = (byte) (first & 0x0f);
        for (int i = 0; i < length; i++) {
            frame[1 + i] = (byte) (readByte(in) ^ key[i & 3]);
        }
        return frame;
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("EOF inside a frame");
        }
        return b;
    }

    private void serve(Script script) {
        try (Socket socket = serverSocket.accept()) {
            socket.setSoTimeout(10_000);
            script.run(socket);
            done.complete(null);
        } catch (Exception | AssertionError e) {
            done.completeExceptionally(e);
        }
    }
}
