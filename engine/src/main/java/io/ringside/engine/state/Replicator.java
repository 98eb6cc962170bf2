package io.ringside.engine.state;

import com.google.protobuf.ByteString;
import io.ringside.protocol.state.EntityRecords;
import io.ringside.protocol.state.EntityState;
import io.ringside.protocol.state.StateBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Replicated state of one room: the spawned entities, the viewers, and at each send one
 * {@code StatePatch} per viewer (layout and rules in {@code ringside/v1/state.proto}).
 *
 * <p>How a send works. First every entity is committed once: its changes against its replicated
 * state are encoded into a CHANGE body shared by every viewer that holds that replicated state
 * (plus an owner variant when owner-only fields changed), and the current state becomes the
 * replicated one. Then, per viewer, the records are assembled by copying shared bodies: ENTER
 * (a FULL body, also encoded at most once per send) for entities that came into its view, CHANGE
 * for those it holds the previous replicated state of, RESYNC for those it holds an older one of
 * (it was skipped or a record was deferred), LEAVE for the rest. A viewer whose
 * {@link PatchChannel#ready} is false is skipped; what it holds is tracked per entity, so its next
 * patch is against exactly that.
 *
 * <p>Steady state allocates nothing: buffers grow to the largest send and stay. Tick thread of the
 * owning room only.
 *
 * @param <V> the viewer key type (a player); compared with {@code equals}
 */
public final class Replicator<V> {
    static final int CHANGE = 0;
    static final int ENTER = 1;
    static final int LEAVE = 2;
    static final int RESYNC = 3;

    private static final int TAG_TICK = 1 << 3;
    private static final int TAG_INPUT_ACK = 2 << 3;
    private static final int TAG_RESET = 3 << 3;
    private static final int TAG_TYPES = (4 << 3) | 2;
    private static final int TAG_RECORDS = (5 << 3) | 2;
    private static final int TAG_DEFERRED = 6 << 3;
    private static final int TAG_TYPE_ID = 1 << 3;
    private static final int TAG_TYPE_NAME = (2 << 3) | 2;

    private final ReplicationOptions options;
    private final float radius;
    private final float radiusSquared;
    private final SpatialGrid grid;
    private int[] candidates = new int[64];
    /**
     * The length of every viewer's held and spare lists: the most entities one viewer has held,
     * doubled when exceeded, for all viewers at once (so that a viewer walking into a crowd another
     * has seen finds its lists long enough, instead of each viewer growing its own in turn).
     */
    private int heldCapacity = 16;
    private int[] unplaced = new int[16];
    private int unplacedCount;
    private int mark;
    private final Map<V, Viewer<V>> viewers = new HashMap<>();
    private final Selection selection = new Selection();
    private final StateBuffer segments = new StateBuffer(4096);
    private final StateBuffer records = new StateBuffer(1024);
    private final StateBuffer patch = new StateBuffer(1024);
    private Replica[] entities = new Replica[16];
    private int entityCount;
    private Viewer<V>[] viewerList = newViewers(8);
    private int viewerCount;
    private boolean[] slotsUsed = new boolean[8];
    private int[] typeIds = new int[4];
    private ByteString[] typeNames = new ByteString[4];
    private int typeCount;
    private ViewFilter<V> filter;
    private FieldFilter<V> fieldFilter;
    private int nextId = 1;
    private int send;
    private final ReplicationStats stats = new ReplicationStats();

    /** A replicator with {@code options}. */
    public Replicator(ReplicationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.radius = options.viewRadius();
        this.radiusSquared = radius * radius;
        this.grid = radius > 0 ? new SpatialGrid(options.cellSize()) : null;
    }

    /** This replicator's options. */
    public ReplicationOptions options() {
        return options;
    }

    /** Counters of what was sent, skipped and deferred. */
    public ReplicationStats stats() {
        return stats;
    }

    /** Sets the hook deciding which entities each viewer may see ({@code null}: no filter). */
    public void filter(ViewFilter<V> viewFilter) {
        this.filter = viewFilter;
    }

    /**
     * Sets the hook deciding which fields of an entity each viewer is not sent, beyond the declared
     * {@code owner_only} and {@code team_only} ones ({@code null}: none). Takes effect at the next
     * send; a viewer whose filter result for an entity changes gets that entity as a RESYNC.
     */
    public void fieldFilter(FieldFilter<V> hook) {
        this.fieldFilter = hook;
    }

    /**
     * Spawns {@code entity}: it enters the views of viewers that may see it at the next send.
     *
     * @param owner the viewer that owns it (sees its owner-only fields, always sees it), or null
     * @return the entity's id, unique in this replicator
     */
    public int spawn(EntityState entity, V owner) {
        if (EntityRecords.replica(entity) != null) {
            throw new IllegalStateException("entity already spawned: " + entity.typeName());
        }
        if (nextId == Integer.MAX_VALUE) {
            throw new IllegalStateException("entity ids exhausted");
        }
        Replica replica = new Replica(entity, nextId++, owner, EntityRecords.ownerOnlyEntity(entity),
                EntityRecords.ownerOnlyMask(entity), EntityRecords.teamOnlyMask(entity),
                EntityRecords.fieldCount(entity), slotsUsed.length);
        registerType(entity);
        EntityRecords.replica(entity, replica);
        if (owner != null) {
            replica.ownerView = viewers.get(owner);
        }
        if (entityCount == entities.length) {
            entities = Arrays.copyOf(entities, entityCount * 2);
        }
        replica.index = entityCount;
        entities[entityCount++] = replica;
        return replica.id;
    }

    /** Despawns {@code entity}: it leaves every view at the next send; the object may be spawned again. */
    public void despawn(EntityState entity) {
        Replica replica = replica(entity);
        replica.despawned = true;
        EntityRecords.replica(entity, null);
    }

    /** The id {@link #spawn} gave {@code entity}. */
    public int id(EntityState entity) {
        return replica(entity).id;
    }

    /**
     * Puts {@code entity} on team {@code team} (0: none, the default): its {@code team_only} fields
     * go to its owner and to viewers on the same team. A change reaches the viewers holding the
     * entity as a RESYNC at the next send.
     */
    public void team(EntityState entity, int team) {
        Replica replica = replica(entity);
        if (replica.team != team) {
            replica.team = team;
            if (EntityRecords.teamOnlyMask(entity) != 0) {
                replica.staleForAll();
            }
        }
    }

    /**
     * Puts {@code viewer} on team {@code team} (0: none, the default): it sees the {@code team_only}
     * fields of the entities on that team. A change brings it the entities with team-only fields
     * it holds as RESYNCs at its next patch.
     */
    public void team(V viewer, int team) {
        Viewer<V> view = view(viewer);
        if (view.team != team) {
            view.team = team;
            for (int i = 0; i < entityCount; i++) {
                Replica r = entities[i];
                if (r.hidden[Replica.TEAM] != r.hidden[Replica.PUBLIC] && r.sync(view.slot) != Replica.ABSENT) {
                    r.sync(view.slot, Replica.STALE);
                }
            }
        }
    }

    /** Puts {@code entity} at {@code (x, y)} for the spatial view; entities never placed are seen everywhere. */
    public void place(EntityState entity, float x, float y) {
        Replica replica = replica(entity);
        replica.x = x;
        replica.y = y;
        replica.placed = true;
    }

    /** Adds a viewer; its first patch resets its mirror and brings its whole view. */
    public void join(V viewer) {
        if (viewers.containsKey(viewer)) {
            throw new IllegalStateException("viewer already joined: " + viewer);
        }
        int slot = freeSlot();
        Viewer<V> view = new Viewer<>(viewer, slot, heldCapacity);
        viewers.put(viewer, view);
        if (viewerCount == viewerList.length) {
            viewerList = Arrays.copyOf(viewerList, viewerCount * 2);
        }
        viewerList[viewerCount++] = view;
        for (int i = 0; i < entityCount; i++) {
            Replica r = entities[i];
            r.reserve(slotsUsed.length);
            if (r.owner != null && !r.despawned && isOwner(view, r)) {
                r.ownerView = view;
            }
        }
    }

    /** Removes a viewer; entities it owns stay (despawn them if they should go). */
    public void leave(V viewer) {
        Viewer<V> view = viewers.remove(viewer);
        if (view == null) {
            return;
        }
        forget(view.slot);
        slotsUsed[view.slot] = false;
        for (int i = 0; i < entityCount; i++) {
            if (entities[i].ownerView == view) {
                entities[i].ownerView = null;
            }
        }
        for (int i = 0; i < viewerCount; i++) {
            if (viewerList[i] == view) {
                viewerList[i] = viewerList[--viewerCount];
                viewerList[viewerCount] = null;
                break;
            }
        }
    }

    /** The viewer's mirror is gone (a reconnect): its next patch resets and brings its whole view again. */
    public void resend(V viewer) {
        reset(view(viewer));
    }

    /** Sets where {@code viewer} looks from (usually its own entity's position). */
    public void center(V viewer, float x, float y) {
        Viewer<V> view = view(viewer);
        view.centerX = x;
        view.centerY = y;
        view.hasCenter = true;
    }

    /** Sets the input seq acknowledged in {@code viewer}'s next patches. */
    public void inputAck(V viewer, int seq) {
        view(viewer).inputAck = seq;
    }

    /** The number of entities held (spawned, plus despawned ones some viewer has not been told of yet). */
    public int entityCount() {
        return entityCount;
    }

    /** The number of viewers. */
    public int viewerCount() {
        return viewerCount;
    }

    /**
     * One send: commits every entity and delivers to each ready viewer the patch it needs, if any.
     *
     * @param tick the server tick the state belongs to ({@code StatePatch.tick})
     */
    public void send(long tick, PatchChannel<V> channel) {
        send++;
        segments.clear();
        selection.reserve(entityCount);
        commitEntities();
        for (int i = 0; i < viewerCount; i++) {
            Viewer<V> view = viewerList[i];
            if (!channel.ready(view.key)) {
                stats.skipped++;
                continue;
            }
            sendTo(view, tick, channel);
        }
        dropDespawned();
    }

    private void commitEntities() {
        if (grid != null) {
            indexPositions();
        }
        for (int i = 0; i < entityCount; i++) {
            Replica r = entities[i];
            int[] start = r.changeStart;
            int[] end = r.changeEnd;
            start[Replica.PUBLIC] = 0;
            end[Replica.PUBLIC] = 0;
            start[Replica.TEAM] = 0;
            end[Replica.TEAM] = 0;
            start[Replica.OWNER] = 0;
            end[Replica.OWNER] = 0;
            r.changedFields = 0;
            if (r.despawned) {
                continue;
            }
            EntityState entity = r.entity;
            if (r.lastChange == 0) {
                EntityRecords.prime(entity);
                r.lastChange = send;
                r.baseChange = send;
                continue;
            }
            r.baseChange = r.lastChange;
            int mask = EntityRecords.changedMask(entity);
            if (mask == 0 && !EntityRecords.moving(entity)) {
                continue;
            }
            r.lastChange = send;
            writeBodies(r, mask, start, end);
            if (fieldFilter != null) {
                writeFieldValues(r, mask);
            }
            EntityRecords.advance(entity);
        }
    }

    /** CHANGE bodies per visibility level, each written only when it differs from the level below. */
    private void writeBodies(Replica r, int mask, int[] start, int[] end) {
        int[] hidden = r.hidden;
        for (int level = Replica.PUBLIC; level <= Replica.OWNER; level++) {
            if (level > Replica.PUBLIC && (mask & hidden[level - 1]) == (mask & hidden[level])) {
                start[level] = start[level - 1];
                end[level] = end[level - 1];
            } else {
                start[level] = segments.position();
                EntityRecords.writeChange(r.entity, segments, mask & ~hidden[level]);
                end[level] = segments.position();
            }
        }
    }

    /** Each changed field's value on its own, for CHANGE bodies of field-filter results ({@link FilteredBodies}). */
    private void writeFieldValues(Replica r, int mask) {
        r.reserveFields();
        r.changedFields = mask;
        for (int rest = mask; rest != 0; rest &= rest - 1) {
            int f = Integer.numberOfTrailingZeros(rest);
            r.fieldStart[f] = segments.position();
            EntityRecords.writeChangeValues(r.entity, segments, 1 << f);
            r.fieldEnd[f] = segments.position();
        }
    }

    /** Fills the grid with the placed entities, lists the unplaced ones and each viewer's own. */
    private void indexPositions() {
        grid.clear(entityCount);
        unplacedCount = 0;
        for (int v = 0; v < viewerCount; v++) {
            viewerList[v].ownedCount = 0;
        }
        if (unplaced.length < entityCount) {
            unplaced = new int[Math.max(entityCount, unplaced.length * 2)];
        }
        for (int i = 0; i < entityCount; i++) {
            Replica r = entities[i];
            if (r.despawned) {
                continue;
            }
            if (!r.placed) {
                unplaced[unplacedCount++] = i;
                continue;
            }
            grid.add(i, r.x, r.y);
            if (r.ownerView != null) {
                r.ownerView.addOwned(r);
            }
        }
        // a view's candidates (at most every entity) plus a grid query (at most every placed one)
        if (candidates.length < 2 * entityCount) {
            candidates = new int[Math.max(2 * entityCount, candidates.length * 2)];
        }
    }

    private void sendTo(Viewer<V> view, long tick, PatchChannel<V> channel) {
        Selection sel = selection;
        sel.clear();
        boolean moved = false;
        int count = 0;
        if (grid == null) {
            for (int i = 0; i < entityCount; i++) {
                moved |= select(view, i, sel);
            }
        } else {
            count = gatherCandidates(view);
            for (int c = 0; c < count; c++) {
                moved |= select(view, candidates[c], sel);
            }
        }
        int deferred = sel.choose(options.maxPatchBytes());
        writeRecords(view, sel);
        if (grid != null) {
            keepHeld(view, count);
        }
        boolean ackNews = view.inputAck != view.inputAckSent;
        boolean typesNews = view.typesSent < typeCount;
        if (records.position() == 0 && !moved && !view.reset && !ackNews && !typesNews && deferred == 0) {
            return;
        }
        writePatch(view, tick, deferred);
        if (channel.deliver(view.key, patch.array(), 0, patch.position())) {
            view.reset = false;
            view.typesSent = typeCount;
            view.inputAckSent = view.inputAck;
            stats.patches++;
            stats.bytes += patch.position();
            stats.deferred += deferred;
        } else {
            stats.refused++;
            reset(view);
        }
    }

    /** Adds entity {@code i}'s record for {@code view} to {@code sel}, if it needs one; true if it moved silently. */
    private boolean select(Viewer<V> view, int i, Selection sel) {
        Replica r = entities[i];
        int slot = view.slot;
        int held = r.sync(slot);
        if (r.despawned || !visible(view, r)) {
            if (held != Replica.ABSENT) {
                sel.add(LEAVE, i, headerSize(r), 0, 0, 0, 0f);
            }
            return false;
        }
        int level = level(view, r);
        int extra = extraHidden(view, r, level);
        if (held == Replica.ABSENT) {
            addFull(sel, ENTER, i, view, level, extra);
        } else if (held > 0 && extra == r.filtered(slot)
                && held >= (r.lastChange == send ? r.baseChange : r.lastChange)) {
            if (r.lastChange == send) {
                long body = extra == 0 ? FilteredBodies.span(r.changeStart[level], r.changeEnd[level])
                        : r.filteredBodies.change(r, send, r.hidden[level] | extra, segments);
                int start = FilteredBodies.start(body);
                int end = FilteredBodies.end(body);
                if (end > start) {
                    sel.add(CHANGE, i, headerSize(r) + end - start, start, end, extra,
                            priority(view, r, level == Replica.OWNER));
                } else {
                    r.sync(slot, send);
                    return true;
                }
            }
        } else {
            addFull(sel, RESYNC, i, view, level, extra);
        }
        return false;
    }

    private void addFull(Selection sel, int kind, int i, Viewer<V> view, int level, int extra) {
        Replica r = entities[i];
        long body;
        if (extra == 0) {
            ensureFull(r);
            body = FilteredBodies.span(r.fullStart[level], r.fullEnd[level]);
        } else {
            body = r.filteredBodies.full(r, send, r.hidden[level] | extra, segments);
        }
        int start = FilteredBodies.start(body);
        int end = FilteredBodies.end(body);
        sel.add(kind, i, headerSize(r) + end - start, start, end, extra, priority(view, r, level == Replica.OWNER));
    }

    /** The fields the field filter hides from {@code view} beyond what its level hides (0 without a filter). */
    private int extraHidden(Viewer<V> view, Replica r, int level) {
        if (fieldFilter == null) {
            return 0;
        }
        int extra = fieldFilter.hiddenFields(view.key, r.entity, ownerOf(r)) & r.fieldsMask & ~r.hidden[level];
        if (extra != 0) {
            // the filter may first hide something between commits: the FULL bodies need no field values
            r.reserveFields();
        }
        return extra;
    }

    /**
     * With a spatial view: the indexes of the entities {@code view} may need a record of, ascending,
     * in {@link #candidates}: those it holds (they may leave), owns, that are never placed, and
     * those in the grid cells its view radius touches. Returns how many.
     */
    private int gatherCandidates(Viewer<V> view) {
        int m = ++mark;
        int[] out = candidates;
        int count = 0;
        for (int h = 0; h < view.heldCount; h++) {
            count = candidate(view.held[h].index, m, out, count);
        }
        for (int o = 0; o < view.ownedCount; o++) {
            count = candidate(view.owned[o].index, m, out, count);
        }
        for (int u = 0; u < unplacedCount; u++) {
            count = candidate(unplaced[u], m, out, count);
        }
        if (view.hasCenter) {
            int start = count;
            int end = grid.query(view.centerX, view.centerY, radius, scratch(count + grid.size()), count);
            out = candidates;
            for (int g = start; g < end; g++) {
                count = candidate(out[g], m, out, count);
            }
        }
        if (count > entityCount >> 2) {
            // dense: a scan of the marks is cheaper than a sort
            count = 0;
            for (int i = 0; i < entityCount; i++) {
                if (entities[i].mark == m) {
                    out[count++] = i;
                }
            }
        } else {
            Sorting.sort(out, 0, count - 1);
        }
        return count;
    }

    private int candidate(int index, int m, int[] out, int count) {
        Replica r = entities[index];
        if (r.mark == m) {
            return count;
        }
        r.mark = m;
        out[count] = index;
        return count + 1;
    }

    private int[] scratch(int size) {
        if (candidates.length < size) {
            candidates = Arrays.copyOf(candidates, Math.max(size, candidates.length * 2));
        }
        return candidates;
    }

    /** Remembers which candidates {@code view} holds now: next send they are candidates again. */
    private void keepHeld(Viewer<V> view, int count) {
        int slot = view.slot;
        int kept = 0;
        for (int c = 0; c < count; c++) {
            Replica r = entities[candidates[c]];
            if (r.sync(slot) != Replica.ABSENT) {
                if (kept == heldCapacity) {
                    growHeld();
                }
                view.addSpare(r, kept++);
            }
        }
        view.swapHeld(kept);
    }

    /** Doubles {@link #heldCapacity} (up to the entity count) for every viewer at once. */
    private void growHeld() {
        heldCapacity = Math.max(heldCapacity + 1, Math.min(heldCapacity * 2, entityCount));
        for (int v = 0; v < viewerCount; v++) {
            viewerList[v].capacity(heldCapacity);
        }
    }

    private void writeRecords(Viewer<V> view, Selection sel) {
        records.clear();
        int slot = view.slot;
        int prevId = 0;
        byte[] bodies = segments.array();
        for (int j = 0; j < sel.count; j++) {
            Replica r = entities[sel.entity[j]];
            int kind = sel.kind[j];
            if (!sel.chosen[j]) {
                if (kind != ENTER) {
                    r.sync(slot, Replica.STALE);
                }
                continue;
            }
            records.writeVarint32(((r.id - prevId - 1) << 2) | kind);
            prevId = r.id;
            if (kind == LEAVE) {
                r.sync(slot, Replica.ABSENT);
            } else {
                records.write(bodies, sel.bodyStart[j], sel.bodyEnd[j] - sel.bodyStart[j]);
                r.sync(slot, send);
                r.filtered(slot, sel.filtered[j]);
            }
        }
    }

    private void writePatch(Viewer<V> view, long tick, int deferred) {
        patch.clear();
        patch.writeVarint32(TAG_TICK);
        patch.writeVarint64(tick);
        if (view.inputAck != 0) {
            patch.writeVarint32(TAG_INPUT_ACK);
            patch.writeVarint32(view.inputAck);
        }
        if (view.reset) {
            patch.writeVarint32(TAG_RESET);
            patch.writeVarint32(1);
        }
        for (int t = view.typesSent; t < typeCount; t++) {
            ByteString name = typeNames[t];
            patch.writeVarint32(TAG_TYPES);
            patch.writeVarint32(1 + StateBuffer.varint32Size(typeIds[t]) + 1
                    + StateBuffer.varint32Size(name.size()) + name.size());
            patch.writeVarint32(TAG_TYPE_ID);
            patch.writeVarint32(typeIds[t]);
            patch.writeVarint32(TAG_TYPE_NAME);
            patch.writeLengthDelimited(name);
        }
        if (records.position() > 0) {
            patch.writeVarint32(TAG_RECORDS);
            patch.writeVarint32(records.position());
            patch.write(records.array(), 0, records.position());
        }
        if (deferred > 0) {
            patch.writeVarint32(TAG_DEFERRED);
            patch.writeVarint32(deferred);
        }
    }

    /** FULL bodies per visibility level, each written only when it differs from the level below. */
    private void ensureFull(Replica r) {
        if (r.fullSend == send) {
            return;
        }
        r.fullSend = send;
        int[] hidden = r.hidden;
        for (int level = Replica.PUBLIC; level <= Replica.OWNER; level++) {
            if (level > Replica.PUBLIC && hidden[level - 1] == hidden[level]) {
                r.fullStart[level] = r.fullStart[level - 1];
                r.fullEnd[level] = r.fullEnd[level - 1];
            } else {
                r.fullStart[level] = segments.position();
                EntityRecords.writeFull(r.entity, segments, hidden[level]);
                r.fullEnd[level] = segments.position();
            }
        }
    }

    private int level(Viewer<V> view, Replica r) {
        if (isOwner(view, r)) {
            return Replica.OWNER;
        }
        return r.team != 0 && r.team == view.team ? Replica.TEAM : Replica.PUBLIC;
    }

    private static int headerSize(Replica r) {
        return StateBuffer.varint32Size(r.id << 2);
    }

    private boolean visible(Viewer<V> view, Replica r) {
        boolean owner = isOwner(view, r);
        if (r.ownerOnly && !owner) {
            return false;
        }
        if (filter != null && !filter.canSee(view.key, r.entity, ownerOf(r))) {
            return false;
        }
        if (radiusSquared > 0 && r.placed && !owner) {
            if (!view.hasCenter) {
                return false;
            }
            float dx = r.x - view.centerX;
            float dy = r.y - view.centerY;
            return dx * dx + dy * dy <= radiusSquared;
        }
        return true;
    }

    private static float priority(Viewer<?> view, Replica r, boolean owner) {
        if (owner || !r.placed || !view.hasCenter) {
            return 0f;
        }
        float dx = r.x - view.centerX;
        float dy = r.y - view.centerY;
        return dx * dx + dy * dy;
    }

    private boolean isOwner(Viewer<V> view, Replica r) {
        return r.owner != null && (r.owner == view.key || r.owner.equals(view.key));
    }

    @SuppressWarnings("unchecked")
    private V ownerOf(Replica r) {
        return (V) r.owner;
    }

    private void reset(Viewer<V> view) {
        forget(view.slot);
        view.reset = true;
        view.typesSent = 0;
        view.inputAckSent = 0;
    }

    private void forget(int slot) {
        for (int i = 0; i < entityCount; i++) {
            entities[i].sync(slot, Replica.ABSENT);
        }
        for (int v = 0; v < viewerCount; v++) {
            if (viewerList[v].slot == slot) {
                viewerList[v].clearHeld();
            }
        }
    }

    private void dropDespawned() {
        int kept = 0;
        for (int i = 0; i < entityCount; i++) {
            Replica r = entities[i];
            if (r.despawned && !r.heldByAnyone()) {
                continue;
            }
            r.index = kept;
            entities[kept++] = r;
        }
        Arrays.fill(entities, kept, entityCount, null);
        entityCount = kept;
    }

    private void registerType(EntityState entity) {
        int typeId = entity.typeId();
        for (int t = 0; t < typeCount; t++) {
            if (typeIds[t] == typeId) {
                if (!typeNames[t].toStringUtf8().equals(entity.typeName())) {
                    throw new IllegalArgumentException("type_id " + typeId + " is both " + typeNames[t].toStringUtf8()
                            + " and " + entity.typeName());
                }
                return;
            }
        }
        if (typeCount == typeIds.length) {
            typeIds = Arrays.copyOf(typeIds, typeCount * 2);
            typeNames = Arrays.copyOf(typeNames, typeCount * 2);
        }
        typeIds[typeCount] = typeId;
        typeNames[typeCount] = ByteString.copyFromUtf8(entity.typeName());
        typeCount++;
    }

    private int freeSlot() {
        for (int i = 0; i < slotsUsed.length; i++) {
            if (!slotsUsed[i]) {
                slotsUsed[i] = true;
                return i;
            }
        }
        int slot = slotsUsed.length;
        slotsUsed = Arrays.copyOf(slotsUsed, slot * 2);
        slotsUsed[slot] = true;
        return slot;
    }

    private Viewer<V> view(V viewer) {
        Viewer<V> view = viewers.get(viewer);
        if (view == null) {
            throw new IllegalArgumentException("not a viewer: " + viewer);
        }
        return view;
    }

    private static Replica replica(EntityState entity) {
        Object replica = EntityRecords.replica(entity);
        if (!(replica instanceof Replica)) {
            throw new IllegalStateException("entity not spawned: " + entity.typeName());
        }
        return (Replica) replica;
    }

    @SuppressWarnings("unchecked")
    private static <V> Viewer<V>[] newViewers(int size) {
        return (Viewer<V>[]) new Viewer<?>[size];
    }
}
