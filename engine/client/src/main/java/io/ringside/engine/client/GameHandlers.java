package io.ringside.engine.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The game message types a {@link GameClient} understands: per type, a parser and a handler.
 * Copy-on-write: registering (rare, any thread) copies the small table, looking up (per message,
 * I/O thread) reads it without a lock. Types below {@value #DIRECT_TYPES}, which games use, sit in
 * an array indexed by type: a load generator's thousand clients each look up every message in a
 * table of their own that is cold by the next message, and a hash map's chain of objects (map,
 * table, node, key) cost several cache misses per lookup where the array costs one. Other types go
 * to a plain map: the client jar carries no collections library.
 */
final class GameHandlers {
    static final int DIRECT_TYPES = 64;
    private static final Registration<?>[] NONE = new Registration<?>[0];

    private volatile Registration<?>[] direct = NONE;
    private volatile Map<Integer, Registration<?>> others = Map.of();

    synchronized <M> void put(int type, Parser<M> parser, GameMessageHandler<? super M> handler) {
        Registration<M> registration = new Registration<>(parser, handler);
        if (type >= 0 && type < DIRECT_TYPES) {
            Registration<?>[] copy = Arrays.copyOf(direct, Math.max(direct.length, type + 1));
            copy[type] = registration;
            direct = copy;
        } else {
            Map<Integer, Registration<?>> copy = new HashMap<>(others);
            copy.put(type, registration);
            others = copy;
        }
    }

    /** The registration for {@code type}, or {@code null}. */
    Registration<?> get(int type) {
        Registration<?>[] table = direct;
        if (type >= 0 && type < table.length) {
            return table[type];
        }
        return type >= 0 && type < DIRECT_TYPES ? null : others.get(type);
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
