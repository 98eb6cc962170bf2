package io.ringside.engine.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.protocol.envelope.EnvelopeCodec;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.GameMessage;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.Pong;
import io.ringside.protocol.envelope.RoomList;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.StatePatch;
import io.ringside.protocol.websocket.CloseCode;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One connection of a {@link GameClient}: decodes each binary message as a ServerEnvelope, updates
 * the client's state, and delivers events and typed game messages to the listener and handlers,
 * directly (callback delivery) or through the poll queue. Also the client's {@link GameTransport}
 * for that connection.
 *
 * <p>Listener methods run on the I/O thread. A handler or listener exception thrown in callback
 * delivery reaches {@link #onError} through {@link ClientListener}'s contract and is reported as a
 * failure. A malformed envelope fails the connection with 1007, a text message with 1003, a full
 * poll queue with 1008 (RFC 6455 §7.4.1).
 */
final class GameInbound implements ClientListener, GameTransport {
    private final GameClient client;
    private final GameListener listener;
    private final GameInbox inbox;
    private final int maxPendingEvents;
    private volatile ClientConnection connection;
    private boolean failed;

    /** {@code inbox} is {@code null} for callback delivery. */
    GameInbound(GameClient client, GameListener listener, GameInbox inbox, int maxPendingEvents) {
        this.client = client;
        this.listener = listener;
        this.inbox = inbox;
        this.maxPendingEvents = maxPendingEvents;
    }

    @Override
    public boolean sendBinary(ByteBuffer envelope) {
        ClientConnection open = connection;
        return open != null && open.sendBinary(envelope);
    }

    @Override
    public void close(int code, String reason) {
        ClientConnection open = connection;
        if (open != null) {
            open.close(code, reason);
        }
    }

    @Override
    public void onOpen(ClientConnection opened) {
        connection = opened;
        client.attach(this, opened);
    }

    @Override
    public void onBinary(ClientConnection from, ByteBuffer buffer, int offset, int length) {
        receive(buffer, offset, length);
    }

    @Override
    public void onText(ClientConnection from, ByteBuffer buffer, int offset, int length) {
        failConnection(CloseCode.UNSUPPORTED_DATA, "text message; Ringside envelopes are binary");
    }

    @Override
    public void onClose(ClientConnection closed, int code, String reason, boolean remote) {
        client.detach(this, code, reason);
        GameDelivery event = (c, l) -> l.onDisconnected(c, code, reason, remote);
        if (inbox == null) {
            event.deliver(client, listener);
        } else {
            inbox.offerAlways(event);
        }
    }

    @Override
    public void onError(ClientConnection failed, Throwable error) {
        deliver((c, l) -> l.onFailure(c, error));
    }

    /** Decodes and dispatches one server envelope from {@code buffer[offset, offset + length)}. */
    void receive(ByteBuffer buffer, int offset, int length) {
        ServerEnvelope envelope;
        try {
            envelope = EnvelopeCodec.parseServerEnvelope(buffer, offset, length);
        } catch (InvalidProtocolBufferException e) {
            failConnection(CloseCode.INVALID_PAYLOAD, "malformed server envelope: " + e.getMessage());
            return;
        }
        switch (envelope.getBodyCase()) {
            case GAME -> game(envelope.getGame());
            case JOINED -> {
                GameRoom room = client.joined(envelope.getJoined());
                deliverThenSettle((c, l) -> l.onJoined(c, room), () -> client.pending().joined(room));
            }
            case LEFT -> {
                // read the fields now: a queued event must not look at the read buffer later
                LeaveReason reason = envelope.getLeft().getReason();
                String message = envelope.getLeft().getMessage();
                client.left();
                deliverThenSettle((c, l) -> l.onLeft(c, reason, message), () -> client.pending().left(reason));
            }
            case STATE -> state(envelope.getState());
            case PONG -> pong(envelope.getPong());
            case ROOM_LIST -> roomList(envelope.getRoomList());
            case ERROR -> {
                ErrorCode code = envelope.getError().getCode();
                String message = envelope.getError().getMessage();
                deliverThenSettle((c, l) -> l.onError(c, code, message), () -> client.pending().error(code, message));
            }
            default -> {
                // a newer server's body this client does not know: report it and carry on
                IllegalArgumentException unknown = new IllegalArgumentException(
                        "server envelope without a known body (" + length + " bytes)");
                deliver((c, l) -> l.onFailure(c, unknown));
            }
        }
    }

    private void state(StatePatch aliased) {
        StatePatch patch;
        try {
            // the records alias the read buffer: a queued event must not look at it later
            patch = StatePatch.parseFrom(aliased.toByteString());
        } catch (InvalidProtocolBufferException e) {
            failConnection(CloseCode.INVALID_PAYLOAD, "malformed state patch: " + e.getMessage());
            return;
        }
        deliver((c, l) -> c.state().apply(patch));
    }

    private void game(GameMessage message) {
        int type = message.getType();
        GameHandlers.Registration<?> registration = client.handlers().get(type);
        if (registration == null) {
            ByteString copy = ByteString.copyFrom(message.getPayload().asReadOnlyByteBuffer());
            deliver((c, l) -> l.onUnknownMessage(c, type, copy));
            return;
        }
        dispatch(registration, type, message.getPayload());
    }

    private <M> void dispatch(GameHandlers.Registration<M> registration, int type, ByteString payload) {
        M message;
        try {
            message = registration.parse(payload);
        } catch (InvalidProtocolBufferException e) {
            InvalidProtocolBufferException failure = new InvalidProtocolBufferException(
                    "game message type=" + type + " does not parse: " + e.getMessage());
            deliver((c, l) -> l.onFailure(c, failure));
            return;
        }
        if (inbox == null) {
            registration.handle(client, message);
        } else {
            offer((c, l) -> registration.handle(c, message));
        }
    }

    private void roomList(RoomList list) {
        List<GameRoomInfo> rooms = list.getRoomsList().stream().map(GameRoomInfo::from).toList();
        String roomType = list.getRoomType();
        deliverThenSettle((c, l) -> l.onRoomList(c, roomType, rooms), () -> client.pending().listed(rooms));
    }

    private void pong(Pong pong) {
        long rttNs = client.pong(pong.getClientTime(), pong.getTick());
        if (rttNs < 0) {
            IllegalArgumentException bad = new IllegalArgumentException(
                    "pong echoes client_time=" + pong.getClientTime() + ", later than now");
            deliver((c, l) -> l.onFailure(c, bad));
            return;
        }
        long serverTick = pong.getTick();
        deliver((c, l) -> l.onPong(c, rttNs, serverTick));
    }

    /**
     * Delivers {@code event}, then completes the request it answers, even if the listener threw: with
     * callback delivery the listener has seen the event when the future's dependents run.
     */
    private void deliverThenSettle(GameDelivery event, Runnable settle) {
        try {
            deliver(event);
        } finally {
            settle.run();
        }
    }

    private void deliver(GameDelivery event) {
        if (inbox == null) {
            event.deliver(client, listener);
        } else {
            offer(event);
        }
    }

    private void offer(GameDelivery event) {
        if (!inbox.offer(event)) {
            failConnection(CloseCode.POLICY_VIOLATION, "poll queue full (maxPendingEvents=" + maxPendingEvents + ")");
        }
    }

    /** Closes with {@code code} and reports why, once per connection: later calls do nothing. */
    private void failConnection(int code, String reason) {
        if (failed) {
            return;
        }
        failed = true;
        client.transport().close(code, reason);
        IllegalStateException failure = new IllegalStateException(reason + " (closing with " + code + ")");
        if (inbox == null) {
            listener.onFailure(client, failure);
        } else {
            inbox.offerAlways((c, l) -> l.onFailure(c, failure));
        }
    }
}
