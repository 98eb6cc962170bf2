package io.ringside.engine.room;

import com.google.protobuf.InvalidProtocolBufferException;
import io.ringside.engine.internal.inbound.EnvelopeFields;
import io.ringside.engine.internal.inbound.InboundKind;
import io.ringside.engine.internal.inbound.InboundRing;
import io.ringside.engine.internal.inbound.Session;
import io.ringside.engine.transport.Connection;
import io.ringside.engine.internal.MaskedWebSocketHandler;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.EnvelopeCodec;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.Pong;
import io.ringside.protocol.envelope.SeatReservation;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.http.UpgradeRequest;
import io.ringside.protocol.websocket.CloseCode;
import io.ringside.protocol.websocket.Masking;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The game endpoint's transport callbacks, on the I/O threads. Routes each binary envelope by its
 * top-level field without parsing it: game messages, inputs and pings are copied raw into the ring of the
 * shard their room lives on; joins, leaves and room listings are rare and handled here (matchmaking
 * through the {@link RoomDirectory}, where a join with a reconnect token claims its held seat);
 * anything else is answered as malformed. Text frames close 1003.
 *
 * <p>In cluster mode ({@link RoomRegistry} set) a join this server cannot seat in a room of its own
 * (no local room of the type with a free seat, or a room id held elsewhere) is placed by the
 * registry: here (at once, on this I/O thread), or on another node, answered with a SeatReservation
 * (possibly later, from the registry's thread; the session is in no room meanwhile and refuses a
 * second join). A join carrying a seat token is seated here and its token redeemed before the room
 * sees it; a reconnect for a room held elsewhere is answered with that node's address.
 *
 * <p>It takes binary messages still masked where the transport can ({@link MaskedWebSocketHandler}):
 * the field is read through the key, and a game message or in-room ping is unmasked while it is
 * copied into the ring slot, the one pass over its bytes; the rare kinds are unmasked in place and
 * handled like an unmasked message.
 */
final class GameEndpoint implements MaskedWebSocketHandler {
    private static final int SESSION_NONCE_BYTES = 6;
    /**
     * What a seat keeps of its join request beyond the request itself, in bytes (an estimate): the
     * {@code Player} and {@code JoinRequest} objects; the request's strings and map take about twice
     * its encoded size.
     */
    static final int SEAT_OVERHEAD_BYTES = 512;
    /** Membership of a session whose join the registry is placing (not a {@link Player}). */
    private static final class Routing {
    }

    private final RoomDirectory directory;
    private final GameConfig config;
    private final SecureRandom random = new SecureRandom();

    GameEndpoint(RoomDirectory directory, GameConfig config) {
        this.directory = directory;
        this.config = config;
    }

    @Override
    public void onOpen(Connection connection, UpgradeRequest request) {
        Handshake handshake = Handshake.capture(request, connection.remoteAddress(), config.handshakeHeaders());
        // kept as long as the connection (and by its seats): charged to the memory budget until it closes
        connection.chargeHeld(handshake.retainedBytes());
        connection.attach(new Session(connection, sessionId(connection.id()), handshake));
    }

    private String sessionId(long connectionId) {
        byte[] nonce = new byte[SESSION_NONCE_BYTES];
        random.nextBytes(nonce);
        return Long.toString(connectionId, 36) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    @Override
    public void onText(Connection connection, ByteBuffer buffer, int offset, int length) {
        connection.close(CloseCode.UNSUPPORTED_DATA, "binary envelopes only");
    }

    @Override
    public void onBinary(Connection connection, ByteBuffer buffer, int offset, int length) {
        Session session = (Session) connection.attachment();
        switch (EnvelopeFields.topLevelField(buffer, offset, length)) {
            case EnvelopeFields.GAME -> toRoom(session, InboundKind.GAME, buffer, offset, length, 0);
            case EnvelopeFields.PING -> ping(session, buffer, offset, length);
            case EnvelopeFields.JOIN -> join(session, buffer, offset, length);
            case EnvelopeFields.LEAVE -> leave(session);
            case EnvelopeFields.LIST_ROOMS -> list(session, buffer, offset, length);
            case EnvelopeFields.INPUT -> toRoom(session, InboundKind.INPUT, buffer, offset, length, 0);
            default -> malformed(session, "not a client envelope");
        }
    }

    @Override
    public void onMaskedBinary(Connection connection, ByteBuffer buffer, int offset, int length, int maskKey) {
        Session session = (Session) connection.attachment();
        int field = EnvelopeFields.topLevelField(buffer, offset, length, maskKey);
        if (field == EnvelopeFields.GAME) {
            toRoom(session, InboundKind.GAME, buffer, offset, length, maskKey);
        } else if (field == EnvelopeFields.INPUT) {
            toRoom(session, InboundKind.INPUT, buffer, offset, length, maskKey);
        } else if (field == EnvelopeFields.PING && session.current() instanceof Player) {
            toRoom(session, InboundKind.PING, buffer, offset, length, maskKey);
        } else {
            Masking.unmask(buffer, offset, length, maskKey, 0);
            onBinary(connection, buffer, offset, length);
        }
    }

    @Override
    public void onClose(Connection connection, int code, String reason) {
        Session session = (Session) connection.attachment();
        if (session != null) {
            connection.chargeHeld(-((Handshake) session.handshake()).retainedBytes());
            if (session.exit() instanceof Player player) {
                ringOf(player).publish(session, InboundKind.DISCONNECT, player, InboundRing.NO_BYTES, 0, 0);
            }
        }
    }

    /** Publishes to the player's room; {@code maskKey} is 0 or the key the bytes are still masked with. */
    private void toRoom(Session session, int kind, ByteBuffer buffer, int offset, int length, int maskKey) {
        if (!(session.current() instanceof Player player)) {
            error(session, ErrorCode.ERROR_CODE_NOT_IN_ROOM, "join a room first");
            return;
        }
        ringOf(player).publish(session, kind, player, buffer, offset, length, maskKey);
    }

    private void ping(Session session, ByteBuffer buffer, int offset, int length) {
        if (session.current() instanceof Player) {
            toRoom(session, InboundKind.PING, buffer, offset, length, 0);
            return;
        }
        ClientEnvelope envelope = parse(session, buffer, offset, length);
        if (envelope != null) {
            session.connection().sendFrame(ServerFrames.envelope(ServerEnvelope.newBuilder().setPong(
                    Pong.newBuilder().setClientTime(envelope.getPing().getClientTime())
                            .setServerTimeMs(System.currentTimeMillis())).build()));
        }
    }

    private void join(Session session, ByteBuffer buffer, int offset, int length) {
        ClientEnvelope envelope = parse(session, buffer, offset, length);
        if (envelope == null) {
            return;
        }
        if (session.current() != null) {
            error(session, ErrorCode.ERROR_CODE_ALREADY_IN_ROOM, "leave the current room first");
            return;
        }
        io.ringside.protocol.envelope.JoinRequest wire = envelope.getJoin();
        if (wire.getSerializedSize() > config.maxJoinRequestBytes()) {
            // its options and auth token would be kept as long as the seat: bounded per seat
            malformed(session, "join request over " + config.maxJoinRequestBytes() + " bytes");
            return;
        }
        if (!wire.getReconnectToken().isEmpty()) {
            reconnect(session, wire);
            return;
        }
        RoomRegistry registry = directory.registry();
        if (!wire.getSeatToken().isEmpty()) {
            redeem(session, wire, registry);
            return;
        }
        RoomDirectory.Reservation reservation;
        switch (wire.getTargetCase()) {
            case ROOM_ID -> {
                if (registry != null && !directory.hasRoom(wire.getRoomId())) {
                    route(session, wire, null, wire.getRoomId(),
                            answer -> registry.place(null, wire.getRoomId(), answer));
                    return;
                }
                reservation = directory.joinById(wire.getRoomId());
            }
            case ROOM_TYPE -> {
                if (wire.getCreatePrivate()) {
                    reservation = directory.create(wire.getRoomType(), true, wire.getOptionsMap(), session);
                } else if (registry == null) {
                    reservation = directory.joinOrCreate(wire.getRoomType(), wire.getOptionsMap(), session);
                } else {
                    // a draining node seats nobody new: the registry places the join on another node
                    reservation = directory.isDraining() ? null : directory.joinExisting(wire.getRoomType());
                    if (reservation == null) {
                        route(session, wire, wire.getRoomType(), null,
                                answer -> registry.place(wire.getRoomType(), null, answer));
                        return;
                    }
                }
            }
            default -> reservation = null;
        }
        seat(session, wire, reservation, null);
    }

    /** Seats {@code session} in the reserved room, or answers why not; I/O thread. */
    private void seat(Session session, io.ringside.protocol.envelope.JoinRequest wire,
                      RoomDirectory.Reservation reservation, String seatToken) {
        if (reservation == null) {
            malformed(session, "join needs a room type or a room id");
            return;
        }
        if (reservation.room() == null) {
            directory.counters.joinRefused(reservation.type(), reservation.error());
            error(session, reservation.error(), reservation.message());
            return;
        }
        JoinRequest request = new JoinRequest(session.id(), wire.getOptionsMap(), wire.getAuthToken(),
                (Handshake) session.handshake(), session.connection().identity());
        Player player = new Player(session, reservation.room(), request);
        player.charge(session.connection(), seatBytes(wire, request.handshake()));
        if (seatToken != null) {
            player.seatToken = seatToken;
            player.seatRoomId = wire.getTargetCase() == io.ringside.protocol.envelope.JoinRequest.TargetCase.ROOM_ID
                    ? wire.getRoomId() : "";
        }
        // only this I/O thread sets the membership, and it was empty just above
        session.enter(player);
        ringOf(player).publish(session, InboundKind.JOIN, player, InboundRing.NO_BYTES, 0, 0);
    }

    /**
     * A join this server has no seat for (of type {@code roomType} or room {@code roomId}): the
     * registry places it through {@code placer}. A new room here is made at once on this thread; a
     * seat elsewhere or a refusal may come later, on the registry's thread.
     */
    private void route(Session session, io.ringside.protocol.envelope.JoinRequest wire, String roomType,
                       String roomId, Consumer<Consumer<Placement>> placer) {
        Routing routing = new Routing();
        // only this I/O thread sets the membership, and it was empty above
        session.enter(routing);
        boolean[] inline = {true};
        placer.accept(placement -> {
            if (placement.isLocal() && !inline[0] && roomId == null) {
                seatLater(session, routing, wire, roomType);
                return;
            }
            if (!session.exit(routing)) {
                return; // the connection closed meanwhile; a seat reserved elsewhere expires unused
            }
            RoomType type = directory.type(roomType);
            if (placement.reservation() != null) {
                directory.counters.joinRedirected(type);
                session.connection().sendFrame(ServerFrames.envelope(ServerEnvelope.newBuilder()
                        .setSeatReservation(placement.reservation()).build()));
            } else if (placement.error() != null) {
                directory.counters.joinRefused(type, placement.error());
                error(session, placement.error(), placement.message());
            } else if (inline[0]) {
                seat(session, wire, roomId != null ? directory.joinById(roomId)
                        : directory.joinOrCreate(roomType, wire.getOptionsMap(), session), null);
            } else {
                directory.counters.joinRefused(type, ErrorCode.ERROR_CODE_NODE_UNAVAILABLE);
                error(session, ErrorCode.ERROR_CODE_NODE_UNAVAILABLE, "registry placed a join by id late and locally");
            }
        });
        inline[0] = false;
    }

    /**
     * A join-or-create the registry placed on this server later, on its own thread: seated here as it
     * would have been at once (a room of the type with a free seat, or a new one), without a second
     * connection. Only the I/O thread publishes to the ring, so the room's tick thread seats it: there
     * it takes the membership over from {@code routing}, then the room sees the join, before anything
     * the connection sends next. A connection closed meanwhile joins and drops at once, as it would
     * had its join reached the room before its disconnect.
     */
    private void seatLater(Session session, Routing routing, io.ringside.protocol.envelope.JoinRequest wire,
                           String roomType) {
        RoomDirectory.Reservation reservation = directory.joinOrCreate(roomType, wire.getOptionsMap(), session);
        if (reservation.room() == null) {
            if (session.exit(routing)) {
                directory.counters.joinRefused(reservation.type(), reservation.error());
                error(session, reservation.error(), reservation.message());
            }
            return;
        }
        JoinRequest request = new JoinRequest(session.id(), wire.getOptionsMap(), wire.getAuthToken(),
                (Handshake) session.handshake(), session.connection().identity());
        RoomCore room = reservation.room();
        Player player = new Player(session, room, request);
        player.charge(session.connection(), seatBytes(wire, request.handshake()));
        room.shard.seatLater(() -> {
            boolean open = session.exit(routing) && session.enter(player);
            room.join(player);
            if (!open) {
                room.held.disconnect(player);
            }
        });
    }

    /**
     * A join with a seat token from another node's SeatReservation: seated here, its token redeemed
     * first. A token for a room takes its seat there, checked against the room's own seats only (the
     * reservation counted it in Redis). A token for a new room (no room id) always makes a new room:
     * the free seats of this node's rooms may be held for players reserved through other nodes, which
     * this node learns of only at its next heartbeat, so seating it in one could leave a reserved
     * player ROOM_FULL.
     *
     * <p>A token a join-or-create was given for a room that has no seat left for it here (this node
     * seated players directly since the registry counted the room's seats, or locked it) does not
     * fail the join: it is seated as a join-or-create of the room's type would be, in another room
     * here with a free seat (the token still redeemed first), or wherever the registry places it
     * ({@link RoomRegistry#placeInstead}). A token for a room named by id is refused as the room is.
     */
    private void redeem(Session session, io.ringside.protocol.envelope.JoinRequest wire, RoomRegistry registry) {
        if (registry == null) {
            directory.counters.joinRefused(directory.type(wire.getRoomType()),
                    ErrorCode.ERROR_CODE_SEAT_RESERVATION_REJECTED);
            error(session, ErrorCode.ERROR_CODE_SEAT_RESERVATION_REJECTED, "this server is not in a cluster");
            return;
        }
        RoomDirectory.Reservation reservation = switch (wire.getTargetCase()) {
            case ROOM_ID -> directory.joinById(wire.getRoomId(), true);
            case ROOM_TYPE -> directory.create(wire.getRoomType(), false, wire.getOptionsMap(), session);
            default -> null;
        };
        if (reservation != null && reservation.room() == null && reservation.type() != null
                && (reservation.error() == ErrorCode.ERROR_CODE_ROOM_FULL
                        || reservation.error() == ErrorCode.ERROR_CODE_ROOM_LOCKED)
                && wire.getTargetCase() == io.ringside.protocol.envelope.JoinRequest.TargetCase.ROOM_ID
                && registry.isJoinOrCreateToken(wire.getSeatToken())) {
            String type = reservation.type().name;
            reservation = directory.joinExisting(type);
            if (reservation == null) {
                String token = wire.getSeatToken();
                String roomId = wire.getRoomId();
                route(session, wire, type, null, answer -> registry.placeInstead(token, roomId, type, answer));
                return;
            }
        }
        seat(session, wire, reservation, wire.getSeatToken());
    }

    /** A reconnect for a room another node holds: the client is sent there, with its token unused. */
    private boolean reconnectElsewhere(Session session, io.ringside.protocol.envelope.JoinRequest wire) {
        RoomRegistry registry = directory.registry();
        if (registry == null || directory.hasRoom(wire.getRoomId())) {
            return false;
        }
        String address = registry.addressOf(wire.getRoomId());
        if (address == null) {
            return false;
        }
        directory.counters.joinRedirected(null); // a reconnect names a room, not a type
        session.connection().sendFrame(ServerFrames.envelope(ServerEnvelope.newBuilder()
                .setSeatReservation(SeatReservation.newBuilder().setAddress(address).setRoomId(wire.getRoomId())
                        .setReconnect(true)).build()));
        return true;
    }

    /** A join with a token: claims the held seat, or answers RECONNECT_REJECTED (never a plain join). */
    private void reconnect(Session session, io.ringside.protocol.envelope.JoinRequest wire) {
        if (wire.getTargetCase() != io.ringside.protocol.envelope.JoinRequest.TargetCase.ROOM_ID) {
            directory.counters.reconnect(false);
            error(session, ErrorCode.ERROR_CODE_RECONNECT_REJECTED, "a reconnect names its room by room_id");
            return;
        }
        if (reconnectElsewhere(session, wire)) {
            return;
        }
        RoomDirectory.Claim claim = directory.claim(wire.getRoomId(), wire.getReconnectToken(),
                session.connection().identity());
        if (claim.player() == null) {
            directory.counters.reconnect(false);
            error(session, ErrorCode.ERROR_CODE_RECONNECT_REJECTED, claim.refusal());
            return;
        }
        // only this I/O thread sets the membership, and it was empty above; the shard decides the handover
        session.enter(claim.player());
        ringOf(claim.player()).publish(session, InboundKind.RECONNECT, claim.player(), InboundRing.NO_BYTES, 0, 0);
    }

    private void leave(Session session) {
        Object current = session.current();
        if (!(current instanceof Player player) || !session.exit(player)) {
            error(session, ErrorCode.ERROR_CODE_NOT_IN_ROOM, "not in a room");
            return;
        }
        ringOf(player).publish(session, InboundKind.LEAVE, player, InboundRing.NO_BYTES, 0, 0);
    }

    private void list(Session session, ByteBuffer buffer, int offset, int length) {
        ClientEnvelope envelope = parse(session, buffer, offset, length);
        if (envelope != null) {
            session.connection().sendFrame(ServerFrames.envelope(ServerEnvelope.newBuilder()
                    .setRoomList(directory.list(envelope.getListRooms().getRoomType())).build()));
        }
    }

    private ClientEnvelope parse(Session session, ByteBuffer buffer, int offset, int length) {
        try {
            return EnvelopeCodec.parseClientEnvelope(buffer, offset, length);
        } catch (InvalidProtocolBufferException e) {
            malformed(session, "envelope does not parse");
            return null;
        }
    }

    /** What a seat holds for its join request, charged to the memory budget while the seat lasts. */
    static long seatBytes(io.ringside.protocol.envelope.JoinRequest wire, Handshake handshake) {
        return SEAT_OVERHEAD_BYTES + 2L * wire.getSerializedSize() + handshake.retainedBytes();
    }

    private static InboundRing ringOf(Player player) {
        return player.room.shard.ring;
    }

    private void malformed(Session session, String message) {
        directory.counters.malformedEnvelope();
        Shard.answerMalformed(session, ErrorCode.ERROR_CODE_MALFORMED_MESSAGE, message, config.maxMalformedMessages());
    }

    /** Answers a refused request; counts toward the connection's limit ({@link Shard#answerRefused}). */
    private void error(Session session, ErrorCode code, String message) {
        Shard.answerRefused(session, code, message, config.maxRefusedRequests());
    }
}
