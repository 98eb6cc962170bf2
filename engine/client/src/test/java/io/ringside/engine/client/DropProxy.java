package io.ringside.engine.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay on a loopback port in front of a server, for tests that need a connection to die the
 * way a network drop kills it: {@link #dropAll()} closes both sides' sockets at once, so neither end
 * gets a WebSocket close frame. Two threads per relayed connection; fine for a handful.
 */
final class DropProxy implements AutoCloseable {
    private static final int BUFFER_BYTES = 8192;

    private final ServerSocket serverSocket;
    private final int targetPort;
    private final List<Socket> sockets = new ArrayList<>();

    DropProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "drop-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** Closes every relayed connection on both sides, without a close frame; new ones are still relayed. */
    synchronized void dropAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        dropAll();
    }

    private void accept() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                synchronized (this) {
                    sockets.add(client);
                    sockets.add(server);
                }
                pump(client, server, "drop-proxy-up");
                pump(server, client, "drop-proxy-down");
            } catch (IOException e) {
                return; // the proxy was closed
            }
        }
    }

    private static void pump(Socket from, Socket to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[BUFFER_BYTES];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // dropped: the sockets are closed below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with a socket that fails to close
        }
    }
}
