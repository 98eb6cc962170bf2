package io.ringside.examples.lobby;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringside.engine.RingsideServer;
import io.ringside.examples.envelope.EnvelopeClient;
import io.ringside.examples.lobby.wire.ChatLine;
import io.ringside.examples.lobby.wire.ChatSend;
import io.ringside.examples.lobby.wire.Phase;
import io.ringside.protocol.envelope.ClientEnvelope;
import io.ringside.protocol.envelope.ErrorCode;
import io.ringside.protocol.envelope.JoinRequest;
import io.ringside.protocol.envelope.LeaveReason;
import io.ringside.protocol.envelope.ListRoomsRequest;
import io.ringside.protocol.envelope.RoomInfo;
import io.ringside.protocol.envelope.ServerEnvelope;
import io.ringside.protocol.envelope.ServerEnvelope.BodyCase;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The lobby over real sockets: listings with labels, private tables, rejections, chat, forfeits, locks, the close. */
@Timeout(30)
class LobbyIT {
    private static final int CLOSE_AFTER_FINISH_MS = 300;

    private RingsideServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<EnvelopeClient> clients = new ArrayList<>();
    private final Map<EnvelopeClient, LobbyMirror> mirrors = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = LobbyServer.builder(0, CLOSE_AFTER_FINISH_MS, 0)
                .transport(t -> t.ioLoops(1)).game(g -> g.shards(1)).build().start();
    }

    @AfterEach
    void stop() {
        clients.forEach(EnvelopeClient::close);
        server.close();
    }

    private EnvelopeClient client() {
        EnvelopeClient client = EnvelopeClient.connect(http, server.port());
        clients.add(client);
        return client;
    }

    private static JoinRequest.Builder quickJoin(String name) {
        return JoinRequest.newBuilder().setRoomType(LobbyServer.ROOM_TYPE).putOptions("name", name);
    }

    /** Applies {@code client}'s state patches to its mirror until the match is in {@code phase}. */
    private LobbyMirror state(EnvelopeClient client, Phase phase) throws Exception {
        LobbyMirror mirror = mirrors.computeIfAbsent(client, c -> new LobbyMirror());
        while (mirror.phase() != phase) {
            mirror.accept(client.next(ServerEnvelope::hasState));
        }
        return mirror;
    }

    @Test
    void shouldListPublicTablesWithTheirLabelAndPlayersButNotPrivateOnes() throws Exception {
        // given
        EnvelopeClient alice = client();
        alice.join(quickJoin("alice").putOptions("table", "sunny"));
        String publicId = alice.next(BodyCase.JOINED).getJoined().getRoomId();
        EnvelopeClient carol = client();
        carol.join(quickJoin("carol").setCreatePrivate(true));
        carol.next(BodyCase.JOINED);

        // when
        EnvelopeClient dave = client();
        dave.send(ClientEnvelope.newBuilder()
                .setListRooms(ListRoomsRequest.newBuilder().setRoomType(LobbyServer.ROOM_TYPE)).build());

        // then
        List<RoomInfo> rooms = dave.next(BodyCase.ROOM_LIST).getRoomList().getRoomsList();
        assertThat(rooms).hasSize(1);
        assertThat(rooms.get(0).getRoomId()).isEqualTo(publicId);
        assertThat(rooms.get(0).getLabel()).isEqualTo("sunny · alice waits");
        assertThat(rooms.get(0).getPlayers()).isEqualTo(1);
        assertThat(rooms.get(0).getCapacity()).isEqualTo(2);
    }

    @Test
    void shouldPairTwoQuickJoinsAndRelayChatWhenTheyMeet() throws Exception {
        // given
        EnvelopeClient alice = client();
        alice.join(quickJoin("alice"));
        String aliceRoom = alice.next(BodyCase.JOINED).getJoined().getRoomId();
        EnvelopeClient bob = client();
        bob.join(quickJoin("bob"));
        String bobRoom = bob.next(BodyCase.JOINED).getJoined().getRoomId();

        // when
        bob.sendGame(LobbyMessages.CHAT_SEND, ChatSend.newBuilder().setText("  hi alice  ").build());

        // then
        assertThat(bobRoom).isEqualTo(aliceRoom);
        assertThat(state(alice, Phase.PHASE_PLAYING).seats()).extracting(s -> s.getName())
                .containsExactly("alice", "bob");
        ChatLine line = chat(alice, false);
        assertThat(line.getFromName()).isEqualTo("bob");
        assertThat(line.getText()).isEqualTo("hi alice");
    }

    @Test
    void shouldRejectAJoinWithTheReasonWhenTheNameIsTaken() throws Exception {
        // given
        EnvelopeClient alice = client();
        alice.join(quickJoin("alice").setCreatePrivate(true));
        String roomId = alice.next(BodyCase.JOINED).getJoined().getRoomId();

        // when
        EnvelopeClient impostor = client();
        impostor.join(JoinRequest.newBuilder().setRoomId(roomId).putOptions("name", "ALICE"));

        // then
        ServerEnvelope error = impostor.next(env -> env.hasError() || env.hasJoined());
        assertThat(error.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_JOIN_REJECTED);
        assertThat(error.getError().getMessage()).contains("the name ALICE is taken");
    }

    @Test
    void shouldAwardTheMatchRejectLatecomersAndCloseWhenAPlayerDisconnects() throws Exception {
        // given
        EnvelopeClient alice = client();
        alice.join(quickJoin("alice").setCreatePrivate(true));
        String roomId = alice.next(BodyCase.JOINED).getJoined().getRoomId();
        EnvelopeClient bob = client();
        bob.join(JoinRequest.newBuilder().setRoomId(roomId).putOptions("name", "bob"));
        state(alice, Phase.PHASE_PLAYING);

        // when
        bob.drop();

        // then
        LobbyMirror finished = state(alice, Phase.PHASE_FINISHED);
        assertThat(finished.game().getResult()).isEqualTo("bob lost the connection, so alice wins");
        EnvelopeClient late = client();
        late.join(JoinRequest.newBuilder().setRoomId(roomId).putOptions("name", "carol"));
        ServerEnvelope refused = late.next(env -> env.hasError() || env.hasJoined());
        assertThat(refused.getError().getCode()).isEqualTo(ErrorCode.ERROR_CODE_ROOM_LOCKED);
        ServerEnvelope left = alice.next(BodyCase.LEFT);
        assertThat(left.getLeft().getReason()).isEqualTo(LeaveReason.LEAVE_REASON_ROOM_CLOSED);
    }

    @Test
    void shouldQuickJoinAWaitingTableNotTheFinishedOneWhenAForfeitFreedASeat() throws Exception {
        // given: tables stay a minute after their match, so the finished one is still there
        server.close();
        server = LobbyServer.builder(0, 60_000, 0).transport(t -> t.ioLoops(1)).game(g -> g.shards(1)).build().start();
        EnvelopeClient alice = client();
        alice.join(quickJoin("alice"));
        String finishedId = alice.next(BodyCase.JOINED).getJoined().getRoomId();
        EnvelopeClient bob = client();
        bob.join(quickJoin("bob"));
        bob.next(BodyCase.JOINED);
        bob.drop();
        state(alice, Phase.PHASE_FINISHED);

        // when
        EnvelopeClient carol = client();
        carol.join(quickJoin("carol"));
        ServerEnvelope carolJoin = carol.next(env -> env.hasError() || env.hasJoined());
        EnvelopeClient dave = client();
        dave.send(ClientEnvelope.newBuilder()
                .setListRooms(ListRoomsRequest.newBuilder().setRoomType(LobbyServer.ROOM_TYPE)).build());
        List<RoomInfo> rooms = dave.next(BodyCase.ROOM_LIST).getRoomList().getRoomsList();
        dave.join(quickJoin("dave"));
        ServerEnvelope daveJoin = dave.next(env -> env.hasError() || env.hasJoined());

        // then: carol opens a new table, listed alone, and dave is paired with her
        assertThat(carolJoin.getBodyCase()).isEqualTo(BodyCase.JOINED);
        String newId = carolJoin.getJoined().getRoomId();
        assertThat(newId).isNotEqualTo(finishedId);
        assertThat(rooms).extracting(RoomInfo::getRoomId).containsExactly(newId);
        assertThat(daveJoin.getJoined().getRoomId()).isEqualTo(newId);
        assertThat(state(carol, Phase.PHASE_PLAYING).seats()).hasSize(2);
    }

    private static ChatLine chat(EnvelopeClient client, boolean system) throws Exception {
        while (true) {
            ChatLine line = ChatLine.parseFrom(client.nextGame(LobbyMessages.CHAT_LINE).getPayload());
            if (line.getSystem() == system) {
                return line;
            }
        }
    }
}
