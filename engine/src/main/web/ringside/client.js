// A small browser client for Ringside's wire envelope (ringside.v1, see /proto/ringside/v1/envelope.proto):
// connect, join/leave rooms, send and receive game messages, send inputs, mirror the room's replicated
// state (client.mirror, see mirror.js), list rooms, measure round-trip time, and reconnect after a
// dropped connection. It knows nothing of any game: games pass their own protobuf types (loaded from
// the same .proto files the server compiles) to send() and decode what 'game' hands them.
//
// Needs protobufjs loaded first (<script src="/vendor/protobufjs/protobuf.min.js">), which sets
// globalThis.protobuf. Part of the @ringside/client package (package.json, client.d.ts), which a
// RingsideServer with static resources serves under /ringside/.

import { StateMirror } from './mirror.js';

/**
 * Loads .proto files served by the Ringside server (paths under /proto/, e.g. 'arena.proto') into one
 * protobufjs Root, with the envelope (and the state messages it imports).
 */
export async function loadProtos(...files) {
  return createProtoRoot('/proto/').load(['ringside/v1/envelope.proto', ...files].map((f) => '/proto/' + f));
}

/**
 * An empty protobufjs Root that resolves imports as protoc does with `base` as its include path
 * (`import "ringside/v1/state.proto"` is `base` + that, from any file), and knows the parts of
 * google/protobuf/descriptor.proto that entity and field options extend without fetching it.
 */
export function createProtoRoot(base) {
    if (!protobuf.common.get(DESCRIPTOR_PROTO)) {
    protobuf.common(DESCRIPTOR_PROTO, DESCRIPTOR_STUB);
  }
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => (origin === '' ? target : base + target);
  return root;
}

const DESCRIPTOR_PROTO = 'google/protobuf/descriptor.proto';
// what `extend google.protobuf.MessageOptions / FieldOptions` needs to resolve; the options' values are
// read from the parsed .proto text (field.options), not decoded from descriptors
const EXTENSIBLE = { fields: {}, extensions: [[1000, 536870911]] };
const DESCRIPTOR_STUB = {
  nested: { google: { nested: { protobuf: { nested: { MessageOptions: EXTENSIBLE, FieldOptions: EXTENSIBLE } } } } },
};

/** The WebSocket URL of the server that served this page: ws(s)://host/ws. */
export function defaultUrl(path = '/ws') {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}

/** Close code of a connection whose seat another connection took over (envelope.proto): never rejoin after it. */
export const CLOSE_SEAT_TAKEN_OVER = 4000;

/** Most seat reservations one join follows (a node never sends more than one). */
const MAX_HOPS = 3;

/**
 * One connection to a Ringside server. Events (subscribe with on(name, fn)):
 *   open                          the socket is open (also after each automatic reconnect)
 *   joined(Joined, {resumed, reconnected})
 *                                 seated in a room. resumed: the same seat as before the drop (same
 *                                 session_id, the room kept its state), taken back with the reconnect
 *                                 token; reconnected: this Joined follows an automatic or asked-for
 *                                 reconnect, so resumed false with reconnected true means "joined afresh
 *                                 after a drop" (new session: whatever the old seat had is gone)
 *   resumed(Joined)               after joined, when resumed is true
 *   resumeRejected(Error)         the server refused the token (RECONNECT_REJECTED: grace over, token
 *                                 used; or ROOM_NOT_FOUND); a plain join by what was joined last follows,
 *                                 no 'error' is emitted for it
 *   left(Left), game(type, payloadBytes), error(Error), roomList(RoomList), rtt(ms)
 *   state(mirror, StatePatch)     a replicated-state patch was applied to client.mirror (a StateMirror:
 *                                 entities by type, their callbacks, the input ack); the mirror is
 *                                 emptied when the room is left or another is joined
 *   stateError(Error)             a patch did not fit the mirror (a .proto the page lacks, a corrupt
 *                                 patch): the mirror keeps what it had and waits for a reset, which the
 *                                 server sends on every join; client.reconnect() gets one
 *   close({code, reason, reconnecting, takenOver})
 *                                 reconnecting: a reconnect is scheduled (with backoff); takenOver: closed
 *                                 with CLOSE_SEAT_TAKEN_OVER, the seat lives on in another tab or
 *                                 connection: a final state, no reconnect
 *
 * Several nodes (cluster mode): a node may answer a join with a seat reservation on another node. The
 * client then closes its socket quietly (no 'close', no 'open'), connects to that node (client.url
 * changes to it) and sends the same join there with the reservation's token; the page sees one
 * 'joined'. If that node cannot be reached, 'error' reports NODE_UNAVAILABLE and client.url goes back
 * to the node first used.
 *
 * Reconnects: the room type may hold a dropped player's seat for a grace; then every Joined carries a
 * single-use reconnect token (a new one each time). After a drop this client connects again and, if the
 * last Joined had a token, joins by room_id presenting it; if refused, it joins by type as before the drop.
 */
export class RingsideClient {
  constructor(root, { url, pingIntervalMs = 1000, reconnectAttempts = 5, WebSocket: socketType } = {}) {
    this.url = url ?? defaultUrl();
    this.WebSocket = socketType ?? globalThis.WebSocket;
    this.pingIntervalMs = pingIntervalMs;
    this.reconnectAttempts = reconnectAttempts;
    this.ClientEnvelope = root.lookupType('ringside.v1.ClientEnvelope');
    this.ServerEnvelope = root.lookupType('ringside.v1.ServerEnvelope');
    this.LeaveReason = root.lookupEnum('ringside.v1.LeaveReason');
    this.ErrorCode = root.lookupEnum('ringside.v1.ErrorCode');
    this.handlers = new Map();
    this.mirror = new StateMirror(root);
    this.socket = null;
    this.rttMs = NaN;
    this.bytesReceived = 0; // WebSocket payload bytes received over the client's life (for bandwidth figures)
    this.room = null;        // the last Joined, while in a room
    this.lastJoin = null;    // what to join again after a reconnect
    this.seat = null;        // {roomId, token} of the last Joined that carried a reconnect token
    this.resuming = false;   // a join presenting seat.token is in flight
    this.reconnected = false; // the next Joined follows a reconnect
    this.attempt = 0;
    this.closedByUser = false;
    this.sentJoin = null;    // the join body last sent, for a seat reservation to send again elsewhere
    this.hops = 0;           // seat reservations followed for that join
  }

  on(event, handler) {
    if (!this.handlers.has(event)) {
      this.handlers.set(event, []);
    }
    this.handlers.get(event).push(handler);
    return this;
  }

  emit(event, ...args) {
    for (const handler of this.handlers.get(event) ?? []) {
      handler(...args);
    }
  }

  get connected() {
    return this.socket?.readyState === this.WebSocket.OPEN;
  }

  /** Opens the connection; resolves when it is open, rejects if it closes first. */
  connect(emitOpen = true) {
    this.closedByUser = false;
    return new Promise((resolve, reject) => {
      // the server echoes ringside.v1; a browser fails the connection if a server it offered one to does not
      const socket = new this.WebSocket(this.url, 'ringside.v1');
      socket.binaryType = 'arraybuffer';
      this.socket = socket;
      socket.onopen = () => {
        this.attempt = 0;
        this.startPinging();
        if (emitOpen) {
          this.emit('open');
        }
        resolve(this);
      };
      socket.onmessage = (event) => this.receive(new Uint8Array(event.data));
      socket.onclose = (event) => {
        reject(new Error(`connection closed: ${event.code} ${event.reason}`));
        this.closed(event.code, event.reason);
      };
    });
  }

  /** Joins a room: {roomType} (join-or-create), {roomType, createPrivate: true}, or {roomId}; plus options. */
  join({ roomType, roomId, createPrivate = false, options = {}, authToken = '' }) {
    this.lastJoin = { roomType, roomId, createPrivate, options, authToken };
    const join = roomId ? { roomId } : { roomType, createPrivate };
    this.writeJoin({ ...join, options, authToken });
  }

  writeJoin(join) {
    this.sentJoin = join;
    this.hops = 0;
    this.write({ join });
  }

  /** Leaves the current room; answered by a 'left' event with reason LEFT. */
  leave() {
    this.lastJoin = null;
    this.seat = null;
    this.write({ leave: {} });
  }

  /** Sends game message number `type`: `object` encoded as protobufjs type `messageType`. */
  send(type, messageType, object) {
    this.write({ game: { type, payload: messageType.encode(messageType.fromObject(object)).finish() } });
  }

  /**
   * Sends one input for client-side prediction: `object` encoded as the room's input type
   * `messageType`, numbered `seq` (1, 2, 3, ...: an InputSequencer's). Its seq comes back as
   * client.mirror.inputAck once the room consumed it.
   */
  sendInput(seq, messageType, object) {
    this.write({ input: { seq, payload: messageType.encode(messageType.fromObject(object)).finish() } });
  }

  /** Asks for the public rooms of a type; answered by a 'roomList' event. */
  listRooms(roomType) {
    this.write({ listRooms: { roomType } });
  }

  /** Closes for good (no reconnect). */
  close() {
    this.closedByUser = true;
    this.lastJoin = null;
    this.seat = null;
    this.socket?.close(1000, 'bye');
  }

  /**
   * Connects again after a drop and takes the old seat back with its reconnect token if there is one,
   * else (or when the token is refused) re-joins what was joined last (by type: the old room may be gone).
   */
  async reconnect() {
    await this.connect();
    this.reconnected = true;
    const seat = this.seat;
    if (seat) {
      this.resuming = true;
      const authToken = this.lastJoin?.authToken ?? '';
      this.writeJoin({ roomId: seat.roomId, reconnectToken: seat.token, authToken });
    } else {
      this.joinAfresh();
    }
  }

  joinAfresh() {
    const join = this.lastJoin;
    if (join) {
      this.join(join.roomType ? { ...join, roomId: undefined } : join);
    } else {
      this.reconnected = false;
    }
  }

  write(body) {
    if (this.connected) {
      this.socket.send(this.ClientEnvelope.encode(this.ClientEnvelope.fromObject(body)).finish());
    }
  }

  receive(bytes) {
    this.bytesReceived += bytes.length;
    const envelope = this.ServerEnvelope.decode(bytes);
    switch (envelope.body) {
      case 'game':
        this.emit('game', envelope.game.type, envelope.game.payload);
        break;
      case 'joined':
        this.seated(envelope.joined);
        break;
      case 'left':
        this.room = null;
        this.seat = null;
        this.mirror.clear();
        this.emit('left', envelope.left);
        break;
      case 'state':
        this.applyState(envelope.state);
        break;
      case 'pong':
        this.rttMs = performance.now() - Number(envelope.pong.clientTime) / 1000;
        this.emit('rtt', this.rttMs);
        break;
      case 'error':
        this.failed(envelope.error);
        break;
      case 'roomList':
        this.emit('roomList', envelope.roomList);
        break;
      case 'seatReservation':
        this.follow(envelope.seatReservation);
        break;
      default:
        break;
    }
  }

  applyState(patch) {
    let applied;
    try {
      applied = this.mirror.apply(patch);
    } catch (error) {
      this.emit('stateError', error);
      return;
    }
    if (applied) {
      this.emit('state', this.mirror, patch);
    }
  }

  seated(joined) {
    const resumed = this.resuming;
    const reconnected = this.reconnected;
    this.resuming = false;
    this.reconnected = false;
    this.room = joined;
    this.mirror.clear(); // a new room, or the same one after a drop: its first patch rebuilds the view
    // the token rotates with every Joined: only the newest one takes the seat back
    this.seat = joined.reconnectToken ? { roomId: joined.roomId, token: joined.reconnectToken } : null;
    this.emit('joined', joined, { resumed, reconnected });
    if (resumed) {
      this.emit('resumed', joined);
    }
  }

  failed(error) {
    const refused = error.code === this.ErrorCode.values.ERROR_CODE_RECONNECT_REJECTED
      || error.code === this.ErrorCode.values.ERROR_CODE_ROOM_NOT_FOUND;
    if (this.resuming && refused) {
      this.resuming = false;
      this.seat = null;
      this.emit('resumeRejected', error);
      this.joinAfresh();
      return;
    }
    this.resuming = false;
    this.emit('error', error);
  }

  /** Goes to the node a seat reservation names and sends the pending join there with its token. */
  follow(reservation) {
    const sent = this.sentJoin;
    if (!sent || this.hops >= MAX_HOPS) {
      this.failed({ code: this.ErrorCode.values.ERROR_CODE_NODE_UNAVAILABLE, message: 'too many seat reservation hops' });
      return;
    }
    const hops = this.hops + 1;
    let join = sent;
    if (!reservation.reconnect) {
      join = { ...sent, seatToken: reservation.seatToken };
      if (reservation.roomId) {
        delete join.roomType;
        delete join.createPrivate;
        join.roomId = reservation.roomId;
      } else if (reservation.roomType) {
        // a new room there: also after a hop to a room that had no seat left
        delete join.roomId;
        join.roomType = reservation.roomType;
      }
    }
    const old = this.socket;
    old.onclose = null; // leaving it is part of the join: no 'close' event, no reconnect
    old.onmessage = null;
    clearInterval(this.pinger);
    old.close(1000, 'following a seat reservation');
    const previousUrl = this.url;
    this.url = reservation.address;
    this.connect(false).then(() => {
      this.sentJoin = join;
      this.hops = hops;
      this.write({ join });
    }, (error) => {
      this.url = previousUrl;
      this.failed({ code: this.ErrorCode.values.ERROR_CODE_NODE_UNAVAILABLE,
        message: `node at ${reservation.address} is unreachable: ${error.message}` });
    });
  }

  startPinging() {
    clearInterval(this.pinger);
    const ping = () => this.write({ ping: { clientTime: Math.round(performance.now() * 1000) } });
    ping();
    this.pinger = setInterval(ping, this.pingIntervalMs);
  }

  closed(code, reason) {
    clearInterval(this.pinger);
    this.room = null;
    this.resuming = false;
    const takenOver = code === CLOSE_SEAT_TAKEN_OVER;
    if (takenOver) {
      this.seat = null; // it lives on elsewhere; taking it back would only close that connection
    }
    // 1000 by us, or 1001 server going away: no point hammering it; the page offers a button instead
    const reconnecting = !this.closedByUser && !takenOver && code !== 1001 && this.attempt < this.reconnectAttempts;
    this.emit('close', { code, reason, reconnecting, takenOver });
    if (reconnecting) {
      const delayMs = Math.min(5000, 500 * 2 ** this.attempt++);
      setTimeout(() => this.reconnect().catch(() => {}), delayMs);
    }
  }

  /** A readable name for a LeaveReason or ErrorCode number. */
  leaveReasonName(reason) {
    return (this.LeaveReason.valuesById[reason] ?? String(reason)).replace('LEAVE_REASON_', '');
  }

  errorCodeName(code) {
    return (this.ErrorCode.valuesById[code] ?? String(code)).replace('ERROR_CODE_', '');
  }
}
