package io.ringside.examples.lobby;

import io.ringside.engine.room.JoinDecision;
import io.ringside.engine.room.JoinRequest;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.examples.lobby.wire.ChatLine;
import io.ringside.examples.lobby.wire.ChatSend;
import io.ringside.examples.lobby.wire.Move;
import io.ringside.examples.lobby.wire.Phase;
import io.ringside.examples.lobby.wire.Rematch;
import io.ringside.protocol.envelope.LeaveReason;
import java.util.Map;

/**
 * A tic-tac-toe table as a Ringside room, showing the lobby side of the API: a label for room
 * listings (the table's name and what is going on), a lock once the match starts (so quick join and
 * listings only find tables still waiting for a player, even after a forfeit frees a seat), join
 * attempts rejected with a reason (match started or over, for a join already on its way when the
 * table locked; name taken), chat, leave reasons told in words, a seat held for a player whose
 * connection drops mid-match (the reconnect grace, {@link #DEFAULT_RECONNECT_GRACE_MS} ms unless
 * set otherwise), rematches, and a clean end: once the match is decided the room says so and closes
 * itself a little later (default {@value #DEFAULT_CLOSE_AFTER_FINISH_MS} ms) unless both players ask
 * for a rematch, which starts a new match at the same table with the marks swapped. A table is never
 * unlocked: new players find a new table. The board, the seats, whose turn it is and
 * the result are replicated state ({@link #state()}: the {@code Game}, {@code Seat} and {@code Cell}
 * entities of lobby.proto, kept by {@link MatchPublisher}); the framework sends each player what changed.
 *
 * <p>Join options: {@code name} (the player's, required) and, for the player who creates the room,
 * {@code table} (its name in listings). Every callback runs on the room's tick thread.
 */
public final class TicTacToeRoom extends Room {
    /** Default time a decided match stays open (for the last words and a rematch) before the room closes. */
    public static final int DEFAULT_CLOSE_AFTER_FINISH_MS = 15_000;
    /** Default time a player whose connection dropped mid-match has to come back to their seat. */
    public static final int DEFAULT_RECONNECT_GRACE_MS = 15_000;
    /** The longest chat line kept; longer ones are cut. */
    public static final int MAX_CHAT_LENGTH = 200;
    private static final int MAX_TABLE_LENGTH = 24;

    private final Match match = new Match();
    private final int closeAfterFinishMs;
    private final int reconnectGraceMs;
    private MatchPublisher publisher;
    private String table;
    private boolean closing;

    /** A table with the default delays. */
    public TicTacToeRoom() {
        this(DEFAULT_CLOSE_AFTER_FINISH_MS, DEFAULT_RECONNECT_GRACE_MS);
    }

    /**
     * A table that closes {@code closeAfterFinishMs} milliseconds after its match is decided (unless a
     * rematch starts), registered with {@code RoomOptions.reconnectGraceMs(reconnectGraceMs)}: the room
     * tells the players how long it waits for one who dropped.
     */
    public TicTacToeRoom(int closeAfterFinishMs, int reconnectGraceMs) {
        if (closeAfterFinishMs < 0) {
            throw new IllegalArgumentException("closeAfterFinishMs=" + closeAfterFinishMs + " (minimum 0)");
        }
        if (reconnectGraceMs < 0) {
            throw new IllegalArgumentException("reconnectGraceMs=" + reconnectGraceMs + " (minimum 0)");
        }
        this.closeAfterFinishMs = closeAfterFinishMs;
        this.reconnectGraceMs = reconnectGraceMs;
    }

    @Override
    protected void onCreate(Map<String, String> options) {
        messages().on(LobbyMessages.MOVE, Move.parser(), this::onMove)
                .on(LobbyMessages.CHAT_SEND, ChatSend.parser(), this::onChat)
                .on(LobbyMessages.REMATCH, Rematch.parser(), this::onRematch);
        String name = options.getOrDefault("table", "").strip();
        table = name.isEmpty() ? "table " + roomId() : cut(name, MAX_TABLE_LENGTH);
        publisher = new MatchPublisher(state());
        publisher.publish(match);
        updateLabel();
    }

    @Override
    protected JoinDecision onJoinAttempt(JoinRequest request) {
        String refusal = match.refusal(nameOf(request));
        return refusal == null ? JoinDecision.accept() : JoinDecision.reject(refusal);
    }

    @Override
    protected void onJoin(Player player) {
        Match.Seat seat = match.sit(player.sessionId(), nameOf(player.joinRequest()));
        player.attach(seat);
        say(seat.name() + " sits down as " + seat.mark());
        if (match.phase() == Phase.PHASE_PLAYING) {
            lock();
            say("X moves first");
        }
        changed();
    }

    private void onMove(Player player, Move move) {
        String refusal = match.play(player.sessionId(), move.getCell());
        if (refusal != null) {
            tell(player, refusal);
            return;
        }
        changed();
    }

    private void onRematch(Player player, Rematch rematch) {
        int round = match.round();
        String refusal = match.rematch(player.sessionId());
        if (refusal != null) {
            tell(player, refusal);
            return;
        }
        if (match.round() == round) {
            say(match.seat(player.sessionId()).name() + " wants a rematch");
        } else {
            closing = false;
            Match.Seat first = match.seats().get(0);
            say("Rematch! " + first.name() + " plays X and moves first");
        }
        changed();
    }

    private void onChat(Player player, ChatSend chat) {
        String text = chat.getText().strip();
        if (!text.isEmpty()) {
            Match.Seat seat = (Match.Seat) player.attachment();
            broadcast(LobbyMessages.CHAT_LINE, ChatLine.newBuilder()
                    .setFromName(seat.name()).setText(cut(text, MAX_CHAT_LENGTH)).build());
        }
    }

    @Override
    protected void onDisconnect(Player player) {
        if (match.phase() != Phase.PHASE_PLAYING) {
            endReconnectGrace(player); // nothing to come back to: a waiting table or a decided match frees the seat
            return;
        }
        match.away(player.sessionId(), true);
        say(nameOf(player) + " lost the connection; the table waits " + seconds(reconnectGraceMs)
                + " s for them to come back");
        changed();
    }

    @Override
    protected void onReconnect(Player player) {
        match.away(player.sessionId(), false);
        say(nameOf(player) + " is back");
        changed();
    }

    @Override
    protected void onLeave(Player player, LeaveReason reason) {
        if (reason == LeaveReason.LEAVE_REASON_ROOM_CLOSED) {
            return; // the room is closing: nobody is left to tell
        }
        Match.Seat seat = match.seat(player.sessionId());
        String how = switch (reason) {
            case LEAVE_REASON_LEFT -> "left the table";
            case LEAVE_REASON_KICKED -> "was removed from the table";
            case LEAVE_REASON_DISCONNECTED -> seat != null && seat.away()
                    ? "did not come back within " + seconds(reconnectGraceMs) + " s"
                    : "lost the connection";
            default -> "is gone";
        };
        say(nameOf(player) + " " + how);
        match.leave(player.sessionId(), how);
        changed();
    }

    /**
     * Publishes the new state (sent at the next state send); a decided match closes the room a little
     * later unless a rematch has started by then.
     */
    private void changed() {
        publisher.publish(match);
        updateLabel();
        if (match.phase() == Phase.PHASE_FINISHED && !closing) {
            closing = true;
            int round = match.round();
            boolean bothHere = match.seats().size() == 2 && match.seats().stream().noneMatch(Match.Seat::gone);
            say(match.result() + ". This table closes in " + seconds(closeAfterFinishMs) + " s"
                    + (bothHere ? " unless you both ask for a rematch." : "."));
            schedule(Math.max(1, (long) closeAfterFinishMs * tickRateHz() / 1000), () -> {
                if (match.round() == round) {
                    close();
                }
            });
        }
    }

    private void say(String text) {
        broadcast(LobbyMessages.CHAT_LINE, ChatLine.newBuilder().setSystem(true).setText(text).build());
    }

    private void tell(Player player, String text) {
        send(player, LobbyMessages.CHAT_LINE, ChatLine.newBuilder().setSystem(true).setText(text).build());
    }

    private static String nameOf(Player player) {
        return ((Match.Seat) player.attachment()).name();
    }

    private static int seconds(int ms) {
        return (ms + 999) / 1000;
    }

    private void updateLabel() {
        String what = switch (match.phase()) {
            case PHASE_WAITING -> match.seats().isEmpty() ? "empty" : match.seats().get(0).name() + " waits";
            case PHASE_PLAYING -> match.round() > 1 ? "playing match " + match.round() : "playing";
            default -> "finished";
        };
        setLabel(table + " · " + what);
    }

    private static String nameOf(JoinRequest request) {
        return request.options().getOrDefault("name", "").strip();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
