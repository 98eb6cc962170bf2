package io.ringside.engine.room;

import io.ringside.engine.tick.NanoClock;
import io.ringside.engine.tick.TickLoopConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Immutable settings of the game side of a server: shards, tick rate, room types and the inbound
 * limits. Built by {@code RingsideServer.Builder}; {@link Builder#build()} names a bad value.
 */
public final class GameConfig {
    /** Largest {@link #inputQueueCapacity()} accepted. */
    public static final int MAX_INPUT_QUEUE_CAPACITY = 1_024;
    /** Largest {@link #maxInputBytes()} accepted. */
    public static final int MAX_INPUT_BYTES = 65_536;
    /** Longest {@link #drainDeadlineMs()} accepted: one hour. */
    public static final long MAX_DRAIN_DEADLINE_MS = 3_600_000;

    private final int shards;
    private final int tickRateHz;
    private final int maxCatchUpTicks;
    private final int ringCapacity;
    private final int slotBytes;
    private final int maxEventsPerTick;
    private final int slotsPerSessionPerTick;
    private final int maxMalformedMessages;
    private final int postQueueCapacity;
    private final long framePoolBytes;
    private final int maxJoinRequestBytes;
    private final int maxRefusedRequests;
    private final int maxRooms;
    private final int maxRoomsPerClient;
    private final int inputQueueCapacity;
    private final int maxInputBytes;
    private final int maxInputSeqGap;
    private final long drainDeadlineMs;
    private final List<String> handshakeHeaders;
    private final Map<String, RoomType> roomTypes;
    private final NanoClock clock;

    private GameConfig(Builder b) {
        this.shards = b.shards;
        this.tickRateHz = b.tickRateHz;
        this.maxCatchUpTicks = b.maxCatchUpTicks;
        this.ringCapacity = b.ringCapacity;
        this.slotBytes = b.slotBytes;
        this.maxEventsPerTick = b.maxEventsPerTick;
        this.slotsPerSessionPerTick = b.slotsPerSessionPerTick;
        this.maxMalformedMessages = b.maxMalformedMessages;
        this.postQueueCapacity = b.postQueueCapacity;
        this.framePoolBytes = b.framePoolBytes;
        this.maxJoinRequestBytes = b.maxJoinRequestBytes;
        this.maxRefusedRequests = b.maxRefusedRequests;
        this.maxRooms = b.maxRooms;
        this.maxRoomsPerClient = b.maxRoomsPerClient;
        this.inputQueueCapacity = b.inputQueueCapacity;
        this.maxInputBytes = b.maxInputBytes;
        this.maxInputSeqGap = b.maxInputSeqGap;
        this.drainDeadlineMs = b.drainDeadlineMs;
        this.handshakeHeaders = List.copyOf(b.handshakeHeaders);
        this.roomTypes = Map.copyOf(b.roomTypes);
        this.clock = b.clock;
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Tick loops, each with its own thread, ring and rooms. */
    public int shards() {
        return shards;
    }

    /** Ticks per second of every shard. */
    public int tickRateHz() {
        return tickRateHz;
    }

    int maxCatchUpTicks() {
        return maxCatchUpTicks;
    }

    /** Inbound ring slots per shard (a power of two). */
    public int ringCapacity() {
        return ringCapacity;
    }

    /** Bytes each ring slot holds without allocating; larger messages get an array of their own. */
    public int slotBytes() {
        return slotBytes;
    }

    /**
     * Bytes of idle outbound frames each shard keeps for reuse, so that sending every tick allocates
     * nothing; frames beyond it are left to the garbage collector.
     */
    public long framePoolBytes() {
        return framePoolBytes;
    }

    /** Most inbound events one shard dispatches per tick; the rest wait for the next tick. */
    public int maxEventsPerTick() {
        return maxEventsPerTick;
    }

    /**
     * Inbound ring slots one connection may take per tick on its shard; its further messages wait
     * (and it stops reading) until the next tick, so that one flooder cannot crowd the ring.
     */
    public int slotsPerSessionPerTick() {
        return slotsPerSessionPerTick;
    }

    /** Malformed messages a connection may send before it is closed with 1007. */
    public int maxMalformedMessages() {
        return maxMalformedMessages;
    }

    /**
     * Largest join request accepted, in bytes of its encoding: its options and auth token are kept
     * for as long as the player holds its seat (through a reconnect grace too), so they count toward
     * what each seat costs. A larger one is answered MALFORMED_MESSAGE and counts as malformed.
     */
    public int maxJoinRequestBytes() {
        return maxJoinRequestBytes;
    }

    /**
     * Refused requests (a game message or leave outside a room, a join to a full, locked, unknown
     * or closed room, a rejected reconnect, ...) a connection may send before it is closed with 1008.
     */
    public int maxRefusedRequests() {
        return maxRefusedRequests;
    }

    /**
     * Most rooms this server holds at once; a join that would create one more is answered
     * ROOM_LIMIT (joins into existing rooms go on). Each room holds its players, state and the
     * game's own objects, so this bounds what all clients together can make the server keep.
     */
    public int maxRooms() {
        return maxRooms;
    }

    /**
     * Most rooms one connection may have created that are still alive (it may have left them;
     * other players or {@link RoomOptions#disposeWhenEmptyMs()} keep them); a join that would
     * create one more is answered ROOM_LIMIT. A room that is disposed no longer counts.
     */
    public int maxRoomsPerClient() {
        return maxRoomsPerClient;
    }

    /**
     * Inputs queued per player for its room ({@link RoomInputs}); when full, a new input drops the
     * oldest. Each holds a parsed message of at most {@link #maxInputBytes()}, so a seat holds at most
     * about their product.
     */
    public int inputQueueCapacity() {
        return inputQueueCapacity;
    }

    /** Largest input payload accepted, in bytes; a larger one is answered MALFORMED_INPUT. */
    public int maxInputBytes() {
        return maxInputBytes;
    }

    /**
     * How far an input's seq may jump past the last one queued (1: no gaps); further is answered
     * MALFORMED_INPUT, so a client cannot exhaust its sequence or skip ahead of its acks.
     */
    public int maxInputSeqGap() {
        return maxInputSeqGap;
    }

    /** Tasks per shard that other threads may have posted to rooms and not yet run. */
    public int postQueueCapacity() {
        return postQueueCapacity;
    }

    /**
     * Milliseconds a draining server lets its rooms run after {@code Room.onDrain}: rooms still
     * there at the deadline are disposed, their players told ROOM_CLOSED and their connections
     * closed with 1001.
     */
    public long drainDeadlineMs() {
        return drainDeadlineMs;
    }

    /** Handshake header fields kept for the rooms' auth hooks. */
    public List<String> handshakeHeaders() {
        return handshakeHeaders;
    }

    Map<String, RoomType> roomTypes() {
        return roomTypes;
    }

    NanoClock clock() {
        return clock;
    }

    /** Builds a {@link GameConfig}; see the getters for meanings and the fields for defaults. */
    public static final class Builder {
        private int shards = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        private int tickRateHz = TickLoopConfig.DEFAULT_TICK_RATE_HZ;
        private int maxCatchUpTicks = TickLoopConfig.DEFAULT_MAX_CATCH_UP_TICKS;
        private int ringCapacity = 16_384;
        private int slotBytes = 512;
        private int maxEventsPerTick = 16_384;
        private int slotsPerSessionPerTick = 64;
        private int maxMalformedMessages = 10;
        private int postQueueCapacity = 4_096;
        private long framePoolBytes = 8L << 20;
        private int maxJoinRequestBytes = 8 * 1024;
        private int maxRefusedRequests = 1_000;
        private int maxRooms = 10_000;
        private int maxRoomsPerClient = 100;
        private int inputQueueCapacity = 8;
        private int maxInputBytes = 512;
        private int maxInputSeqGap = 1_024;
        private long drainDeadlineMs = 25_000;
        private List<String> handshakeHeaders = List.of("Authorization", "Cookie", "User-Agent", "X-Forwarded-For");
        private final Map<String, RoomType> roomTypes = new LinkedHashMap<>();
        private NanoClock clock = NanoClock.system();

        private Builder() {
        }

        /** Number of shards (tick threads). Default: half the available processors, at least 1. */
        public Builder shards(int shards) {
            this.shards = shards;
            return this;
        }

        /** Ticks per second, 1 to 128. Default 30. */
        public Builder tickRateHz(int hz) {
            this.tickRateHz = hz;
            return this;
        }

        /** Overdue ticks run back to back after an overrun; older ones are skipped. Default 3. */
        public Builder maxCatchUpTicks(int ticks) {
            this.maxCatchUpTicks = ticks;
            return this;
        }

        /** Inbound ring slots per shard, a power of two. Default 16 384. */
        public Builder ringCapacity(int slots) {
            this.ringCapacity = slots;
            return this;
        }

        /** Bytes per ring slot. Default 512. */
        public Builder slotBytes(int bytes) {
            this.slotBytes = bytes;
            return this;
        }

        /** Bytes of idle outbound frames kept per shard for reuse. Default 8 MiB. */
        public Builder framePoolBytes(long bytes) {
            this.framePoolBytes = bytes;
            return this;
        }

        /** Most inbound events dispatched per shard per tick. Default 16 384. */
        public Builder maxEventsPerTick(int events) {
            this.maxEventsPerTick = events;
            return this;
        }

        /**
         * Inbound ring slots one connection may take per tick: beyond them its messages wait in
         * order (its connection stops reading) and go into the ring, at most this many per tick, in
         * later ticks. One flooder then delays nobody else's inputs. Default 64.
         */
        public Builder slotsPerSessionPerTick(int slots) {
            this.slotsPerSessionPerTick = slots;
            return this;
        }

        /** Malformed messages tolerated per connection before close 1007. Default 10. */
        public Builder maxMalformedMessages(int count) {
            this.maxMalformedMessages = count;
            return this;
        }

        /** Largest join request (options and auth token included), in bytes. Default 8 KiB. */
        public Builder maxJoinRequestBytes(int bytes) {
            this.maxJoinRequestBytes = bytes;
            return this;
        }

        /** Refused requests tolerated per connection before close 1008. Default 1 000. */
        public Builder maxRefusedRequests(int count) {
            this.maxRefusedRequests = count;
            return this;
        }

        /** Most rooms alive on this server, at least 1. Default 10 000. */
        public Builder maxRooms(int rooms) {
            this.maxRooms = rooms;
            return this;
        }

        /** Most rooms alive that one connection created, at least 1. Default 100. */
        public Builder maxRoomsPerClient(int rooms) {
            this.maxRoomsPerClient = rooms;
            return this;
        }

        /** Inputs queued per player, 1 to 1 024. Default 8 (about a quarter second at 30 Hz). */
        public Builder inputQueueCapacity(int inputs) {
            this.inputQueueCapacity = inputs;
            return this;
        }

        /** Largest input payload, in bytes, 1 to 65 536. Default 512. */
        public Builder maxInputBytes(int bytes) {
            this.maxInputBytes = bytes;
            return this;
        }

        /** Largest jump of an input's seq past the last one queued, at least 1. Default 1 024. */
        public Builder maxInputSeqGap(int gap) {
            this.maxInputSeqGap = gap;
            return this;
        }

        /** Capacity of each shard's queue of posted tasks. Default 4 096. */
        public Builder postQueueCapacity(int capacity) {
            this.postQueueCapacity = capacity;
            return this;
        }

        /**
         * How long a draining server lets rooms finish, 0 to one hour; 0 closes them at the next
         * tick. Default 25 s, under Kubernetes' default 30 s termination grace period, so the node
         * leaves the registry before it would be killed.
         */
        public Builder drainDeadlineMs(long ms) {
            this.drainDeadlineMs = ms;
            return this;
        }

        /** Handshake header fields kept for auth hooks. Default Authorization, Cookie, User-Agent, X-Forwarded-For. */
        public Builder handshakeHeaders(List<String> names) {
            this.handshakeHeaders = names;
            return this;
        }

        /** Registers room type {@code name}: rooms made by {@code factory}, with {@code options}. */
        public Builder room(String name, Supplier<? extends Room> factory, RoomOptions options) {
            if (roomTypes.containsKey(name)) {
                throw new IllegalArgumentException("room=" + name + " (registered twice)");
            }
            roomTypes.put(name, new RoomType(name, factory, options, roomTypes.size()));
            return this;
        }

        /** The clock the tick loops run by (tests drive it by hand). Default {@link NanoClock#system()}. */
        public Builder clock(NanoClock clock) {
            this.clock = clock;
            return this;
        }

        /** Checks every value and builds. */
        public GameConfig build() {
            check(shards >= 1, "shards=" + shards + " (minimum 1)");
            check(tickRateHz >= TickLoopConfig.MIN_TICK_RATE_HZ && tickRateHz <= TickLoopConfig.MAX_TICK_RATE_HZ,
                    "tickRateHz=" + tickRateHz + " (must be 1 to 128)");
            check(maxCatchUpTicks >= 0, "maxCatchUpTicks=" + maxCatchUpTicks + " (minimum 0)");
            check(ringCapacity >= 2 && Integer.bitCount(ringCapacity) == 1,
                    "ringCapacity=" + ringCapacity + " (a power of two, minimum 2)");
            check(slotBytes >= 16, "slotBytes=" + slotBytes + " (minimum 16)");
            check(maxEventsPerTick >= 1, "maxEventsPerTick=" + maxEventsPerTick + " (minimum 1)");
            check(slotsPerSessionPerTick >= 1, "slotsPerSessionPerTick=" + slotsPerSessionPerTick + " (minimum 1)");
            check(maxMalformedMessages >= 1, "maxMalformedMessages=" + maxMalformedMessages + " (minimum 1)");
            check(postQueueCapacity >= 1, "postQueueCapacity=" + postQueueCapacity + " (minimum 1)");
            check(framePoolBytes >= 1024, "framePoolBytes=" + framePoolBytes + " (minimum 1024)");
            check(maxJoinRequestBytes >= 64, "maxJoinRequestBytes=" + maxJoinRequestBytes + " (minimum 64)");
            check(maxRefusedRequests >= 1, "maxRefusedRequests=" + maxRefusedRequests + " (minimum 1)");
            check(maxRooms >= 1, "maxRooms=" + maxRooms + " (minimum 1)");
            check(maxRoomsPerClient >= 1, "maxRoomsPerClient=" + maxRoomsPerClient + " (minimum 1)");
            check(inputQueueCapacity >= 1 && inputQueueCapacity <= MAX_INPUT_QUEUE_CAPACITY,
                    "inputQueueCapacity=" + inputQueueCapacity + " (must be 1 to " + MAX_INPUT_QUEUE_CAPACITY + ")");
            check(maxInputBytes >= 1 && maxInputBytes <= MAX_INPUT_BYTES,
                    "maxInputBytes=" + maxInputBytes + " (must be 1 to " + MAX_INPUT_BYTES + ")");
            check(maxInputSeqGap >= 1, "maxInputSeqGap=" + maxInputSeqGap + " (minimum 1)");
            check(drainDeadlineMs >= 0 && drainDeadlineMs <= MAX_DRAIN_DEADLINE_MS,
                    "drainDeadlineMs=" + drainDeadlineMs + " (must be 0 to " + MAX_DRAIN_DEADLINE_MS + ")");
            check(handshakeHeaders != null, "handshakeHeaders=null");
            check(!roomTypes.isEmpty(), "rooms=[] (register at least one room type)");
            for (RoomType type : roomTypes.values()) {
                check(type.name != null && !type.name.isEmpty(), "room.name=" + type.name);
                check(type.factory != null && type.options != null, "room(" + type.name + ") factory and options");
            }
            check(clock != null, "clock=null");
            return new GameConfig(this);
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
