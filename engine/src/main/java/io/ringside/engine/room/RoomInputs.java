package io.ringside.engine.room;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import java.util.List;
import java.util.Objects;

/**
 * A room's player inputs, the framework's way to feed client-side prediction. The room declares its
 * input message type once, in {@link Room#onCreate}:
 *
 * <pre>{@code
 * inputs().declare(PlayerInput.parser(), this::onInput);
 * ...
 * private void onInput(Player player, PlayerInput input, int seq) {
 *     ((Ship) player.attachment()).steer(input.getTurn(), input.getThrust());
 * }
 * }</pre>
 *
 * Clients send {@code Input{seq, payload}} envelopes (state.proto), seq 1, 2, 3, ... per seat. The
 * framework parses each payload when it arrives and queues it per player; at every tick, before
 * {@link Room#onTick}, it hands the room at most one input per player (the oldest queued), and the
 * seq of the last input taken goes back to that player in its next {@code StatePatch.input_ack}, so
 * that the client can replay on the server's state only the inputs the room has not taken yet.
 *
 * <p>The policy, stated:
 * <ul>
 *   <li>Faster than ticks: the queue holds {@link GameConfig#inputQueueCapacity()} inputs (default
 *       8); a new one when it is full drops the oldest ({@link #dropped()}), so the room always gets
 *       the freshest backlog and a client cannot run ahead of the tick rate.</li>
 *   <li>Slower than ticks: as declared ({@link MissingInput}): no call (default), or the last input
 *       repeated.</li>
 *   <li>Bad input (costs only its client): a seq of 0, not greater than the last one queued, or more
 *       than {@link GameConfig#maxInputSeqGap()} past it; a payload over
 *       {@link GameConfig#maxInputBytes()} or that does not parse: answered with Error
 *       MALFORMED_INPUT, counted toward the connection's malformed-message limit (close 1007), and
 *       not queued ({@link #refused()}).</li>
 *   <li>A dropped connection whose seat is held forgets the inputs still queued; a reconnect to the
 *       seat starts a new sequence at 1 (the client counts afresh); so does a new seat.</li>
 * </ul>
 * An input sent to a room that declares none is answered INPUT_NOT_ACCEPTED. Declaring inputs turns
 * the room's replicated state on ({@link Room#state()}) so that the acks have a patch to ride in.
 * Tick thread of the room only.
 */
public final class RoomInputs {
    private final RoomCore core;
    private final InputLimits limits;
    private Parser<?> parser;
    private InputHandler<Object> handler;
    private MissingInput whenMissing = MissingInput.NONE;
    private long dropped;
    private long refused;
    private long taken;

    RoomInputs(RoomCore core, InputLimits limits) {
        this.core = core;
        this.limits = limits;
    }

    /** Declares the room's input type with {@link MissingInput#NONE}; see the other {@code declare}. */
    public <T> RoomInputs declare(Parser<T> parser, InputHandler<? super T> handler) {
        return declare(parser, MissingInput.NONE, handler);
    }

    /**
     * Declares the room's input type: payloads parsed by {@code parser}, one per player per tick
     * handed to {@code handler}, {@code whenMissing} saying what a tick without one gets. Once per
     * room, in {@link Room#onCreate}.
     */
    @SuppressWarnings("unchecked")
    public <T> RoomInputs declare(Parser<T> parser, MissingInput whenMissing, InputHandler<? super T> handler) {
        if (this.parser != null) {
            throw new IllegalStateException("inputs declared twice");
        }
        this.parser = Objects.requireNonNull(parser, "parser");
        this.whenMissing = Objects.requireNonNull(whenMissing, "whenMissing");
        this.handler = (InputHandler<Object>) Objects.requireNonNull(handler, "handler");
        core.replicatedState();
        return this;
    }

    /** Whether the room declared an input type. */
    public boolean declared() {
        return parser != null;
    }

    /** Inputs of {@code player} waiting for the next ticks. */
    public int queued(Player player) {
        return player.inputs == null ? 0 : player.inputs.size();
    }

    /** The seq of the last input of {@code player} the room took (its ack; 0: none yet). */
    public int lastTaken(Player player) {
        return player.inputs == null ? 0 : player.inputs.lastTaken();
    }

    /** Inputs dropped because a player's queue was full, over the room's life. */
    public long dropped() {
        return dropped;
    }

    /** Inputs refused as malformed (bad seq, too big, not parsing), over the room's life. */
    public long refused() {
        return refused;
    }

    /** Inputs handed to the room (repeats not counted), over the room's life. */
    public long taken() {
        return taken;
    }

    /**
     * Checks and queues one input of {@code player}: {@code seq} as read from the wire (unsigned),
     * the payload in {@code bytes[offset, offset + length)}. Returns {@code null} when queued, else
     * why it was refused.
     */
    String offer(Player player, long seq, byte[] bytes, int offset, int length) {
        String refusal = check(player, seq, length);
        if (refusal == null) {
            Object input;
            try {
                input = parser.parseFrom(bytes, offset, length);
            } catch (InvalidProtocolBufferException e) {
                input = null;
            }
            if (input == null) {
                refusal = "input " + seq + ": payload does not parse";
            } else if (queue(player).offer((int) seq, input)) {
                dropped++;
                core.shard.countInputDropped();
            }
        }
        if (refusal != null) {
            refused++;
            core.shard.countInputRefused();
        }
        return refusal;
    }

    private String check(Player player, long seq, int length) {
        long last = player.inputs == null ? 0 : Integer.toUnsignedLong(player.inputs.lastQueued());
        if (seq == 0 || seq > 0xFFFF_FFFFL) {
            return "input seq " + seq + " (must be 1 to 4294967295)";
        }
        if (seq <= last) {
            return "input seq " + seq + " is not after " + last + " (inputs are numbered 1, 2, 3, ...)";
        }
        if (seq - last > limits.maxSeqGap()) {
            return "input seq " + seq + " jumps more than " + limits.maxSeqGap() + " past " + last
                    + " (game.max-input-seq-gap)";
        }
        if (length > limits.maxInputBytes()) {
            return "input of " + length + " bytes (game.max-input-bytes=" + limits.maxInputBytes() + ")";
        }
        return null;
    }

    private InputQueue queue(Player player) {
        InputQueue queue = player.inputs;
        if (queue == null) {
            queue = new InputQueue(limits.queueCapacity());
            player.inputs = queue;
        }
        return queue;
    }

    /**
     * One tick: hands each player's oldest queued input to the handler and sets its ack, or applies
     * {@link MissingInput}. Tolerates the handler kicking players.
     */
    void handOut(List<Player> players) {
        if (parser == null) {
            return;
        }
        for (int i = 0; i < players.size(); i++) {
            Player player = players.get(i);
            InputQueue queue = player.inputs;
            if (queue == null) {
                continue;
            }
            if (queue.take()) {
                taken++;
                core.shard.countInputTaken();
                core.replicatedState().replicator.inputAck(player, queue.lastTaken());
                handler.onInput(player, queue.lastInput(), queue.lastTaken());
            } else if (whenMissing == MissingInput.REPEAT_LAST && queue.lastInput() != null && player.isConnected()) {
                handler.onInput(player, queue.lastInput(), queue.lastTaken());
            }
            if (i < players.size() && players.get(i) != player) {
                i--; // the handler removed this or an earlier player: the next one moved to i
            }
        }
    }

    /** {@code player}'s seat is on a new connection: its client numbers inputs from 1 again. */
    void reset(Player player) {
        if (player.inputs != null) {
            player.inputs.reset();
        }
    }
}
