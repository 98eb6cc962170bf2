// Types of mirror.js: the client's mirror of a room's replicated state (ringside/v1/state.proto).

import type { Root, Type } from 'protobufjs';

/**
 * An entity as the mirror holds it: the entity message's fields by their protobufjs (camelCase) names.
 * int32/uint32/enum/quantized/float/double fields are numbers, int64/uint64 kinds BigInt, bool,
 * string, bytes as Uint8Array. Declare your own shape: `mirror.entities<Fighter>('game.Fighter')`.
 */
export type Entity = Record<string, number | bigint | boolean | string | Uint8Array>;

/** What onPatch reports after each applied patch. */
export interface PatchInfo {
  /** the server tick the state was taken at */
  tick: number;
  /** seq of the last input of this client the room consumed (0: none yet) */
  inputAck: number;
  /** the mirror was emptied and rebuilt by this patch (a join or a reconnect) */
  reset: boolean;
  /** entities the server's byte budget held back to later patches */
  deferred: number;
}

/** A decoded ringside.v1.StatePatch, or a plain object with its fields. */
export interface StatePatch {
  tick?: number | { low: number; high: number };
  inputAck?: number;
  reset?: boolean;
  types?: Array<{ typeId: number; name: string }>;
  records?: Uint8Array;
  deferred?: number;
}

/** A type by full name ('game.Fighter') or its protobufjs Type. */
export type EntityTypeRef = string | Type;

/** Stops a subscription. */
export type Unsubscribe = () => void;

export class StateMirror {
  /** `root` must know the game's entity types (loadProtos() with the game's .proto). */
  constructor(root: Root);

  /** the tick of the last applied patch */
  readonly tick: number;
  /** seq of the last input the room consumed: what Predictor.reconcile() takes as its ack */
  readonly inputAck: number;
  readonly deferred: number;
  /** patches applied */
  readonly patches: number;
  /** the error that broke the patch chain; until a reset patch, patches are skipped */
  readonly failure: Error | null;
  /** patches skipped while broken */
  readonly skipped: number;
  /** entities held */
  readonly size: number;

  /** The live Map(id -> entity) of one type. */
  entities<E extends object = Entity>(type: EntityTypeRef): Map<number, E>;
  /** The entity with this id, or undefined. */
  get<E extends object = Entity>(id: number): E | undefined;
  /** The type name of the entity with this id, or undefined. */
  typeOf(id: number): string | undefined;

  onAdd<E extends object = Entity>(fn: (entity: E, id: number, type: string) => void): Unsubscribe;
  onAdd<E extends object = Entity>(type: EntityTypeRef, fn: (entity: E, id: number, type: string) => void): Unsubscribe;
  /** `fields`: the names of the fields whose value changed, extrapolation included. */
  onChange<E extends object = Entity>(fn: (entity: E, fields: string[], id: number, type: string) => void): Unsubscribe;
  onChange<E extends object = Entity>(type: EntityTypeRef,
    fn: (entity: E, fields: string[], id: number, type: string) => void): Unsubscribe;
  onRemove<E extends object = Entity>(fn: (entity: E, id: number, type: string) => void): Unsubscribe;
  onRemove<E extends object = Entity>(type: EntityTypeRef, fn: (entity: E, id: number, type: string) => void): Unsubscribe;
  onPatch(fn: (patch: PatchInfo, mirror: StateMirror) => void): Unsubscribe;

  /**
   * Applies one patch; false if skipped (broken, waiting for a reset). Throws on a patch that does not
   * fit (unknown id or type, truncated records) and marks the mirror broken.
   */
  apply(patch: StatePatch): boolean;
  /** Removes every entity (onRemove each), forgets the type table and the input ack. */
  clear(): void;
}
