package io.ringside.engine.client;

import com.google.protobuf.MessageLite;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * Input sequencing and client-side prediction with server reconciliation, from nothing but the
 * game's own step function. It numbers the inputs it sends (1, 2, 3, ...), applies each to the
 * predicted state at once and keeps it until the server acknowledges it; when the server's state
 * arrives with the seq of the last input its room took ({@link StateMirror#inputAck()}), it starts
 * from that state and replays only the inputs still in flight. Where client and server agree the
 * replay lands where the prediction was; where they disagree (a collision the client does not
 * simulate, an input the server dropped) it takes the server's word and counts a correction.
 *
 * <pre>{@code
 * InputPredictor<Body, Move> me = new InputPredictor<>((body, move) -> body.step(move));
 * client.state().listener(new StateListener() { ... });   // on our entity's change:
 *     me.reconcile(bodyOf(entity), client.state().inputAck());
 * // every tick interval:
 * me.send(client, Move.newBuilder().setX(1).build());     // numbered, sent, predicted
 * Body shown = me.state();
 * }</pre>
 * After a join or a reconnect the server counts inputs afresh: call {@link #restart()} then. Not
 * thread-safe: use it on one thread (a bot's, or the client's delivery thread).
 *
 * @param <S> the predicted state (immutable values work best: {@code step} returns the next one)
 * @param <I> the room's input message type
 */
public final class InputPredictor<S, I extends MessageLite> {
    /** Default {@code maxPending}: unacked inputs kept. */
    public static final int DEFAULT_MAX_PENDING = 1024;

    private final BiFunction<S, I, S> step;
    private final BiPredicate<S, S> diverged;
    private final int maxPending;
    private final ArrayDeque<Pending<I>> pending = new ArrayDeque<>();
    private S state;
    private int lastSeq;
    private int ack;
    private long corrections;
    private long dropped;

    /** A predictor stepping with {@code step}; a reconciled state unequal to the prediction is a correction. */
    public InputPredictor(BiFunction<S, I, S> step) {
        this(step, (a, b) -> !Objects.equals(a, b), DEFAULT_MAX_PENDING);
    }

    /**
     * A predictor stepping with {@code step}; {@code diverged} says whether a reconciled state
     * disagrees with the prediction; at most {@code maxPending} unacked inputs are kept (beyond, the
     * oldest is forgotten and counted in {@link #dropped()}).
     */
    public InputPredictor(BiFunction<S, I, S> step, BiPredicate<S, S> diverged, int maxPending) {
        this.step = Objects.requireNonNull(step, "step");
        this.diverged = Objects.requireNonNull(diverged, "diverged");
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending=" + maxPending + " (minimum 1)");
        }
        this.maxPending = maxPending;
    }

    /**
     * Numbers {@code input}, sends it with {@link GameClient#sendInput} and, if the client queued it,
     * applies it to the prediction. Returns its seq, or 0 when the client did not queue it (not
     * connected, backlog full: the number is not used).
     */
    public int send(GameClient client, I input) {
        int seq = lastSeq + 1;
        if (!client.sendInput(seq, input)) {
            return 0;
        }
        apply(seq, input);
        return seq;
    }

    /**
     * Numbers {@code input} and applies it to the prediction, for a caller that sends it itself
     * ({@code sendInput(seq, input)} with the returned seq). Returns its seq.
     */
    public int next(I input) {
        int seq = lastSeq + 1;
        apply(seq, input);
        return seq;
    }

    private void apply(int seq, I input) {
        lastSeq = seq;
        pending.addLast(new Pending<>(seq, input));
        if (pending.size() > maxPending) {
            pending.removeFirst();
            dropped++;
        }
        if (state != null) {
            state = step.apply(state, input);
        }
    }

    /**
     * Takes the server's state after input {@code serverAck} (0: none taken yet): forgets the inputs
     * up to it, replays the later ones on it, and returns the new prediction.
     */
    public S reconcile(S serverState, int serverAck) {
        ack = serverAck;
        while (!pending.isEmpty() && pending.peekFirst().seq <= serverAck) {
            pending.removeFirst();
        }
        S next = serverState;
        for (Pending<I> input : pending) {
            next = step.apply(next, input.input);
        }
        if (state != null && diverged.test(next, state)) {
            corrections++;
        }
        state = next;
        return next;
    }

    /** Starts over from the server's state with nothing in flight (a spawn, a death); numbering goes on. */
    public void reset(S serverState) {
        pending.clear();
        state = serverState;
    }

    /**
     * A new seat or a reconnect: the server counts this client's inputs from 1 again. Forgets the
     * prediction, the inputs in flight and the numbering.
     */
    public void restart() {
        pending.clear();
        state = null;
        lastSeq = 0;
        ack = 0;
    }

    /** The predicted present, or {@code null} before the first {@link #reconcile} or {@link #reset}. */
    public S state() {
        return state;
    }

    /** The seq of the last input numbered (0: none yet). */
    public int lastSeq() {
        return lastSeq;
    }

    /** The ack passed to the last {@link #reconcile}. */
    public int ack() {
        return ack;
    }

    /** Inputs applied and not yet acknowledged. */
    public int pending() {
        return pending.size();
    }

    /** Reconciliations whose result disagreed with the prediction. */
    public long corrections() {
        return corrections;
    }

    /** Unacked inputs forgotten because more than {@code maxPending} were in flight. */
    public long dropped() {
        return dropped;
    }

    private record Pending<I>(int seq, I input) {
    }
}
