package io.ringside.engine.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.ringside.engine.client.MirrorEntity;
import io.ringside.engine.client.StateMirror;
import io.ringside.engine.state.vectors.Everything;
import io.ringside.engine.state.vectors.EverythingEntity;
import io.ringside.engine.state.vectors.Mover;
import io.ringside.engine.state.vectors.MoverEntity;
import io.ringside.engine.state.vectors.Secret;
import io.ringside.engine.state.vectors.SecretEntity;
import io.ringside.protocol.envelope.FieldOptions;
import io.ringside.protocol.envelope.StatePatch;
import io.ringside.protocol.envelope.StateProto;
import io.ringside.protocol.state.EntityState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A random run of a room's replicated state: spawns, mutations of every field kind, steady motion,
 * despawns, joins, leaves, reconnects, view moves, lagging and refusing clients, and sends. After
 * every send, each client that received all it was due has a mirror equal to the server's state
 * as filtered by its view. Records every patch and the mirror after it, for the test vectors.
 */
final class StateScenario {
    static final String[] VIEWERS = {"p0", "p1", "p2", "p3", "p4"};

    final Random random;
    final Replicator<String> replicator;
    final List<Live> live = new ArrayList<>();
    final Map<String, Client> clients = new LinkedHashMap<>();
    final Map<String, List<String>> log = new TreeMap<>();
    final boolean vectorSafe;
    final boolean fieldFilter;
    long tick;
    int checks;

    StateScenario(long seed, ReplicationOptions options, boolean vectorSafe) {
        this(seed, options, vectorSafe, false);
    }

    /** With {@code fieldFilter}, a field filter whose results depend on the viewer and the entity's values. */
    StateScenario(long seed, ReplicationOptions options, boolean vectorSafe, boolean fieldFilter) {
        this.random = new Random(seed);
        this.replicator = new Replicator<>(options);
        this.vectorSafe = vectorSafe;
        this.fieldFilter = fieldFilter;
        replicator.filter((viewer, entity, owner) -> !(entity instanceof MoverEntity)
                || ((MoverEntity) entity).getTeam() == 0 || ((MoverEntity) entity).getTeam() == team(viewer));
        if (fieldFilter) {
            replicator.fieldFilter((viewer, entity, owner) -> hiddenFields(viewer, entity));
        }
    }

    /**
     * The scenario's field filter: hides LINEAR, quantized, string, owner-only and team-only fields
     * from some viewers, by values that mutations change (so results change between sends).
     */
    static int hiddenFields(String viewer, EntityState entity) {
        int v = viewer.charAt(1) - '0';
        if (entity instanceof MoverEntity) {
            MoverEntity m = (MoverEntity) entity;
            return Math.floorMod(m.getScore() + v, 3) == 0
                    ? MoverEntity.X_FIELD | MoverEntity.HEALTH_FIELD | MoverEntity.NAME_FIELD | MoverEntity.INTEL_FIELD
                    : v == 4 ? MoverEntity.AMMO_FIELD : 0;
        }
        if (entity instanceof EverythingEntity) {
            EverythingEntity e = (EverythingEntity) entity;
            return e.getB() == (v % 2 == 0)
                    ? EverythingEntity.S_FIELD | EverythingEntity.LI_FIELD | EverythingEntity.QF_FIELD
                            | EverythingEntity.SECRET_FIELD | EverythingEntity.QD_FIELD
                    : v == 3 ? EverythingEntity.D_FIELD | 1 << 30 : 0;
        }
        return v == 1 ? SecretEntity.GOLD_FIELD : 0;
    }

    /** The team a viewer is on (1 or 2); {@link #switchTeam} moves it. */
    int team(String viewer) {
        return teams.getOrDefault(viewer, viewer.charAt(1) % 2 + 1);
    }

    private final Map<String, Integer> teams = new java.util.HashMap<>();

    /** Moves a random viewer to the other team, or a random Everything to another team (0 to 2). */
    private void switchTeam() {
        if (random.nextBoolean()) {
            String viewer = anyViewer();
            if (viewer != null) {
                teams.put(viewer, 3 - team(viewer));
                replicator.team(viewer, team(viewer));
            }
        } else if (!live.isEmpty()) {
            Live l = live.get(random.nextInt(live.size()));
            if (l.entity instanceof EverythingEntity) {
                l.team = random.nextInt(3);
                replicator.team(l.entity, l.team);
            }
        }
    }

    /** Runs {@code steps} random steps, then sends until everything converged, checking all along. */
    void run(int steps) {
        for (int i = 0; i < steps; i++) {
            step();
        }
        for (Client c : clients.values()) {
            c.lag = 0;
            c.refuseNext = false;
        }
        for (int i = 0; i < 20; i++) {
            send();
        }
        for (String viewer : clients.keySet()) {
            assertMirror(viewer);
        }
    }

    private void step() {
        int roll = random.nextInt(100);
        if (roll < 10) {
            spawn();
        } else if (roll < 40) {
            mutate();
        } else if (roll < 50) {
            move();
        } else if (roll < 55) {
            despawn();
        } else if (roll < 60) {
            join();
        } else if (roll < 63) {
            leave();
        } else if (roll < 66) {
            reconnect();
        } else if (roll < 71) {
            center();
        } else if (roll < 75) {
            Client c = anyClient();
            if (c != null) {
                c.lag = 1 + random.nextInt(3);
            }
        } else if (roll < 77) {
            Client c = anyClient();
            if (c != null) {
                c.refuseNext = true;
            }
        } else if (roll < 79) {
            switchTeam();
        } else {
            send();
        }
    }

    private void spawn() {
        if (live.size() >= 24) {
            return;
        }
        String owner = random.nextInt(3) == 0 || clients.isEmpty() ? null : anyViewer();
        int kind = random.nextInt(3);
        EntityState entity;
        Message message;
        if (kind == 0) {
            message = randomize(Mover.getDefaultInstance(), 0.6);
            entity = new MoverEntity().set((Mover) message);
        } else if (kind == 1) {
            message = randomize(Everything.getDefaultInstance(), 0.6);
            entity = new EverythingEntity().set((Everything) message);
        } else {
            if (owner == null) {
                owner = "p" + random.nextInt(VIEWERS.length);
            }
            message = randomize(Secret.getDefaultInstance(), 0.6);
            entity = new SecretEntity().set((Secret) message);
        }
        Live l = new Live(entity, message, owner);
        replicator.spawn(entity, owner);
        if (kind == 1 && random.nextBoolean()) {
            l.team = 1 + random.nextInt(2);
            replicator.team(entity, l.team);
        }
        if (kind == 0) {
            l.team = ((Mover) message).getTeam();
            replicator.team(entity, l.team);
        }
        if (random.nextBoolean()) {
            l.placed = true;
            l.x = random.nextInt(400) - 200;
            l.y = random.nextInt(400) - 200;
            replicator.place(entity, l.x, l.y);
        }
        live.add(l);
    }

    private void mutate() {
        if (live.isEmpty()) {
            return;
        }
        Live l = live.get(random.nextInt(live.size()));
        List<FieldDescriptor> fields = l.message.getDescriptorForType().getFields();
        FieldDescriptor fd = fields.get(random.nextInt(fields.size()));
        l.message = l.message.toBuilder().setField(fd, value(fd)).build();
        apply(l);
        if (l.entity instanceof MoverEntity) {
            l.team = ((Mover) l.message).getTeam();
            replicator.team(l.entity, l.team);
        }
    }

    private void move() {
        for (Live l : live) {
            if (l.entity instanceof MoverEntity) {
                MoverEntity m = (MoverEntity) l.entity;
                if (random.nextInt(5) == 0) {
                    l.vx = random.nextInt(21) - 10;
                    l.vy = random.nextInt(21) - 10;
                }
                m.setX(m.getX() + l.vx * 0.01f);
                m.setY(m.getY() + l.vy * 0.01f);
                l.message = ((Mover) l.message).toBuilder().setX(m.getX()).setY(m.getY()).build();
                if (l.placed) {
                    l.x = m.getX();
                    l.y = m.getY();
                    replicator.place(m, l.x, l.y);
                }
            } else if (l.entity instanceof EverythingEntity) {
                EverythingEntity e = (EverythingEntity) l.entity;
                e.setLi(e.getLi() + 3).setLl(e.getLl() - 7).setLu(e.getLu() + 1).setQf(e.getQf() + 0.5f);
                l.message = e.toMessage();
            }
        }
    }

    private void despawn() {
        if (live.isEmpty()) {
            return;
        }
        Live l = live.remove(random.nextInt(live.size()));
        replicator.despawn(l.entity);
    }

    private void join() {
        List<String> free = new ArrayList<>();
        for (String v : VIEWERS) {
            if (!clients.containsKey(v)) {
                free.add(v);
            }
        }
        if (free.isEmpty()) {
            return;
        }
        String viewer = free.get(random.nextInt(free.size()));
        clients.put(viewer, new Client());
        replicator.join(viewer);
        replicator.team(viewer, team(viewer));
        record(viewer, "{\"op\":\"connect\"}");
    }

    private void leave() {
        String viewer = anyViewer();
        if (viewer == null) {
            return;
        }
        clients.remove(viewer);
        centers.remove(viewer);
        replicator.leave(viewer);
        record(viewer, "{\"op\":\"disconnect\"}");
    }

    private void reconnect() {
        String viewer = anyViewer();
        if (viewer == null) {
            return;
        }
        Client fresh = new Client();
        clients.put(viewer, fresh);
        replicator.resend(viewer);
        record(viewer, "{\"op\":\"disconnect\"}");
        record(viewer, "{\"op\":\"connect\"}");
    }

    private void center() {
        String viewer = anyViewer();
        if (viewer != null) {
            float x = random.nextInt(400) - 200;
            float y = random.nextInt(400) - 200;
            replicator.center(viewer, x, y);
            centerOf(viewer, x, y);
            if (random.nextBoolean()) {
                replicator.inputAck(viewer, random.nextInt(1000) + 1);
            }
        }
    }

    void send() {
        tick++;
        for (Client c : clients.values()) {
            c.wasReady = false;
            c.refused = false;
            c.deferred = 0;
        }
        replicator.send(tick, channel);
        for (Map.Entry<String, Client> e : clients.entrySet()) {
            Client c = e.getValue();
            if (c.lag > 0) {
                c.lag--;
                continue;
            }
            while (!c.queue.isEmpty()) {
                byte[] bytes = c.queue.poll();
                StatePatch patch;
                try {
                    patch = StatePatch.parseFrom(bytes);
                } catch (InvalidProtocolBufferException ex) {
                    throw new AssertionError(ex);
                }
                c.mirror.apply(patch);
                record(e.getKey(), "{\"op\":\"patch\",\"bytes\":\"" + hex(bytes) + "\",\"expect\":"
                        + StateJson.mirror(c.mirror) + "}");
            }
            if (c.wasReady && !c.refused && c.deferred == 0) {
                assertMirror(e.getKey());
            }
        }
    }

    private final PatchChannel<String> channel = new PatchChannel<>() {
        @Override
        public boolean ready(String viewer) {
            Client c = clients.get(viewer);
            c.wasReady = c.queue.isEmpty();
            return c.wasReady;
        }

        @Override
        public boolean deliver(String viewer, byte[] bytes, int offset, int length) {
            Client c = clients.get(viewer);
            if (c.refuseNext) {
                c.refuseNext = false;
                c.refused = true;
                return false;
            }
            byte[] copy = Arrays.copyOfRange(bytes, offset, offset + length);
            try {
                c.deferred = StatePatch.parseFrom(copy).getDeferred();
            } catch (InvalidProtocolBufferException ex) {
                throw new AssertionError(ex);
            }
            c.queue.add(copy);
            return true;
        }
    };

    void assertMirror(String viewer) {
        Map<Integer, Message> expected = new TreeMap<>();
        for (Live l : live) {
            if (visible(viewer, l)) {
                Message message = l.entity instanceof MoverEntity ? ((MoverEntity) l.entity).toMessage()
                        : l.entity instanceof EverythingEntity ? ((EverythingEntity) l.entity).toMessage()
                        : ((SecretEntity) l.entity).toMessage();
                if (!viewer.equals(l.owner)) {
                    boolean teammate = l.team != 0 && l.team == team(viewer);
                    Message.Builder b = message.toBuilder();
                    for (FieldDescriptor fd : message.getDescriptorForType().getFields()) {
                        FieldOptions options = fd.getOptions().getExtension(StateProto.field);
                        if (options.getOwnerOnly() || options.getTeamOnly() && !teammate) {
                            b.clearField(fd);
                        }
                    }
                    message = b.build();
                }
                if (fieldFilter) {
                    message = withoutFields(message, hiddenFields(viewer, l.entity));
                }
                expected.put(replicator.id(l.entity), message);
            }
        }
        Map<Integer, Message> actual = new TreeMap<>();
        for (MirrorEntity entity : clients.get(viewer).mirror.entities()) {
            actual.put(entity.id(), entity.toMessage());
        }
        assertThat(actual).as("mirror of %s at tick %d", viewer, tick).isEqualTo(expected);
        checks++;
    }

    /** {@code message} with the fields in {@code mask} (bit i: the i-th field by number) cleared. */
    private static Message withoutFields(Message message, int mask) {
        List<FieldDescriptor> fields = new ArrayList<>(message.getDescriptorForType().getFields());
        fields.sort(java.util.Comparator.comparingInt(FieldDescriptor::getNumber));
        Message.Builder b = message.toBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if ((mask & 1 << i) != 0) {
                b.clearField(fields.get(i));
            }
        }
        return b.build();
    }

    private boolean visible(String viewer, Live l) {
        boolean owner = viewer.equals(l.owner);
        if (l.entity instanceof SecretEntity && !owner) {
            return false;
        }
        if (l.entity instanceof MoverEntity) {
            int team = ((MoverEntity) l.entity).getTeam();
            if (team != 0 && team != team(viewer)) {
                return false;
            }
        }
        float r = replicator.options().viewRadius();
        if (r > 0 && l.placed && !owner) {
            Float[] center = centers.get(viewer);
            if (center == null) {
                return false;
            }
            float dx = l.x - center[0];
            float dy = l.y - center[1];
            return dx * dx + dy * dy <= r * r;
        }
        return true;
    }

    private final Map<String, Float[]> centers = new java.util.HashMap<>();

    private void apply(Live l) {
        if (l.entity instanceof MoverEntity) {
            ((MoverEntity) l.entity).set((Mover) l.message);
        } else if (l.entity instanceof EverythingEntity) {
            ((EverythingEntity) l.entity).set((Everything) l.message);
        } else {
            ((SecretEntity) l.entity).set((Secret) l.message);
        }
    }

    private Message randomize(Message prototype, double fill) {
        Message.Builder b = prototype.newBuilderForType();
        for (FieldDescriptor fd : prototype.getDescriptorForType().getFields()) {
            if (random.nextDouble() < fill) {
                b.setField(fd, value(fd));
            }
        }
        return b.build();
    }

    private Object value(FieldDescriptor fd) {
        boolean small = random.nextInt(3) != 0;
        switch (fd.getJavaType()) {
            case INT:
                return small ? random.nextInt(201) - 100 : random.nextInt();
            case LONG:
                return small ? (long) random.nextInt(201) - 100 : random.nextLong();
            case FLOAT: {
                int pick = random.nextInt(10);
                if (pick == 0) {
                    return -0.0f;
                }
                if (pick == 1) {
                    return 0.0f;
                }
                if (pick == 2 && !vectorSafe) {
                    return Float.NaN;
                }
                return small ? (random.nextInt(20001) - 10000) / 7f : (random.nextFloat() - 0.5f) * 1e6f;
            }
            case DOUBLE: {
                int pick = random.nextInt(10);
                if (pick == 0) {
                    return -0.0;
                }
                if (pick == 1) {
                    return 0.0;
                }
                return small ? (random.nextInt(20001) - 10000) / 3.0 : (random.nextDouble() - 0.5) * 1e9;
            }
            case BOOLEAN:
                return random.nextBoolean();
            case STRING: {
                String[] pool = {"", "a", "Al", "Zoë", "名前", "\uD83D\uDE00 ok", "longer name here"};
                return pool[random.nextInt(pool.length)];
            }
            case BYTE_STRING: {
                byte[] bytes = new byte[random.nextInt(5)];
                random.nextBytes(bytes);
                return ByteString.copyFrom(bytes);
            }
            case ENUM:
                return fd.getEnumType().findValueByNumberCreatingIfUnknown(random.nextInt(4));
            default:
                throw new AssertionError(fd);
        }
    }

    private String anyViewer() {
        if (clients.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>(clients.keySet());
        return names.get(random.nextInt(names.size()));
    }

    private Client anyClient() {
        String viewer = anyViewer();
        return viewer == null ? null : clients.get(viewer);
    }

    private void record(String viewer, String event) {
        log.computeIfAbsent(viewer, k -> new ArrayList<>()).add(event);
    }

    void centerOf(String viewer, float x, float y) {
        centers.put(viewer, new Float[] {x, y});
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return out.toString();
    }

    /** One spawned entity and the message its fields were last set from. */
    static final class Live {
        final EntityState entity;
        final String owner;
        Message message;
        boolean placed;
        int team;
        float x;
        float y;
        int vx;
        int vy;

        Live(EntityState entity, Message message, String owner) {
            this.entity = entity;
            this.message = message;
            this.owner = owner;
        }
    }

    /** One connected client: its mirror and the patches handed to its connection but not yet applied. */
    static final class Client {
        final StateMirror mirror = new StateMirror()
                .register(Mover.getDefaultInstance())
                .register(Everything.getDefaultInstance())
                .register(Secret.getDefaultInstance());
        final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        int lag;
        boolean refuseNext;
        boolean wasReady;
        boolean refused;
        int deferred;
    }
}
