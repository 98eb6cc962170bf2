// A small browser client for Ringside's wire envelope (ringside.v1, see /proto/ringside/v1/envelope.proto):
// connect, join/leave rooms, send and receive game messages, list rooms, measure round-trip time, and
// reconnect after a dropped connection. It knows nothing of any game: games pass their own protobuf
// types (loaded from the same .proto files the server compiles) to send() and decode what 'game' hands them.
//
// Needs protobufjs loaded first (<script src="/vendor/protobufjs/protobuf.min.js">), which sets window.protobuf.

const protobuf = globalThis.protobuf;

/** Loads .proto files served by the Ringside server (paths under /proto/) into one protobufjs Root. */
export async function loadProtos(...files) {
  return protobuf.load(['/proto/ringside/v1/envelope.proto', ...files.map((f) => '/proto/' + f)]);
}

/** The WebSocket URL of the server that served this page: ws(s)://host/ws. */
export function defaultUrl(path = '/ws') {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}`;
}

/**
 * One connection to a Ringside server. Events (subscribe with on(name, fn)):
 *   open, joined(Joined), left(Left), game(type, payloadBytes), error(Error), roomList(RoomList),
 *   rtt(ms), close({code, reason, reconnecting}).
 */
export class RingsideClient {
  constructor(root, { url = defaultUrl(), pingIntervalMs = 1000, reconnectAttempts = 5 } = {}) {
    this.url = url;
    this.pingIntervalMs = pingIntervalMs;
    this.reconnectAttempts = reconnectAttempts;
    this.ClientEnvelope = root.lookupType('ringside.v1.ClientEnvelope');
    this.ServerEnvelope = root.lookupType('ringside.v1.ServerEnvelope');
    this.LeaveReason = root.lookupEnum('ringside.v1.LeaveReason');
    this.ErrorCode = root.lookupEnum('ringside.v1.ErrorCode');
    this.handlers = new Map();
    this.socket = null;
    this.rttMs = NaN;
    this.room = null;        // the last Joined, while in a room
    this.lastJoin = null;    // what to join again after a reconnect
    this.attempt = 0;
    this.closedByUser = false;
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
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Opens the connection; resolves when it is open, rejects if it closes first. */
  connect() {
    this.closedByUser = false;
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url);
      socket.binaryType = 'arraybuffer';
      this.socket = socket;
      socket.onopen = () => {
        this.attempt = 0;
        this.startPinging();
        this.emit('open');
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
    this.write({ join: { ...join, options, authToken } });
  }

  /** Leaves the current room; answered by a 'left' event with reason LEFT. */
  leave() {
    this.lastJoin = null;
    this.write({ leave: {} });
  }

  /** Sends game message number `type`: `object` encoded as protobufjs type `messageType`. */
  send(type, messageType, object) {
    this.write({ game: { type, payload: messageType.encode(messageType.fromObject(object)).finish() } });
  }

  /** Asks for the public rooms of a type; answered by a 'roomList' event. */
  listRooms(roomType) {
    this.write({ listRooms: { roomType } });
  }

  /** Closes for good (no reconnect). */
  close() {
    this.closedByUser = true;
    this.lastJoin = null;
    this.socket?.close(1000, 'bye');
  }

  /** Connects again after a drop and re-joins what was joined last (by type: the old room may be gone). */
  async reconnect() {
    const join = this.lastJoin;
    await this.connect();
    if (join) {
      this.join(join.roomType ? { ...join, roomId: undefined } : join);
    }
  }

  write(body) {
    if (this.connected) {
      this.socket.send(this.ClientEnvelope.encode(this.ClientEnvelope.fromObject(body)).finish());
    }
  }

  receive(bytes) {
    const envelope = this.ServerEnvelope.decode(bytes);
    switch (envelope.body) {
      case 'game':
        this.emit('game', envelope.game.type, envelope.game.payload);
        break;
      case 'joined':
        this.room = envelope.joined;
        this.emit('joined', envelope.joined);
        break;
      case 'left':
        this.room = null;
        this.emit('left', envelope.left);
        break;
      case 'pong':
        this.rttMs = performance.now() - Number(envelope.pong.clientTime) / 1000;
        this.emit('rtt', this.rttMs);
        break;
      case 'error':
        this.emit('error', envelope.error);
        break;
      case 'roomList':
        this.emit('roomList', envelope.roomList);
        break;
      default:
        break;
    }
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
    // 1000 by us, or 1001 server going away: no point hammering it; the page offers a button instead
    const reconnecting = !this.closedByUser && code !== 1001 && this.attempt < this.reconnectAttempts;
    this.emit('close', { code, reason, reconnecting });
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
