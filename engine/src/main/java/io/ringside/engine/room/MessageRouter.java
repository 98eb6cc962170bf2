package io.ringside.engine.room;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;

/**
 * The game message types a room accepts, by {@code GameMessage.type} number, each with its protobuf
 * {@link Parser} and handler:
 *
 * <pre>{@code
 * messages().on(1, Input.parser(), this::onInput);
 * }</pre>
 * Messages are parsed on the room's tick thread straight from the inbound ring slot with aliasing:
 * {@code bytes} fields of a parsed message are views valid only during the handler call. Declare
 * types in {@link Room#onCreate}; one thread only.
 *
 * <p>A declared type may be rate limited per player ({@link #limit}): messages over its limit are
 * dropped before they are parsed, counted, and answered or kicked as the limit says.
 */
public final class MessageRouter {
    static final int HANDLED = 0;
    static final int UNKNOWN_TYPE = 1;
    static final int MALFORMED = 2;
    static final int OVER_LIMIT = 3;

    private final Int2ObjectOpenHashMap<Route<?>> routes = new Int2ObjectOpenHashMap<>();
    private int limits;

    MessageRouter() {
    }

    /** Declares message type {@code type}, parsed by {@code parser} and handled by {@code handler}. */
    public <T> MessageRouter on(int type, Parser<T> parser, MessageHandler<? super T> handler) {
        if (parser == null || handler == null) {
            throw new IllegalArgumentException("type=" + type + ": parser and handler must not be null");
        }
        put(type, new Route<>(parser, handler, null));
        return this;
    }

    /** Declares message type {@code type}, handed over unparsed (no allocation). */
    public MessageRouter onRaw(int type, RawMessageHandler handler) {
        if (handler == null) {
            throw new IllegalArgumentException("type=" + type + ": handler must not be null");
        }
        put(type, new Route<>(null, null, handler));
        return this;
    }

    private void put(int type, Route<?> route) {
        if (routes.containsKey(type)) {
            throw new IllegalArgumentException("type=" + type + " (declared twice)");
        }
        routes.put(type, route);
    }

    /**
     * Limits how often each player may send message type {@code type}, declared before (once); see
     * {@link RateLimit}. Throws {@link IllegalArgumentException} naming the type when it is not
     * declared or already limited.
     */
    public MessageRouter limit(int type, RateLimit limit) {
        Route<?> route = routes.get(type);
        if (route == null) {
            throw new IllegalArgumentException("type=" + type + " (not declared: declare it with on or onRaw first)");
        }
        if (limit == null) {
            throw new IllegalArgumentException("type=" + type + ": limit must not be null");
        }
        if (route.limit != null) {
            throw new IllegalArgumentException("type=" + type + " (limited twice)");
        }
        route.limit = limit;
        route.bucket = limits++;
        return this;
    }

    /** Rate-limited types declared so far: the buckets each player needs. */
    int limits() {
        return limits;
    }

    /** The route of {@code type}, or {@code null} when it is not declared. */
    Route<?> route(int type) {
        return routes.get(type);
    }

    /** Whether {@code type} is declared. */
    public boolean declares(int type) {
        return routes.containsKey(type);
    }

    /**
     * Takes a token of {@code player} for a limited type at {@code nowNs}, then parses and handles one
     * message; returns {@link #HANDLED}, {@link #UNKNOWN_TYPE}, {@link #OVER_LIMIT} (not parsed) or
     * {@link #MALFORMED}. An exception from the handler propagates (the room has failed).
     */
    int dispatch(Player player, int type, byte[] bytes, int offset, int length, long nowNs) {
        Route<?> route = routes.get(type);
        if (route == null) {
            return UNKNOWN_TYPE;
        }
        if (route.limit != null && !player.buckets(limits).tryTake(route.bucket, route.limit, nowNs)) {
            return OVER_LIMIT;
        }
        return route.handle(player, bytes, offset, length);
    }

    static final class Route<T> {
        private final Parser<T> parser;
        private final MessageHandler<? super T> handler;
        private final RawMessageHandler raw;
        /** The type's rate limit, or {@code null}. */
        RateLimit limit;
        /** Index of the type's bucket in each player's {@link TokenBuckets}. */
        int bucket;

        Route(Parser<T> parser, MessageHandler<? super T> handler, RawMessageHandler raw) {
            this.parser = parser;
            this.handler = handler;
            this.raw = raw;
        }

        int handle(Player player, byte[] bytes, int offset, int length) {
            if (raw != null) {
                raw.onMessage(player, bytes, offset, length);
                return HANDLED;
            }
            T message;
            try {
                CodedInputStream input = CodedInputStream.newInstance(bytes, offset, length);
                input.enableAliasing(true);
                message = parser.parseFrom(input);
            } catch (InvalidProtocolBufferException e) {
                return MALFORMED;
            }
            handler.onMessage(player, message);
            return HANDLED;
        }
    }
}
