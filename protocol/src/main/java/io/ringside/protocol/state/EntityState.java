package io.ringside.protocol.state;

/**
 * The server-side state of one replicated entity: the base of the classes generated from entity
 * types declared in a game's {@code .proto} (messages with {@code option (ringside.v1.entity)}).
 *
 * <p>A generated class holds each field's current value (room code sets it through typed
 * setters) and the value last replicated (the canonical chain of {@code ringside/v1/state.proto});
 * change tracking is a comparison of the two at each send, so setters cost a store and nothing
 * else. Numbers declared with a {@code scale} are held quantized, and their getters return what
 * every client sees.
 *
 * <p>Tick thread of the owning room only.
 */
public abstract class EntityState {
    Object replica;

    /** For generated subclasses. */
    protected EntityState() {
    }

    /** The entity type's wire number ({@code (ringside.v1.entity).type_id}). */
    public abstract int typeId();

    /** The protobuf full name of the entity type, e.g. {@code "game.Fighter"}. */
    public abstract String typeName();

    /** Whether the entity type is declared {@code owner_only}: only its owner sees it. */
    protected abstract boolean ownerOnlyEntity();

    /** The number of fields of the entity type (field indexes 0 to count - 1). */
    protected abstract int fieldCount();

    /**
     * The fields whose next delta is not empty: bit i set when field index i differs from the
     * value last replicated (LINEAR fields: from its extrapolation).
     */
    protected abstract int changedMask();

    /** Whether a LINEAR field has a non-zero step, so that the replicated value moves by extrapolation. */
    protected abstract boolean moving();

    /** Writes the delta values of the fields in {@code mask}, ascending field index (no mask). */
    protected abstract void writeChanges(StateBuffer out, int mask);

    /** Makes the current values the replicated ones (and LINEAR steps the last change). */
    protected abstract void advance();

    /**
     * Makes the current values the replicated ones with every LINEAR step 0: the first state of a
     * newly spawned entity, which no client has a baseline of.
     */
    protected abstract void prime();

    /** The fields declared {@code owner_only}. */
    protected abstract int ownerOnlyMask();

    /** The fields declared {@code team_only} (and not {@code owner_only}). */
    protected abstract int teamOnlyMask();

    /** The fields whose replicated value (or LINEAR step) is not the default. */
    protected abstract int nonDefaultMask();

    /** Writes the full values (and LINEAR steps) of the replicated state for {@code mask} (no mask). */
    protected abstract void writeFull(StateBuffer out, int mask);
}
