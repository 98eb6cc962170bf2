package io.ringside.cluster;

import io.ringside.engine.client.WebSocketClient;
import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.JedisPooled;

/**
 * What the cluster test classes share: a real redis-server with a client, and a WebSocket client,
 * started before a class's tests and closed after them. Register with {@code @RegisterExtension}.
 */
final class RedisFixture implements BeforeAllCallback, AfterAllCallback {
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

    /** Restarts redis-server empty on the same port and connects the client again. */
    void restart() throws IOException, InterruptedException {
        server.restart();
        redis.close();
        redis = server.client();
    }
}
