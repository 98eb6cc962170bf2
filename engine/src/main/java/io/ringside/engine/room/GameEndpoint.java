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
 * second join). While the registry {@link RoomRegistry#takesSeats takes seats}, a join this server
 * seats in one of its existing rooms takes its seat there first (off this thread), and is seated on
 * the room's tick thread. A join carrying a seat token is seated here and its token redeemed before
 * the room sees it; a reconnect for a room held elsewhere is answered with that node's address.
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
    /** How many rooms of this server a join-or-create tries to take a seat in (cluster mode). */
    private static final int ROOMS_TRIED = 2;
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
                if (registry == null) {
                    reservation = directory.joinById(wire.getRoomId());
                } else if (!directory.hasRoom(wire.getRoomId())) {
                    place(session, routing(session), wire, null, wire.getRoomId(), true, 0,
                            answer -> registry.place(null, wire.getRoomId(), answer));
                    return;
                } else if (registry.takesSeats()) {
                    reservation = directory.holdById(wire.getRoomId(), false);
                    if (reservation.room() != null) {
                        take(session, routing(session), wire, reservation.room(), null, 0);
                        return;
                    }
                } else {
                    reservation = directory.joinById(wire.getRoomId());
                }
            }
            case ROOM_TYPE -> {
                if (wire.getCreatePrivate()) {
                    reservation = directory.create(wire.getRoomType(), true, wire.getOptionsMap(), session);
                } else if (registry == null) {
                    reservation = directory.joinOrCreate(wire.getRoomType(), wire.getOptionsMap(), session);
                } else {
                    joinOrCreateHere(session, routing(session), wire, wire.getRoomType(), true, ROOMS_TRIED);
                    return;
                }
            }
            default -> reservation = null;
        }
        seat(session, wire, reservation, null);
    }

    /**
     * Seats {@code session} in the reserved room, or answers why not; {@code seatToken}: a new room's
     * seat token, redeemed once the room sees the join (else {@code null}). I/O thread.
     */
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
        player.seatToken = seatToken;
        // only this I/O thread sets the membership, and it was empty just above
        session.enter(player);
        ringOf(player).publish(session, InboundKind.JOIN, player, InboundRing.NO_BYTES, 0, 0);
    }

    /** Puts {@code session} in no room while the registry decides its join (it refuses a second join meanwhile). */
    private static Routing routing(Session session) {
        Routing routing = new Routing();
        // only this I/O thread sets the membership, and it was empty before the join
        session.enter(routing);
        return routing;
    }

    /**
     * A join-or-create of {@code roomType} in cluster mode: a seat in a room here with one free (taken
     * in the registry first while it {@link RoomRegistry#takesSeats takes seats}, so it cannot be a
     * seat another node reserved for a player on its way), else placed by the registry. A draining
     * node seats nobody new: the registry places the join on another node. {@code io}: on the
     * connection's I/O thread; {@code tries}: how many more rooms here it may take a seat in.
     */
    private void joinOrCreateHere(Session session, Routing routing, io.ringside.protocol.envelope.JoinRequest wire,
                                  String roomType, boolean io, int tries) {
        RoomRegistry registry = directory.registry();
        if (!directory.isDraining() && tries > 0) {
            if (registry.takesSeats()) {
                RoomDirectory.Reservation found = directory.holdExisting(roomType);
                if (found != null && found.room() != null) {
                    take(session, routing, wire, found.room(), roomType, tries - 1);
                    return;
                }
                if (found != null) {
                    seatHere(session, routing, wire, found, io);
                    return;
                }
            } else {
                RoomDirectory.Reservation seat = directory.joinExisting(roomType);
                if (seat != null) {
                    seatHere(session, routing, wire, seat, io);
                    return;
                }
            }
        }
        place(session, routing, wire, roomType, null, io, tries, answer -> registry.place(roomType, null, answer));
    }

    /**
     * A seat in this server's room {@code room} for a join made here, taken in the registry first; the
     * room's own count checks it again once taken. A join by id ({@code roomType} null) is refused
     * with ROOM_FULL when the registry counts the room full; a join-or-create then tries another room
     * here ({@code tries} more), or is placed by the registry. Seated on the room's tick thread.
     */
    private void take(Session session, Routing routing, io.ringside.protocol.envelope.JoinRequest wire,
                      RoomCore room, String roomType, int tries) {
        directory.registry().takeSeat(room.id, room.type.options.capacity(), taken -> {
            RoomDirectory.Reservation seat = directory.takeHeld(room, taken);
            if (taken) {
                // counted here before the registry's next snapshot, which then counts it in the room
                if (seat.room() != null || roomType == null) {
                    seatLater(session, routing, wire, seat);
                    return;
                }
            } else if (roomType == null) {
                seatLater(session, routing, wire, RoomDirectory.Reservation.refused(room.type,
                        ErrorCode.ERROR_CODE_ROOM_FULL, "room " + room.id + " is full"));
                return;
            }
            joinOrCreateHere(session, routing, wire, roomType, false, tries);
        });
    }

    /** Seats a join decided here: at once on the I/O thread ({@code io}), else through the room's tick thread. */
    private void seatHere(Session session, Routing routing, io.ringside.protocol.envelope.JoinRequest wire,
                          RoomDirectory.Reservation reservation, boolean io) {
        if (!io) {
            seatLater(session, routing, wire, reservation);
        } else if (session.exit(routing)) {
            seat(session, wire, reservation, null);
        }
    }

    /**
     * A join this server has no seat for (of type {@code roomType} or room {@code roomId}): the
     * registry places it through {@code placer}, while {@code session} is in {@code routing}. A new
     * room here is made at once when the registry answers at once on the I/O thread ({@code io}); a
     * seat elsewhere or a refusal may come later, on the registry's thread.
     */
    private void place(Session session, Routing routing, io.ringside.protocol.envelope.JoinRequest wire,
                       String roomType, String roomId, boolean io, int tries,
                       Consumer<Consumer<Placement>> placer) {
        boolean[] inline = {io};
        placer.accept(placement -> {
            if (placement.isLocal() && roomId == null) {
                placedHere(session, routing, wire, roomType, inline[0], tries);
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
                seat(session, wire, directory.joinById(roomId), null);
            } else {
                directory.counters.joinRefused(type, ErrorCode.ERROR_CODE_NODE_UNAVAILABLE);
                error(session, ErrorCode.ERROR_CODE_NODE_UNAVAILABLE, "registry placed a join by id late and locally");
            }
        });
        inline[0] = false;
    }

    /**
     * A join-or-create the registry placed on this server: seated as it would have been here (a room
     * of the type with a free seat, taken in the registry first while it takes seats, or a new room),
     * without a second connection: at once on the I/O thread ({@code io}), else through the room's
     * tick thread.
     */
    private void placedHere(Session session, Routing routing, io.ringside.protocol.envelope.JoinRequest wire,
                            String roomType, boolean io, int tries) {
        if (!directory.registry().takesSeats()) {
            seatHere(session, routing, wire, directory.joinOrCreate(roomType, wire.getOptionsMap(), session), io);
            return;
        }
        RoomDirectory.Reservation found = tries > 0 ? directory.holdExisting(roomType) : null;
        if (found != null && found.room() != null) {
            take(session, routing, wire, found.room(), roomType, tries - 1);
            return;
        }
        seatHere(session, routing, wire, directory.create(roomType, false, wire.getOptionsMap(), session), io);
    }

    /**
     * Seats a join decided off its I/O thread (a registry's thread): only the I/O thread publishes to
     * the ring, so the room's tick thread seats it: there it takes the membership over from
     * {@code routing}, then the room sees the join, before anything the connection sends next. A
     * connection closed meanwhile joins and drops at once, as it would had its join reached the room
     * before its disconnect.
     */
    private void seatLater(Session session, Routing routing, io.ringside.protocol.envelope.JoinRequest wire,
                           RoomDirectory.Reservation reservation) {
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
     * first. A token for a room takes its seat there once the registry used it up
     * ({@link #redeemHeld}), checked against the room's own seats only (the reservation counted it
     * in Redis). A token for a new room (no room id) always makes a new room: the free seats of this
     * node's rooms may be held for players reserved through other nodes, which this node learns of
     * only at its next heartbeat, so seating it in one could leave a reserved player ROOM_FULL.
     *
     * <p>A token a join-or-create was given for a room that cannot seat it here (locked, no seat left,
     * or disposed since) does not fail the join: the registry uses the token up, giving its seat back,
     * and tells the room type it was issued for ({@link RoomRegistry#forfeit}); the player is then
     * seated as a join-or-create of that type arriving here would be (a room here with a free seat, or
     * wherever the registry places it). A token for a room named by id is refused as the room is.
     */
    private void redeem(Session session, io.ringside.protocol.envelope.JoinRequest wire, RoomRegistry registry) {
        if (registry == null) {
            directory.counters.joinRefused(directory.type(wire.getRoomType()),
                    ErrorCode.ERROR_CODE_SEAT_RESERVATION_REJECTED);
            error(session, ErrorCode.ERROR_CODE_SEAT_RESERVATION_REJECTED, "this server is not in a cluster");
            return;
        }
        if (wire.getTargetCase() != io.ringside.protocol.envelope.JoinRequest.TargetCase.ROOM_ID) {
            RoomDirectory.Reservation newRoom = wire.getTargetCase()
                    == io.ringside.protocol.envelope.JoinRequest.TargetCase.ROOM_TYPE
                    ? directory.create(wire.getRoomType(), false, wire.getOptionsMap(), session) : null;
            seat(session, wire, newRoom, wire.getSeatToken());
            return;
        }
        RoomDirectory.Reservation held = directory.holdById(wire.getRoomId(), true);
        if (held.room() != null) {
            redeemHeld(session, wire, registry, held.room());
        } else if ((held.error() == ErrorCode.ERROR_CODE_ROOM_FULL || held.error() == ErrorCode.ERROR_CODE_ROOM_LOCKED
                || held.error() == ErrorCode.ERROR_CODE_ROOM_NOT_FOUND)
                && registry.isJoinOrCreateToken(wire.getSeatToken())) {
            Routing routing = routing(session);
            registry.forfeit(wire.getSeatToken(), wire.getRoomId(), type -> {
                if (type == null || directory.type(type) == null) {
                    seatLater(session, routing, wire, RoomDirectory.Reservation.refused(directory.type(type),
                            ErrorCode.ERROR_CODE_SEAT_RESERVATION_REJECTED,
                            "seat token unknown, used, expired, or issued for another node or room,"
                                    + " or the cluster registry is unreachable"));
                    return;
                }
                joinOrCreateHere(session, routing, wire, type, false, ROOMS_TRIED);
            });
        } else {
            seat(session, wire, held, null);
        }
    }

    /**
     * A join with a seat token for this server's room {@code room}, whose seat is held: the token is
     * used up in the registry first, and only then is the seat taken here, so the registry never
     * counts the player both as reserved (or redeemed) and as seated. A token refused answers
     * SEAT_RESERVATION_REJECTED; a join-or-create's token whose room has no seat left once it is used
     * up is seated as a join-or-create of the room's type. Seated on the room's tick thread.
     */
    private void redeemHeld(Session session, io.ringside.protocol.envelope.JoinRequest wire, RoomRegistry registry,
                            RoomCore room) {
        Routing routing = routing(session);
        String token = wire.getSeatToken();
        registry.redeemSeat(token, room.id, room.type.name, redeemed -> {
            RoomDirectory.Reservation seat = directory.takeHeld(room, redeemed);
            if (!redeemed) {
                seatLater(session, routing, wire, RoomDirectory.Reservation.refused(room.type,
                        ErrorCode.ERROR_CODE_SEAT_RESERVATION_REJECTED,
                        "seat token unknown, used, expired, or issued for another node or room"));
            } else if (seat.room() == null && registry.isJoinOrCreateToken(token)) {
                joinOrCreateHere(session, routing, wire, room.type.name, false, ROOMS_TRIED);
            } else {
                seatLater(session, routing, wire, seat);
            }
        });
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
