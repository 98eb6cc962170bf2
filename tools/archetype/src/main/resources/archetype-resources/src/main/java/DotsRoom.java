package ${package};

import ${package}.wire.DotEntity;
import ${package}.wire.MoveTo;
import ${package}.wire.StarEntity;
import io.ringside.engine.room.Player;
import io.ringside.engine.room.Room;
import io.ringside.protocol.envelope.LeaveReason;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Dots: every player is a dot that glides to where they click; the first to touch the star scores
 * and the star jumps elsewhere. The room only changes its state ({@code Dot} and {@code Star} of
 * game.proto); the framework sends each player what changed.
 */
public final class DotsRoom extends Room {
    /** The room type clients join. */
    public static final String TYPE = "dots";
    /** Message type of {@link MoveTo}, client to server. */
    public static final int MOVE_TO = 1;

    static final float WIDTH = 800;
    static final float HEIGHT = 600;
    /** Field units per second. */
    static final float SPEED = 240;
    /** A dot touches the star within this distance of its centre. */
    static final float REACH = 20;

    private final SplittableRandom random;
    private StarEntity star;

    /** A room whose dots and star start at random places. */
    public DotsRoom() {
        this(new SplittableRandom());
    }

    /** A room drawing its places from {@code random}: tests pass a seeded one. */
    DotsRoom(SplittableRandom random) {
        this.random = random;
    }

    @Override
    protected void onCreate(Map<String, String> options) {
        messages().on(MOVE_TO, MoveTo.parser(), this::onMoveTo);
        star = new StarEntity().setX(randomX()).setY(randomY());
        state().spawn(star);
    }

    @Override
    protected void onJoin(Player player) {
        String name = player.joinRequest().options().getOrDefault("name", "").strip();
        DotEntity dot = new DotEntity()
                .setPlayerId(player.sessionId())
                .setName(name.isEmpty() ? "player " + (players().size()) : truncate(name, 16))
                .setHue(random.nextInt(360))
                .setX(randomX()).setY(randomY());
        state().spawn(dot, player);
        player.attach(new Glide(dot));
    }

    @Override
    protected void onLeave(Player player, LeaveReason reason) {
        state().despawn(glide(player).dot);
    }

    @Override
    protected void onTick(long tick, long dtNanos) {
        float step = SPEED / tickRateHz();
        for (Player player : players()) {
            Glide glide = glide(player);
            glide.advance(step);
            if (touchesStar(glide.dot)) {
                glide.dot.setScore(glide.dot.getScore() + 1);
                star.setX(randomX()).setY(randomY());
            }
        }
    }

    /** The star, for tests. */
    StarEntity star() {
        return star;
    }

    /** {@code player}'s dot, for tests. */
    static DotEntity dotOf(Player player) {
        return glide(player).dot;
    }

    private void onMoveTo(Player player, MoveTo move) {
        if (!Float.isFinite(move.getX()) || !Float.isFinite(move.getY())) {
            kick(player, "MoveTo needs finite coordinates");
            return;
        }
        glide(player).target(clamp(move.getX(), WIDTH), clamp(move.getY(), HEIGHT));
    }

    private boolean touchesStar(DotEntity dot) {
        float dx = dot.getX() - star.getX();
        float dy = dot.getY() - star.getY();
        return dx * dx + dy * dy <= REACH * REACH;
    }

    private float randomX() {
        return (float) random.nextDouble(REACH, WIDTH - REACH);
    }

    private float randomY() {
        return (float) random.nextDouble(REACH, HEIGHT - REACH);
    }

    private static Glide glide(Player player) {
        return (Glide) player.attachment();
    }

    private static float clamp(float value, float max) {
        return Math.max(0, Math.min(max, value));
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** A dot and where it is going. */
    private static final class Glide {
        final DotEntity dot;
        float targetX;
        float targetY;

        Glide(DotEntity dot) {
            this.dot = dot;
            this.targetX = dot.getX();
            this.targetY = dot.getY();
        }

        void target(float x, float y) {
            targetX = x;
            targetY = y;
        }

        void advance(float step) {
            float dx = targetX - dot.getX();
            float dy = targetY - dot.getY();
            float distance = (float) Math.sqrt(dx * dx + dy * dy);
            if (distance <= step) {
                dot.setX(targetX).setY(targetY);
            } else {
                dot.setX(dot.getX() + dx / distance * step).setY(dot.getY() + dy / distance * step);
            }
        }
    }
}
