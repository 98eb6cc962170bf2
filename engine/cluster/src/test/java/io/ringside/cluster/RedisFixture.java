package io.ringside.cluster;

import io.ringside.engine.RingsideServer;
import io.ringside.engine.client.GameClient;
import io.ringside.engine.client.GameListener;
import io.ringside.engine.client.WebSocketClient;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.JedisPooled;

/**
 * What the cluster test classes share: a real redis-server with a client, and a WebSocket client,
 * started before a class's tests and closed after them. Register with {@code @RegisterExtension}.
 */
final class RedisFixture implements BeforeAllCallback, AfterAllCallback {
    private static final long CONNECT_SECONDS = 20;
    private RedisServer server;
    private JedisPooled redis;
    private WebSocketClient webSocketClient;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = RedisServer.start();
        redis = server.client();
        webSocketClient = WebSocketClient.start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (webSocketClient != null) {
            webSocketClient.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (server != null) {
            server.close();
        }
    }

    RedisServer server() {
        return server;
    }

    JedisPooled redis() {
        return redis;
    }

    WebSocketClient webSocketClient() {
        return webSocketClient;
    }

    /**
     * A game client on this fixture's WebSocket client, connected to the default endpoint of the node
     * listening on loopback port {@code port} and added to {@code opened}, which the test closes.
     */
    GameClient connect(int port, GameListener listener, List<GameClient> opened) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + port + RingsideServer.DEFAULT_ENDPOINT_PATH);
        GameClient client = GameClient.create(webSocketClient, uri, listener);
        opened.add(client);
        return client.connect().get(CONNECT_SECONDS, TimeUnit.SECONDS);
    }

    /** Restarts redis-server empty on the same port and connects the client again. */
    void restart() throws IOException, InterruptedException {
        server.restart();
        redis.close();
        redis = server.client();
    }
}
