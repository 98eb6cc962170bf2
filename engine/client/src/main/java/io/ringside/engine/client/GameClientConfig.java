package io.ringside.engine.client;

import java.util.Objects;

/**
 * Immutable options of a {@link GameClient}: how events are delivered, how many may wait for
 * {@link GameClient#poll}, and the WebSocket connect options. Build with {@link #builder()}.
 */
public final class GameClientConfig {
    /** The subprotocol a game client offers; a Ringside server echoes it. */
    public static final String SUBPROTOCOL = "ringside.v1";
    /** Default {@link #maxPendingEvents()}: 4,096. */
    public static final int DEFAULT_MAX_PENDING_EVENTS = 4096;

    /** Where events and game messages are delivered. */
    public enum Delivery {
        /** On the connection's I/O thread as they arrive: never block in handlers. */
        CALLBACK,
        /** Queued for {@link GameClient#poll}, which delivers them on the calling thread (a bot's loop). */
        POLL
    }

    private final Delivery delivery;
    private final int maxPendingEvents;
    private final ConnectConfig connectConfig;

    private GameClientConfig(Builder builder) {
        this.delivery = builder.delivery;
        this.maxPendingEvents = builder.maxPendingEvents;
        this.connectConfig = builder.connectConfig;
    }

    /** Every default: callback delivery, {@link ConnectConfig#defaults()}. */
    public static GameClientConfig defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where events are delivered. */
    public Delivery delivery() {
        return delivery;
    }

    /**
     * With {@link Delivery#POLL}, how many events may wait to be polled; one more fails the
     * connection with 1008 (RFC 6455 §7.4.1), so a bot that stops polling costs bounded memory.
     */
    public int maxPendingEvents() {
        return maxPendingEvents;
    }

    /** The WebSocket connect options (timeouts, limits, headers). */
    public ConnectConfig connectConfig() {
        return connectConfig;
    }

    /** Builds a {@link GameClientConfig}; {@link #build()} checks every value. */
    public static final class Builder {
        private Delivery delivery = Delivery.CALLBACK;
        private int maxPendingEvents = DEFAULT_MAX_PENDING_EVENTS;
        private ConnectConfig connectConfig = ConnectConfig.builder().subprotocol(SUBPROTOCOL).build();

        private Builder() {
        }

        /** Sets where events are delivered. */
        public Builder delivery(Delivery delivery) {
            this.delivery = delivery;
            return this;
        }

        /** Sets the bound of the poll queue (at least 1). */
        public Builder maxPendingEvents(int maxPendingEvents) {
            this.maxPendingEvents = maxPendingEvents;
            return this;
        }

        /** Sets the WebSocket connect options. Default: the defaults, offering {@value #SUBPROTOCOL}. */
        public Builder connectConfig(ConnectConfig connectConfig) {
            this.connectConfig = connectConfig;
            return this;
        }

        /** Checks the values and builds; throws {@link IllegalArgumentException} naming the bad value. */
        public GameClientConfig build() {
            if (delivery == null) {
                throw new IllegalArgumentException("delivery=null");
            }
            if (maxPendingEvents < 1) {
                throw new IllegalArgumentException("maxPendingEvents=" + maxPendingEvents + " (minimum 1)");
            }
            Objects.requireNonNull(connectConfig, "connectConfig");
            return new GameClientConfig(this);
        }
    }
}
