package io.ringside.cluster;

import io.ringside.engine.RingsideServer;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.SeatReservation;
import io.ringside.protocol.envelope.ServerEnvelope;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Raw envelopes over the JDK's WebSocket client, for what the SDKs never send (a forged seat token). */
final class ClusterWire {
    private ClusterWire() {
    }

    /** Sends a join with {@code seatToken}; completes with the first answer, failing with an Error's code. */
    static CompletableFuture<ServerEnvelope> joinWithSeatToken(int port, String roomType, String seatToken) {
        return send(port, JoinRequest.newBuilder().setRoomType(roomType).setSeatToken(seatToken).build());
    }

    /** Sends a join by type and completes with the first answer, e.g. a SeatReservation it does not follow. */
    static CompletableFuture<ServerEnvelope> joinOrCreate(int port, String roomType) {
        return send(port, JoinRequest.newBuilder().setRoomType(roomType).build());
    }

    /** Sends a join of room {@code roomId}; completes with the first answer (a SeatReservation it does not follow). */
    static CompletableFuture<ServerEnvelope> joinById(int port, String roomId) {
        return send(port, JoinRequest.newBuilder().setRoomId(roomId).build());
    }

    /** Takes the seat of {@code reservation} on {@code port}; completes with the first answer (Joined). */
    static CompletableFuture<ServerEnvelope> redeem(int port, SeatReservation reservation) {
        return send(port, JoinRequest.newBuilder().setRoomId(reservation.getRoomId())
                .setSeatToken(reservation.getSeatToken()).build());
    }

    private static CompletableFuture<ServerEnvelope> send(int port, JoinRequest request) {
        CompletableFuture<ServerEnvelope> answer = new CompletableFuture<>();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                message.writeBytes(bytes);
                if (last) {
                    try {
                        ServerEnvelope envelope = ServerEnvelope.parseFrom(message.toByteArray());
                        if (envelope.hasError()) {
                            answer.completeExceptionally(new IllegalStateException(envelope.getError().getCode()
                                    + ": " + envelope.getError().getMessage()));
                        } else {
                            answer.complete(envelope);
                        }
                    } catch (Exception e) {
                        answer.completeExceptionally(e);
                    }
                    webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "");
                }
                webSocket.request(1);
                return null;
            }
        };
        byte[] join = ClientEnvelope.newBuilder().setJoin(request).build().toByteArray();
        HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + RingsideServer.DEFAULT_ENDPOINT_PATH), listener)
                .thenCompose(ws -> ws.sendBinary(ByteBuffer.wrap(join), true))
                .exceptionally(e -> {
                    answer.completeExceptionally(e);
                    return null;
                });
        return answer;
    }
}
