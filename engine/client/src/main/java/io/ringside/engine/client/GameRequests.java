package io.ringside.engine.client;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import com.google.protobuf.WireFormat;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.LeaveRequest;
import io.ringside.protocol.envelope.ListRoomsRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Encodes client envelopes (ringside/v1/envelope.proto). The frequent ones, game messages and
 * pings, are written by hand into a per-thread scratch array that
 * {@link ClientConnection#sendBinary} copies into its frame, so a send allocates no envelope
 * objects; the rare ones (join, leave, list rooms) go through the generated builders.
 *
 * <pre>
 *   ClientEnvelope.game (field 3, LEN)          ClientEnvelope.ping (field 4, LEN)
 *   +------+--------+--------------------------+ +------+--------+-----------------------+
 *   | 0x1A | varint | GameMessage              | | 0x22 | varint | Ping                  |
 *   +------+--------+--------------------------+ +------+--------+-----------------------+
 *   GameMessage: [0x08 varint type] [0x12 varint len payload]   Ping: [0x08 varint client_time]
 * </pre>
 * Fields holding proto3 defaults (type 0, an empty payload, time 0) are omitted, as protobuf does.
 */
final class GameRequests {
    private static final int ENVELOPE_GAME = 3;
    private static final int ENVELOPE_PING = 4;
    private static final int GAME_TYPE = 1;
    private static final int GAME_PAYLOAD = 2;
    private static final int PING_CLIENT_TIME = 1;
    private static final int INITIAL_SCRATCH_BYTES = 256;
    private static final int MAX_KEPT_SCRATCH_BYTES = 64 << 10;
    private static final ThreadLocal<byte[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new byte[][] {new byte[INITIAL_SCRATCH_BYTES]});

    private GameRequests() {
    }

    /**
     * A game message envelope; the returned buffer is a view of this thread's scratch array, valid
     * until this thread encodes the next one.
     */
    static ByteBuffer game(int type, MessageLite message) {
        int payloadBytes = message.getSerializedSize();
        int bodyBytes = (type == 0 ? 0 : CodedOutputStream.computeUInt32Size(GAME_TYPE, type))
                + (payloadBytes == 0 ? 0 : CodedOutputStream.computeTagSize(GAME_PAYLOAD)
                        + CodedOutputStream.computeUInt32SizeNoTag(payloadBytes) + payloadBytes);
        int totalBytes = CodedOutputStream.computeTagSize(ENVELOPE_GAME)
                + CodedOutputStream.computeUInt32SizeNoTag(bodyBytes) + bodyBytes;
        byte[] scratch = scratch(totalBytes);
        CodedOutputStream out = CodedOutputStream.newInstance(scratch, 0, totalBytes);
        try {
            out.writeTag(ENVELOPE_GAME, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(bodyBytes);
            if (type != 0) {
                out.writeUInt32(GAME_TYPE, type);
            }
            if (payloadBytes != 0) {
                out.writeTag(GAME_PAYLOAD, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(payloadBytes);
                message.writeTo(out);
            }
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("message changed while it was serialized", e);
        }
        return ByteBuffer.wrap(scratch, 0, totalBytes);
    }

    /** A ping envelope carrying {@code clientTime}; a view of this thread's scratch array, as {@link #game}. */
    static ByteBuffer ping(long clientTime) {
        int bodyBytes = clientTime == 0 ? 0 : CodedOutputStream.computeInt64Size(PING_CLIENT_TIME, clientTime);
        int totalBytes = CodedOutputStream.computeTagSize(ENVELOPE_PING)
                + CodedOutputStream.computeUInt32SizeNoTag(bodyBytes) + bodyBytes;
        byte[] scratch = scratch(totalBytes);
        CodedOutputStream out = CodedOutputStream.newInstance(scratch, 0, totalBytes);
        try {
            out.writeTag(ENVELOPE_PING, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(bodyBytes);
            if (clientTime != 0) {
                out.writeInt64(PING_CLIENT_TIME, clientTime);
            }
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("ping envelope did not fit its computed size", e);
        }
        return ByteBuffer.wrap(scratch, 0, totalBytes);
    }

    /** Join-or-create by room type, or create a private room of that type. */
    static ByteBuffer joinType(String roomType, boolean createPrivate, Map<String, String> options,
                               String authToken) {
        JoinRequest.Builder join = JoinRequest.newBuilder().setRoomType(roomType).setCreatePrivate(createPrivate)
                .putAllOptions(options).setAuthToken(authToken);
        return wrap(ClientEnvelope.newBuilder().setJoin(join).build());
    }

    /** Join a room by id, with a reconnect token from an earlier join ({@code ""} for none). */
    static ByteBuffer joinId(String roomId, Map<String, String> options, String authToken, String reconnectToken) {
        JoinRequest.Builder join = JoinRequest.newBuilder().setRoomId(roomId).putAllOptions(options)
                .setAuthToken(authToken).setReconnectToken(reconnectToken);
        return wrap(ClientEnvelope.newBuilder().setJoin(join).build());
    }

    /** List the public rooms of {@code roomType}. */
    static ByteBuffer listRooms(String roomType) {
        return wrap(ClientEnvelope.newBuilder().setListRooms(ListRoomsRequest.newBuilder().setRoomType(roomType))
                .build());
    }

    /** Leave the current room. */
    static ByteBuffer leave() {
        return wrap(ClientEnvelope.newBuilder().setLeave(LeaveRequest.getDefaultInstance()).build());
    }

    private static ByteBuffer wrap(ClientEnvelope envelope) {
        return ByteBuffer.wrap(envelope.toByteArray());
    }

    private static byte[] scratch(int bytes) {
        byte[][] holder = SCRATCH.get();
        if (holder[0].length >= bytes) {
            return holder[0];
        }
        if (bytes > MAX_KEPT_SCRATCH_BYTES) {
            // a rare big message gets an array of its own, so no thread keeps megabytes for life
            return new byte[bytes];
        }
        holder[0] = new byte[Math.min(MAX_KEPT_SCRATCH_BYTES, Math.max(bytes, holder[0].length * 2))];
        return holder[0];
    }
}
