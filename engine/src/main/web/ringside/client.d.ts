// Types of client.js, the browser client for the ringside.v1 envelope (protocol/src/main/proto/ringside/v1/envelope.proto).
// Messages are protobufjs message instances decoded from that .proto; their fields are camelCase.

import type { Enum, Root, Type } from 'protobufjs';
import type { StateMirror, StatePatch } from './mirror.js';

export { StateMirror } from './mirror.js';

/** Loads envelope.proto and the game's .proto files (paths under /proto/, e.g. 'arena.proto') into one Root. */
export function loadProtos(...files: string[]): Promise<Root>;

/**
 * An empty Root that resolves imports against `base` as protoc's include path does (e.g. '/proto/'),
 * and knows what state.proto needs of google/protobuf/descriptor.proto without fetching it.
 */
export function createProtoRoot(base: string): Root;

/** ws(s)://<this page's host><path>, default path '/ws'. */
export function defaultUrl(path?: string): string;

/** Close code of a connection whose seat another connection took over: never rejoin after it. */
export const CLOSE_SEAT_TAKEN_OVER: 4000;

/** A ringside.v1.Joined. */
export interface Joined {
  sessionId: string;
  roomId: string;
  roomType: string;
  tickRateHz: number;
  currentTick: number | Long;
  reconnectToken: string;
}

/** A ringside.v1.Left; reason is a LeaveReason number (leaveReasonName() reads it). */
export interface Left {
  reason: number;
  message: string;
}

/** A ringside.v1.Error; code is an ErrorCode number (errorCodeName() reads it). */
export interface ServerError {
  code: number;
  message: string;
}

/** A ringside.v1.RoomList. */
export interface RoomList {
  roomType: string;
  rooms: Array<{ roomId: string; roomType: string; players: number; capacity: number; label: string }>;
}

/** Minimal 64-bit integer as protobufjs decodes it without long.js configuration. */
export interface Long {
  low: number;
  high: number;
  unsigned: boolean;
  toNumber(): number;
}

export interface JoinOptions {
  /** join-or-create by type (or, with createPrivate, create a private room of it) */
  roomType?: string;
  /** join this room by id */
  roomId?: string;
  createPrivate?: boolean;
  /** what the room's onJoinAttempt sees */
  options?: Record<string, string>;
  authToken?: string;
}

export interface ClientOptions {
  /** default defaultUrl() */
  url?: string;
  /** default 1000 */
  pingIntervalMs?: number;
  /** automatic reconnects after a drop, with backoff; default 5 (0: none) */
  reconnectAttempts?: number;
  /** the WebSocket constructor; default globalThis.WebSocket (pass one in Node < 22) */
  WebSocket?: WebSocketConstructor;
}

/** What the client needs of a WebSocket implementation (the browser's, Node 22's, or the ws package's). */
export interface WebSocketConstructor {
  new (url: string): WebSocketLike;
  readonly OPEN: number;
}

export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
}

export interface JoinedInfo {
  /** the same seat as before a drop, taken back with the reconnect token */
  resumed: boolean;
  /** this Joined follows a reconnect (resumed false: joined afresh, the old seat is gone) */
  reconnected: boolean;
}

export interface CloseInfo {
  code: number;
  reason: string;
  /** a reconnect is scheduled */
  reconnecting: boolean;
  /** closed with CLOSE_SEAT_TAKEN_OVER: final, no reconnect */
  takenOver: boolean;
}

export interface ClientEvents {
  open: () => void;
  joined: (joined: Joined, info: JoinedInfo) => void;
  resumed: (joined: Joined) => void;
  resumeRejected: (error: ServerError) => void;
  left: (left: Left) => void;
  /** a game message: its type number and the payload, to decode with the game's protobufjs type */
  game: (type: number, payload: Uint8Array) => void;
  error: (error: ServerError) => void;
  roomList: (list: RoomList) => void;
  rtt: (ms: number) => void;
  close: (info: CloseInfo) => void;
  /** a state patch was applied to client.mirror */
  state: (mirror: StateMirror, patch: StatePatch) => void;
  /** a state patch did not fit the mirror; it waits for a reset (client.reconnect() gets one) */
  stateError: (error: Error) => void;
}

/** One connection to a Ringside server: rooms, game messages, RTT, automatic reconnects. */
export class RingsideClient {
  constructor(root: Root, options?: ClientOptions);

  /**
   * the server connected to: the one given, or (cluster mode) the node a seat reservation sent a join to;
   * a join answered with a reservation is followed there on its own and seen as one 'joined'
   */
  readonly url: string;
  /** the last round-trip time in ms (NaN before the first pong) */
  readonly rttMs: number;
  /** WebSocket payload bytes received since the client was made, over every connection (for a bandwidth figure) */
  readonly bytesReceived: number;
  /** the last Joined while in a room, else null */
  readonly room: Joined | null;
  readonly connected: boolean;
  /** the room's replicated state as this client sees it; emptied on leave and on each join */
  readonly mirror: StateMirror;
  readonly ClientEnvelope: Type;
  readonly ServerEnvelope: Type;
  readonly LeaveReason: Enum;
  readonly ErrorCode: Enum;

  on<E extends keyof ClientEvents>(event: E, handler: ClientEvents[E]): this;
  emit<E extends keyof ClientEvents>(event: E, ...args: Parameters<ClientEvents[E]>): void;

  /** Opens the connection; resolves when open, rejects if it closes first. `emitOpen` false: no 'open' event. */
  connect(emitOpen?: boolean): Promise<this>;
  join(options: JoinOptions): void;
  leave(): void;
  /** Sends game message number `type`: `object` encoded as `messageType`. */
  send(type: number, messageType: Type, object: object): void;
  /** Sends input `seq` (1, 2, 3, ...) for prediction: `object` encoded as the room's input type. */
  sendInput(seq: number, messageType: Type, object: object): void;
  listRooms(roomType: string): void;
  /** Closes for good (no reconnect). */
  close(): void;
  /** Connects again and takes the seat back with its token, else joins what was joined last. */
  reconnect(): Promise<void>;

  leaveReasonName(reason: number): string;
  errorCodeName(code: number): string;
}
