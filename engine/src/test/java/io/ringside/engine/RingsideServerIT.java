package io.ringside.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.StringValue;
import io.ringside.engine.room.RoomOptions;
import io.ringside.engine.room.TestRooms;
import io.ringside.engine.transport.StaticResourceHandler;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.RoomInfo;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The full path over real sockets: matchmaking, messages between players, leaving, listing, rejection. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RingsideServerIT {
    private final Queue<String> log = new ConcurrentLinkedQueue<>();
    private final AtomicLong ticks = new AtomicLong();
    private RingsideServer server;

    @BeforeEach
    void start() throws Exception {
        server = RingsideServer.builder()
                .transport(t -> t.port(0).ioLoops(2).httpHandler(StaticResourceHandler.withBrowserClient("web/test")))
                .game(g -> g.shards(2).tickRateHz(60).slotBytes(64))
                .room("chat", () -> new TestRooms.ChatRoom(log, ticks), RoomOptions.builder().capacity(2).build())
                .room("lobby", () -> new TestRooms.ChatRoom(log, ticks),
                        RoomOptions.builder().capacity(8).disposeWhenEmptyMs(200).build())
                .build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldFillRoomsToCapacityAndOpenNewOnesWhenJoinOrCreate() throws Exception {
        // given
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port());
             GameClient c = GameClient.connect(server.port())) {
            // when
            String roomA = joined(a, "chat");
            String roomB = joined(b, "chat");
            String roomC = joined(c, "chat");

            // then
            assertThat(roomB).isEqualTo(roomA);
            assertThat(roomC).isNotEqualTo(roomA);
        }
    }

    @Test
    void shouldRelayMessagesBetweenPlayersWhenInOneRoom() throws Exception {
        // given
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port())) {
            joined(a, "chat");
            joined(b, "chat");

            // when
            a.game(TestRooms.CHAT, StringValue.of("hello from a"));
            b.game(TestRooms.CHAT, StringValue.of("b".repeat(5000)));

            // then
            ServerEnvelope atB = b.expect(BodyCase.GAME);
            ServerEnvelope atA = a.expect(BodyCase.GAME);
            assertThat(atB.getGame().getType()).isEqualTo(TestRooms.CHAT);
            assertThat(StringValue.parseFrom(atB.getGame().getPayload()).getValue()).isEqualTo("hello from a");
            assertThat(StringValue.parseFrom(atA.getGame().getPayload()).getValue()).isEqualTo("b".repeat(5000));
        }
    }

    @Test
    void shouldCallOnLeaveWithReasonWhenPlayerLeavesOrDisconnects() throws Exception {
        // given
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port())) {
            String sessionA = a.expectJoinedSession("chat");
            String sessionB = b.expectJoinedSession("chat");

            // when
            a.leave();
            ServerEnvelope left = a.expect(BodyCase.LEFT);
            b.abort();

            // then
            assertThat(left.getLeft().getReason()).isEqualTo(LeaveReason.LEAVE_REASON_LEFT);
            awaitLog("leave " + sessionB + " " + LeaveReason.LEAVE_REASON_DISCONNECTED);
            assertThat(log).contains("leave " + sessionA + " " + LeaveReason.LEAVE_REASON_LEFT);
        }
    }

    @Test
    void shouldListRoomsWithCountsAndDisposeEmptyRoomAfterDelay() throws Exception {
        // given
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port());
             GameClient lister = GameClient.connect(server.port())) {
            a.joinWith("lobby", Map.of("label", "de_dust"), "");
            String room = a.expect(BodyCase.JOINED).getJoined().getRoomId();
            b.join("lobby");
            b.expect(BodyCase.JOINED);

            // when
            lister.listRooms("lobby");
            List<RoomInfo> listed = lister.expect(BodyCase.ROOM_LIST).getRoomList().getRoomsList();
            a.leave();
            b.leave();

            // then
            assertThat(listed).singleElement().satisfies(info -> {
                assertThat(info.getRoomId()).isEqualTo(room);
                assertThat(info.getPlayers()).isEqualTo(2);
                assertThat(info.getCapacity()).isEqualTo(8);
                assertThat(info.getLabel()).isEqualTo("de_dust");
            });
            awaitLog("dispose " + room);
            lister.listRooms("lobby");
            assertThat(lister.expect(BodyCase.ROOM_LIST).getRoomList().getRoomsList()).isEmpty();
        }
    }

    @Test
    void shouldJoinPrivateRoomOnlyByIdWhenCreatedPrivate() throws Exception {
        // given
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port());
             GameClient c = GameClient.connect(server.port())) {
            a.join(JoinRequest.newBuilder().setRoomType("lobby").setCreatePrivate(true).build());
            String room = a.expect(BodyCase.JOINED).getJoined().getRoomId();

            // when
            c.listRooms("lobby");
            List<RoomInfo> listed = c.expect(BodyCase.ROOM_LIST).getRoomList().getRoomsList();
            b.join(JoinRequest.newBuilder().setRoomId(room).build());
            c.join(JoinRequest.newBuilder().setRoomId("no-such-room").build());

            // then
            assertThat(listed).isEmpty();
            assertThat(b.expect(BodyCase.JOINED).getJoined().getRoomId()).isEqualTo(room);
            assertThat(c.expect(BodyCase.ERROR).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_NOT_FOUND);
        }
    }

    @Test
    void shouldTellReasonWhenRoomRejectsJoin() throws Exception {
        // given
        try (GameClient a = GameClient.connect(server.port()); GameClient b = GameClient.connect(server.port())) {
            // when
            a.joinWith("chat", Map.of("reject", "team is full"), "");
            b.joinWith("chat", Map.of(), "forged");

            // then
            ServerEnvelope rejected = a.expect(BodyCase.ERROR);
            assertThat(rejected.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_JOIN_REJECTED);
            assertThat(rejected.getError().getMessage()).isEqualTo("team is full");
            assertThat(b.expect(BodyCase.ERROR).getError().getMessage()).isEqualTo("bad token");
            a.joinWith("chat", Map.of(), "good");
            assertThat(a.expect(BodyCase.JOINED).getJoined().getRoomType()).isEqualTo("chat");
        }
    }

    @Test
    void shouldAnswerErrorsWhenNotInRoomOrAlreadyInRoomOrUnknownType() throws Exception {
        // given
        try (GameClient a = GameClient.connect(server.port())) {
            // when
            a.game(TestRooms.CHAT, StringValue.of("nobody hears"));
            a.join("no-such-type");
            ServerEnvelope notInRoom = a.expect(BodyCase.ERROR);
            ServerEnvelope unknownType = a.expect(BodyCase.ERROR);
            joined(a, "chat");
            a.join("chat");

            // then
            assertThat(notInRoom.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_NOT_IN_ROOM);
            assertThat(unknownType.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_UNKNOWN_ROOM_TYPE);
            assertThat(a.expect(BodyCase.ERROR).getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_ALREADY_IN_ROOM);
        }
    }

    @Test
    void shouldServeStaticResourcesWhenConfigured() throws Exception {
        // when
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>ringside</title>");
    }

    @Test
    void shouldServeBundledBrowserClientUnlessTheGameHasTheFileWhenStaticResourcesConfigured() throws Exception {
        // when
        HttpResponse<String> client = get("/ringside/client.js");
        HttpResponse<String> mirror = get("/ringside/mirror.js");
        HttpResponse<String> pinned = get("/ringside/package.json");
        HttpResponse<String> outside = get("/META-INF/resources/ringside/client.js");
        HttpResponse<String> missing = get("/ringside/nothing.js");

        // then: the bundled package, except where the game's own root (web/test) has the same path
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
        assertThat(client.body()).contains("export class RingsideClient");
        assertThat(mirror.body()).contains("export class StateMirror");
        assertThat(pinned.body()).contains("pinned-by-the-game");
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String joined(GameClient client, String roomType) throws InterruptedException {
        client.join(roomType);
        return client.expect(BodyCase.JOINED).getJoined().getRoomId();
    }

    private void awaitLog(String entry) throws InterruptedException {
        while (!log.contains(entry)) {
            Thread.sleep(10);
        }
    }
}
