package io.ringside.engine.client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * A Java-WebSocket echo server on an ephemeral loopback port: an independent RFC 6455 peer for the
 * client's ITs. Text {@code close:CODE:reason} makes it close; {@code ping:payload} makes it ping.
 * It records the handshakes, closes and pongs it sees.
 */
final class EchoServer extends WebSocketServer {
    final BlockingQueue<String> closes = new LinkedBlockingQueue<>();
    final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
    final BlockingQueue<ClientHandshake> handshakes = new LinkedBlockingQueue<>();
    private final CountDownLatch started = new CountDownLatch(1);

    private EchoServer(List<Draft> drafts) {
        super(new InetSocketAddress("127.0.0.1", 0), drafts);
        setReuseAddr(true);
        setConnectionLostTimeout(0);
        setMaxPendingConnections(4096);
        setDaemon(true);
    }

    /** Starts a server that accepts subprotocol {@code chat}, or none. */
    static EchoServer startEcho() throws InterruptedException {
        List<IProtocol> protocols = List.of(new Protocol("chat"), new Protocol(""));
        EchoServer server = new EchoServer(List.of(new Draft_6455(List.of(), protocols)));
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("echo server did not start");
        }
        return server;
    }

    /** Starts a server that accepts permessage-deflate (Java-WebSocket RFC 7692). */
    static EchoServer startDeflateEcho() throws InterruptedException {
        PerMessageDeflateExtension deflate = new PerMessageDeflateExtension();
        deflate.setThreshold(0);
        EchoServer server = new EchoServer(List.of(new Draft_6455(deflate)));
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("echo server did not start");
        }
        return server;
    }

    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + getPort() + path);
    }

    void shutdown() throws InterruptedException {
        stop(1000);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        handshakes.add(handshake);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        if (message.startsWith("close:")) {
            String[] parts = message.split(":", 3);
            conn.close(Integer.parseInt(parts[1]), parts[2]);
        } else if (message.startsWith("ping:")) {
            PingFrame ping = new PingFrame();
            ping.setPayload(ByteBuffer.wrap(message.substring(5).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            conn.sendFrame(ping);
        } else {
            conn.send(message);
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        conn.send(message);
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata frame) {
        pongs.add(java.nio.charset.StandardCharsets.UTF_8.decode(frame.getPayloadData()).toString());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        closes.add(code + ":" + reason + ":" + (remote ? "remote" : "local"));
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        // the client ITs assert on the client side; server errors show as missing echoes there
    }
}
