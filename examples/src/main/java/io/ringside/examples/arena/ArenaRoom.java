package io.ringside.examples.arena;

import io.ringside.engine.room.JoinDecision;
import io.ringside.engine.room.JoinRequest;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.examples.arena.wire.Input;
import io.ringside.protocol.envelope.LeaveReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The arena as a Ringside room: people join and send {@code Input}s, the room's declared input type
 * ({@link #inputs()}: the framework queues them, hands over one per player per tick and acks it to
 * the client for its prediction); every tick the room adds the bots' inputs, steps the {@link World}
 * and updates the replicated state ({@code Fighter} and {@code Projectile} entities,
 * {@link #state()}); the framework sends each player what changed.
 *
 * <pre>{@code
 * RingsideServer.builder()
 *         .game(g -> g.tickRateHz(settings.tickRateHz()))
 *         .room("arena", () -> new ArenaRoom(settings),
 *                 RoomOptions.builder().capacity(16).reconnectGraceMs(10_000).build())
 * }</pre>
 * Join option {@code name} sets the player's display name (at most {@value #MAX_NAME_LENGTH}
 * characters, or the join is rejected). With a reconnect grace, a player whose connection drops keeps
 * its ship (idle, marked away) until it comes back with its token or the grace runs out. Every
 * callback runs on the room's tick thread.
 */
public final class ArenaRoom extends Room {
    /** The longest display name accepted. */
    public static final int MAX_NAME_LENGTH = 16;

    private final ArenaSettings settings;
    private final List<BotPilot> bots = new ArrayList<>();
    private World world;
    private StatePublisher publisher;

    /** A room playing by {@code settings}; the tick rate is the server's, set it to the same value. */
    public ArenaRoom(ArenaSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void onCreate(Map<String, String> options) {
        inputs().declare(Input.parser(), this::onInput);
        Random random = new Random();
        world = new World(settings.withTickRateHz(tickRateHz()), random);
        publisher = new StatePublisher(state(), tickRateHz());
        for (int i = 1; i <= settings.bots(); i++) {
            Fighter bot = world.add("bot-" + i, "bot " + i, true);
            publisher.spawn(bot, null);
            bots.add(new BotPilot(world, bot, random));
        }
        updateLabel();
    }

    @Override
    protected JoinDecision onJoinAttempt(JoinRequest request) {
        String name = request.options().getOrDefault("name", "");
        if (name.length() > MAX_NAME_LENGTH) {
            return JoinDecision.reject("name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return JoinDecision.accept();
    }

    @Override
    protected void onJoin(Player player) {
        String name = player.joinRequest().options().getOrDefault("name", "").strip();
        Fighter fighter = world.add(player.sessionId(), name.isEmpty() ? "player" : name, false);
        player.attach(fighter);
        publisher.spawn(fighter, player);
        send(player, ArenaMessages.WELCOME, StatePublisher.welcome(world.settings(), player.sessionId()));
        updateLabel();
    }

    /** The framework hands over at most one input per player per tick, before onTick, and acks its seq. */
    private void onInput(Player player, Input input, int seq) {
        world.control((Fighter) player.attachment(), input.getMoveX(), input.getMoveY(), input.getAim(),
                input.getFire());
    }

    @Override
    protected void onTick(long tick, long dtNanos) {
        for (int i = 0; i < bots.size(); i++) {
            bots.get(i).steer();
        }
        world.step();
        publisher.publish(world);
    }

    @Override
    protected void onDisconnect(Player player) {
        // the seat is held for the reconnect grace: the ship stays, idle and marked away
        world.markAway((Fighter) player.attachment());
    }

    @Override
    protected void onReconnect(Player player) {
        // same Player, same ship; the page starts over from a Welcome (and, as the framework, counts inputs afresh)
        world.markBack((Fighter) player.attachment());
        send(player, ArenaMessages.WELCOME, StatePublisher.welcome(world.settings(), player.sessionId()));
    }

    @Override
    protected void onLeave(Player player, LeaveReason reason) {
        Fighter fighter = (Fighter) player.attachment();
        world.remove(fighter);
        publisher.despawn(fighter);
        updateLabel();
    }

    private void updateLabel() {
        setLabel(world.fighters().size() - bots.size() + " people, " + bots.size() + " bots");
    }
}
