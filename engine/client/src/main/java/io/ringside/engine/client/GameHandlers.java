package io.ringside.engine.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import java.util.HashMap;
import java.util.Map;

/**
 * The game message types a {@link GameClient} understands: per type, a parser and a handler.
 * Copy-on-write: registering (rare, any thread) copies the small table, looking up (per message,
 * I/O thread) reads it without a lock. A plain map: the client jar carries no collections library, and
 * game message types are small numbers whose boxes the JDK caches.
 */
final class GameHandlers {
    private volatile Map<Integer, Registration<?>> byType = Map.of();

    synchronized <M> void put(int type, Parser<M> parser, GameMessageHandler<? super M> handler) {
        Map<Integer, Registration<?>> copy = new HashMap<>(byType);
        copy.put(type, new Registration<>(parser, handler));
        byType = copy;
    }

    /** The registration for {@code type}, or {@code null}. */
    Registration<?> get(int type) {
        return byType.get(type);
    }

    /** One type's parser and handler. */
    static final class Registration<M> {
        private final Parser<M> parser;
        private final GameMessageHandler<? super M> handler;

        Registration(Parser<M> parser, GameMessageHandler<? super M> handler) {
            this.parser = parser;
            this.handler = handler;
        }

        /** Parses without aliasing {@code payload}: the message owns its bytes and may be kept or queued. */
        M parse(ByteString payload) throws InvalidProtocolBufferException {
            return parser.parseFrom(payload);
        }

        void handle(GameClient client, M message) {
            handler.onMessage(client, message);
        }
    }
}
