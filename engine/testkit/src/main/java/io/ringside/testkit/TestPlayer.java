package io.ringside.testkit;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.ringside.engine.internal.inbound.Session;
import io.ringside.engine.room.Player;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.Error;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.Input;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.Joined;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.LeaveRequest;
import io.ringside.protocol.envelope.Left;
import io.ringside.protocol.envelope.ListRoomsRequest;
import io.ringside.protocol.envelope.RoomList;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.StatePatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One client of a {@link RoomTestKit}: a connection to the game endpoint (no socket) that sends what
 * a client SDK sends and records every envelope the server sends it, typed. What it sends reaches
 * the rooms at the next {@link RoomTestKit#tick()}, as on a server; its joins are answered then.
 *
 * <pre>{@code
 * TestPlayer alice = kit.connect();
 * alice.join(room, JoinOptions.of("name", "alice"));
 * alice.send(CHAT, Chat.newBuilder().setText("hi").build());
 * alice.sendInput(1, Move.newBuilder().setX(1).build());   // the room's declared input type
 * kit.tick();
 * assertThat(alice.inputAck()).isEqualTo(1);                // the room took it this tick
 * }</pre>
 *
 * <p>A dropped player ({@link #drop()}) comes back with {@link #reconnect()}: a new connection
 * presenting the last reconnect token; what it receives keeps adding to the same record. Test thread
 * only.
 */
public final class TestPlayer {
    private final RoomTestKit kit;
    private final String target;
    private final Map<String, String> headers;
    private final List<ServerEnvelope> received = new ArrayList<>();
    private KitConnection connection;

    TestPlayer(RoomTestKit kit, String target, Map<String, String> headers) {
        this.kit = kit;
        this.target = target;
        this.headers = Map.copyOf(headers);
        this.connection = kit.open(target, this.headers, received);
    }

    // ---- joining and leaving

    /** Joins a public room of {@code type} with a free seat, or a new one (matchmaking). */
    public TestPlayer joinOrCreate(String type) {
        return joinOrCreate(type, JoinOptions.none());
    }

    /** Joins a public room of {@code type} with a free seat, or a new one, sending {@code options}. */
    public TestPlayer joinOrCreate(String type, JoinOptions options) {
        return join(request(options).setRoomType(type));
    }

    /** Creates a private room of {@code type} (joined by id only) and joins it. */
    public TestPlayer createPrivate(String type, JoinOptions options) {
        return join(request(options).setRoomType(type).setCreatePrivate(true));
    }

    /** Joins {@code room} by its id. */
    public TestPlayer join(TestRoom<?> room) {
        return joinById(room.id(), JoinOptions.none());
    }

    /** Joins {@code room} by its id, sending {@code options}. */
    public TestPlayer join(TestRoom<?> room, JoinOptions options) {
        return joinById(room.id(), options);
    }

    /** Joins the room with id {@code roomId}, sending {@code options}. */
    public TestPlayer joinById(String roomId, JoinOptions options) {
        return join(request(options).setRoomId(roomId));
    }

    private static JoinRequest.Builder request(JoinOptions options) {
        return JoinRequest.newBuilder().putAllOptions(options.options()).setAuthToken(options.authToken());
    }

    private TestPlayer join(JoinRequest.Builder request) {
        return sendEnvelope(ClientEnvelope.newBuilder().setJoin(request).build());
    }

    /** Leaves its room (the room sees {@code onLeave(player, LEFT)}). */
    public TestPlayer leave() {
        return sendEnvelope(ClientEnvelope.newBuilder().setLeave(LeaveRequest.getDefaultInstance()).build());
    }

    /** Asks for the public, unlocked rooms of {@code type}; answered at once (see {@link #lastRoomList()}). */
    public TestPlayer listRooms(String type) {
        return sendEnvelope(ClientEnvelope.newBuilder().setListRooms(ListRoomsRequest.newBuilder().setRoomType(type))
                .build());
    }

    /**
     * The connection drops (as a lost network would, close code 1006): with a reconnect grace the
     * room sees {@code onDisconnect} at the next tick and holds the seat; without, the player leaves
     * with DISCONNECTED.
     */
    public TestPlayer drop() {
        connection.close(CLOSE_ABNORMAL, "");
        kit.closed(connection);
        return this;
    }

    private static final int CLOSE_ABNORMAL = 1006;

    /**
     * Opens a new connection (same path and headers) and asks for its held seat back with the reconnect
     * token of its last {@code Joined}; the room sees {@code onReconnect} at the next tick. A connection
     * still open is taken over (the server closes it with 4000).
     */
    public TestPlayer reconnect() {
        Joined joined = joined();
        if (joined == null || joined.getReconnectToken().isEmpty()) {
            throw new IllegalStateException("no reconnect token: " + (joined == null
                    ? "the player never joined" : "room type " + joined.getRoomType() + " holds no seats"));
        }
        connection = kit.open(target, headers, received);
        return join(JoinRequest.newBuilder().setRoomId(joined.getRoomId())
                .setReconnectToken(joined.getReconnectToken()));
    }

    // ---- messages

    /** Sends game message {@code type} with {@code message} as its payload to its room. */
    public TestPlayer send(int type, MessageLite message) {
        return sendEnvelope(ClientEnvelope.newBuilder().setGame(GameMessage.newBuilder().setType(type)
                .setPayload(message.toByteString())).build());
    }

    /**
     * Sends {@code input}, numbered {@code seq}, as an {@code Input} envelope for the room's input
     * queue ({@code RoomInputs}); the room takes it at a following tick and acks {@code seq} in the
     * player's next state patch ({@link #inputAck()}).
     */
    public TestPlayer sendInput(int seq, MessageLite input) {
        return sendEnvelope(ClientEnvelope.newBuilder().setInput(Input.newBuilder().setSeq(seq)
                .setPayload(input.toByteString())).build());
    }

    /** Sends any client envelope as it is. */
    public TestPlayer sendEnvelope(ClientEnvelope envelope) {
        return sendBytes(envelope.toByteArray());
    }

    /** Sends raw bytes as one binary message, e.g. a malformed envelope. */
    public TestPlayer sendBytes(byte[] bytes) {
        kit.deliver(connection, bytes);
        return this;
    }

    // ---- what it received

    /** Every envelope received so far, oldest first, across reconnects. */
    public List<ServerEnvelope> received() {
        return List.copyOf(received);
    }

    /** Forgets what was received so far (e.g. after setting a scene up). */
    public TestPlayer clearReceived() {
        received.clear();
        return this;
    }

    /** The payloads of the game messages of {@code type} received so far, parsed, oldest first. */
    public <M> List<M> messages(int type, Parser<M> parser) {
        List<M> messages = new ArrayList<>();
        for (ServerEnvelope envelope : received) {
            if (envelope.hasGame() && envelope.getGame().getType() == type) {
                try {
                    messages.add(parser.parseFrom(envelope.getGame().getPayload()));
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError("game message of type " + type + " does not parse", e);
                }
            }
        }
        return messages;
    }

    /** The last game message of {@code type}, parsed; {@link AssertionError} naming what came when there is none. */
    public <M> M lastMessage(int type, Parser<M> parser) {
        List<M> messages = messages(type, parser);
        if (messages.isEmpty()) {
            throw new AssertionError("no game message of type " + type + " received; got " + summary());
        }
        return messages.get(messages.size() - 1);
    }

    /** Every replicated-state patch received so far, oldest first. */
    public List<StatePatch> statePatches() {
        List<StatePatch> patches = new ArrayList<>();
        for (ServerEnvelope envelope : received) {
            if (envelope.hasState()) {
                patches.add(envelope.getState());
            }
        }
        return patches;
    }

    /**
     * The seq of the last input the room took, as acknowledged in the last state patch received
     * ({@code StatePatch.input_ack}); 0 before the first ack, and again after a reconnect until the
     * room takes an input of the new connection.
     */
    public int inputAck() {
        ServerEnvelope last = last(ServerEnvelope.BodyCase.STATE);
        return last == null ? 0 : last.getState().getInputAck();
    }

    /** The last {@code Joined} (seated, or seated again after a reconnect), or {@code null}. */
    public Joined joined() {
        ServerEnvelope last = last(ServerEnvelope.BodyCase.JOINED);
        return last == null ? null : last.getJoined();
    }

    /** The last {@code Left} (it left, was kicked, dropped out or the room closed), or {@code null}. */
    public Left left() {
        ServerEnvelope last = last(ServerEnvelope.BodyCase.LEFT);
        return last == null ? null : last.getLeft();
    }

    /** The reason of the last {@code Left}, or {@code null} if it never left a room. */
    public LeaveReason leaveReason() {
        Left left = left();
        return left == null ? null : left.getReason();
    }

    /** Every {@code Error} received (a rejected join, a malformed message, ...), oldest first. */
    public List<Error> errors() {
        List<Error> errors = new ArrayList<>();
        for (ServerEnvelope envelope : received) {
            if (envelope.hasError()) {
                errors.add(envelope.getError());
            }
        }
        return errors;
    }

    /** The code of the last {@code Error}, or {@code null} if none came. */
    public ErrorCode lastErrorCode() {
        ServerEnvelope last = last(ServerEnvelope.BodyCase.ERROR);
        return last == null ? null : last.getError().getCode();
    }

    /** The last room listing (see {@link #listRooms}), or {@code null}. */
    public RoomList lastRoomList() {
        ServerEnvelope last = last(ServerEnvelope.BodyCase.ROOM_LIST);
        return last == null ? null : last.getRoomList();
    }

    /**
     * Whether the player sits in a room: its last join, reconnect or leave outcome was a
     * {@code Joined} and its room has not failed since.
     */
    public boolean isInRoom() {
        for (int i = received.size() - 1; i >= 0; i--) {
            ServerEnvelope envelope = received.get(i);
            switch (envelope.getBodyCase()) {
                case JOINED:
                    return true;
                case LEFT:
                    return false;
                case ERROR:
                    if (envelope.getError().getCode() == ErrorCode.ERROR_CODE_INTERNAL
                            || envelope.getError().getCode() == ErrorCode.ERROR_CODE_RECONNECT_REJECTED
                            || envelope.getError().getCode() == ErrorCode.ERROR_CODE_JOIN_REJECTED) {
                        return false;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** The session id the server gave it (from its last {@code Joined}), or {@code null} before that. */
    public String sessionId() {
        Joined joined = joined();
        return joined == null ? null : joined.getSessionId();
    }

    /** The engine's {@link Player} of its current seat, as the room sees it, or {@code null} outside a room. */
    public Player player() {
        Session session = (Session) connection.attachment();
        return session == null ? null : (Player) session.current();
    }

    /** The room it sits in (see {@link RoomTestKit#roomOf}), or {@code null}. */
    public TestRoom<?> room() {
        return kit.roomOf(this);
    }

    /** Whether its current connection is open (not dropped, not closed by the server). */
    public boolean isOpen() {
        return connection.isOpen();
    }

    /** The close code its current connection was closed with (by the server or a drop), or 0 while open. */
    public int closeCode() {
        return connection.closeCode();
    }

    /** The reason given with {@link #closeCode()}; empty when none. */
    public String closeReason() {
        return connection.closeReason();
    }

    /** Whether the server paused reading from its connection (inbound backpressure). */
    public boolean isReadingPaused() {
        return connection.paused();
    }

    private ServerEnvelope last(ServerEnvelope.BodyCase body) {
        for (int i = received.size() - 1; i >= 0; i--) {
            if (received.get(i).getBodyCase() == body) {
                return received.get(i);
            }
        }
        return null;
    }

    private String summary() {
        StringBuilder text = new StringBuilder("[");
        for (ServerEnvelope envelope : received) {
            text.append(text.length() > 1 ? ", " : "").append(envelope.getBodyCase());
            if (envelope.hasGame()) {
                text.append(' ').append(envelope.getGame().getType());
            } else if (envelope.hasError()) {
                text.append(' ').append(envelope.getError().getCode()).append(" \"")
                        .append(envelope.getError().getMessage()).append('"');
            }
        }
        return text.append(']').toString();
    }

    @Override
    public String toString() {
        return "TestPlayer[" + (sessionId() == null ? "not seated" : sessionId()) + ", received " + summary() + "]";
    }
}
