import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { FakeWebSocket, TEST_ENTITIES_PROTO, loadRoot } from './support.js';
import { ENTER, RecordWriter } from './records.js';
import { CLOSE_SEAT_TAKEN_OVER, RingsideClient } from '../../main/web/ringside/client.js';

const root = loadRoot(TEST_ENTITIES_PROTO);
const ClientEnvelope = root.lookupType('ringside.v1.ClientEnvelope');
const ServerEnvelope = root.lookupType('ringside.v1.ServerEnvelope');
const ErrorCode = root.lookupEnum('ringside.v1.ErrorCode').values;

const sentBy = (socket) => socket.sent.map((bytes) => ClientEnvelope.toObject(ClientEnvelope.decode(bytes),
  { longs: Number, defaults: false }));
const bodies = (socket) => sentBy(socket).filter((e) => !e.ping);
const serverSends = (socket, body) => socket.receive(ServerEnvelope.encode(ServerEnvelope.fromObject(body)).finish());

describe('RingsideClient', () => {
  let client;
  let events;

  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    FakeWebSocket.reset();
    events = [];
    client = new RingsideClient(root, { url: 'ws://test/ws', WebSocket: FakeWebSocket });
    for (const name of ['open', 'joined', 'resumed', 'resumeRejected', 'left', 'game', 'error', 'roomList', 'close',
      'state', 'stateError']) {
      client.on(name, (...args) => events.push([name, ...args]));
    }
  });

  afterEach(() => {
    client.close();
    mock.timers.reset();
  });

  async function connected() {
    const opening = client.connect();
    FakeWebSocket.last.open();
    await opening;
    return FakeWebSocket.last;
  }

  it('should send a join by type with its options when joining', async () => {
    // given
    const socket = await connected();

    // when
    client.join({ roomType: 'arena', options: { name: 'ada' } });

    // then
    assert.equal(socket.url, 'ws://test/ws');
    assert.equal(socket.binaryType, 'arraybuffer');
    assert.deepEqual(bodies(socket),
      [{ join: { roomType: 'arena', createPrivate: false, options: { name: 'ada' }, authToken: '' } }]);
  });

  it('should hand game messages over by type with their payload bytes', async () => {
    // given
    const socket = await connected();

    // when
    serverSends(socket, { game: { type: 7, payload: Uint8Array.of(1, 2, 3) } });

    // then
    const [name, type, payload] = events.find((e) => e[0] === 'game');
    assert.equal(name, 'game');
    assert.equal(type, 7);
    assert.deepEqual([...payload], [1, 2, 3]);
  });

  it('should encode game messages with the given protobufjs type when sending', async () => {
    // given
    const socket = await connected();
    const Ping = root.lookupType('ringside.v1.Ping');

    // when
    client.send(9, Ping, { clientTime: 42 });

    // then
    const game = bodies(socket)[0].game;
    assert.equal(game.type, 9);
    assert.equal(Number(Ping.decode(game.payload).clientTime), 42);
  });

  it('should ping at once and every interval and measure the round trip from the pong', async () => {
    // given
    const socket = await connected();
    const pings = () => sentBy(socket).filter((e) => e.ping).length;
    const first = sentBy(socket).find((e) => e.ping).ping.clientTime;

    // when
    mock.timers.tick(1000);
    serverSends(socket, { pong: { clientTime: first } });

    // then
    assert.equal(pings(), 2);
    assert.ok(client.rttMs >= 0, `rtt ${client.rttMs}`);
  });

  it('should take the seat back with its newest token after a drop', async () => {
    // given
    const socket = await connected();
    client.join({ roomType: 'arena', authToken: 'secret' });
    serverSends(socket, { joined: { sessionId: 's1', roomId: 'r1', roomType: 'arena', reconnectToken: 'old' } });
    serverSends(socket, { joined: { sessionId: 's1', roomId: 'r1', roomType: 'arena', reconnectToken: 'new' } });

    // when
    socket.drop(1006);
    mock.timers.tick(500);
    const again = FakeWebSocket.last;
    again.open();
    await Promise.resolve();
    serverSends(again, { joined: { sessionId: 's1', roomId: 'r1', roomType: 'arena', reconnectToken: 'newer' } });

    // then
    assert.notEqual(again, socket);
    assert.deepEqual(bodies(again), [{ join: { roomId: 'r1', reconnectToken: 'new', authToken: 'secret' } }]);
    assert.deepEqual(events.find((e) => e[0] === 'close')[1], { code: 1006, reason: '', reconnecting: true, takenOver: false });
    const joined = events.filter((e) => e[0] === 'joined');
    assert.deepEqual(joined.at(-1)[2], { resumed: true, reconnected: true });
    assert.equal(events.filter((e) => e[0] === 'resumed').length, 1);
    assert.equal(client.room.reconnectToken, 'newer');
  });

  it('should join afresh by type when the server refuses the token', async () => {
    // given
    const socket = await connected();
    client.join({ roomType: 'arena', options: { name: 'ada' } });
    serverSends(socket, { joined: { sessionId: 's1', roomId: 'r1', roomType: 'arena', reconnectToken: 't' } });
    socket.drop(1006);
    mock.timers.tick(500);
    const again = FakeWebSocket.last;
    again.open();
    await Promise.resolve();

    // when
    serverSends(again, { error: { code: ErrorCode.ERROR_CODE_RECONNECT_REJECTED, message: 'too late' } });
    serverSends(again, { joined: { sessionId: 's2', roomId: 'r2', roomType: 'arena' } });

    // then
    assert.deepEqual(bodies(again).at(-1),
      { join: { roomType: 'arena', createPrivate: false, options: { name: 'ada' }, authToken: '' } });
    assert.equal(events.filter((e) => e[0] === 'resumeRejected').length, 1);
    assert.equal(events.filter((e) => e[0] === 'error').length, 0);
    assert.deepEqual(events.filter((e) => e[0] === 'joined').at(-1)[2], { resumed: false, reconnected: true });
  });

  it('should not reconnect when the seat was taken over or the server went away', async () => {
    for (const code of [CLOSE_SEAT_TAKEN_OVER, 1001]) {
      // given
      FakeWebSocket.reset();
      events.length = 0;
      const socket = await connected();

      // when
      socket.drop(code, 'bye');
      mock.timers.tick(10_000);

      // then
      assert.equal(FakeWebSocket.all.length, 1, `close ${code}`);
      assert.deepEqual(events.find((e) => e[0] === 'close')[1],
        { code, reason: 'bye', reconnecting: false, takenOver: code === CLOSE_SEAT_TAKEN_OVER });
    }
  });

  it('should give up after the configured number of reconnect attempts', async () => {
    // given
    client = new RingsideClient(root, { url: 'ws://test/ws', WebSocket: FakeWebSocket, reconnectAttempts: 2 });
    const closes = [];
    client.on('close', (info) => closes.push(info.reconnecting));
    (await connected()).drop(1006);

    // when
    for (let i = 0; i < 5; i++) {
      mock.timers.tick(5000);
      FakeWebSocket.last.drop(1006);
    }

    // then
    assert.equal(FakeWebSocket.all.length, 3);
    assert.deepEqual(closes.slice(0, 3), [true, true, false]);
  });

  const FIGHTER = 'ringside.test.Fighter';
  const fighterEnters = (id, health) => new RecordWriter().header(id, ENTER).varint(1).varint(1 << 3).zz32(health).finish();
  const statePatch = (patch) => ({ state: { types: [{ typeId: 1, name: FIGHTER }], reset: true, ...patch } });

  it('should apply state patches from the envelope to its mirror, an ack-only one too', async () => {
    // given
    const socket = await connected();
    const added = [];
    client.mirror.onAdd(FIGHTER, (fighter, id) => added.push([id, fighter.health]));

    // when
    serverSends(socket, statePatch({ tick: 600, inputAck: 4, records: fighterEnters(2, 75) }));

    serverSends(socket, { state: { tick: 601, inputAck: 5 } });

    // then
    assert.deepEqual(added, [[2, 75]]);
    assert.equal(events.filter((e) => e[0] === 'stateError').length, 0);
    assert.equal(client.mirror.tick, 601);
    assert.equal(client.mirror.inputAck, 5);
    const [, mirror, patch] = events.find((e) => e[0] === 'state');
    assert.equal(mirror, client.mirror);
    assert.equal(patch.inputAck, 4);
  });

  it('should empty the mirror when leaving the room and when joining one', async () => {
    // given
    const socket = await connected();
    const removed = [];
    client.mirror.onRemove((fighter, id) => removed.push(id));
    serverSends(socket, statePatch({ records: fighterEnters(1, 10) }));

    // when
    serverSends(socket, { left: { reason: 1 } });
    serverSends(socket, statePatch({ records: fighterEnters(5, 10) }));
    serverSends(socket, { joined: { sessionId: 's', roomId: 'r', roomType: 'arena' } });

    // then
    assert.deepEqual(removed, [1, 5]);
    assert.equal(client.mirror.size, 0);
  });

  it('should report a patch that does not fit and skip patches until a reset', async () => {
    // given
    const socket = await connected();

    // when: a type the page's .proto files lack, then a plain patch, then a reset
    serverSends(socket, { state: { reset: true, types: [{ typeId: 3, name: 'game.Unknown' }] } });
    serverSends(socket, { state: { tick: 2 } });
    serverSends(socket, statePatch({ tick: 3, records: fighterEnters(1, 10) }));

    // then
    const errors = events.filter((e) => e[0] === 'stateError');
    assert.equal(errors.length, 1);
    assert.match(errors[0][1].message, /game.Unknown, which the loaded .proto files do not declare/);
    assert.equal(events.filter((e) => e[0] === 'state').length, 1);
    assert.equal(client.mirror.skipped, 1);
    assert.equal(client.mirror.get(1).health, 10);
    assert.equal(socket.closedWith, null);
  });

  it('should send inputs with their sequence number and encoded payload', async () => {
    // given
    const socket = await connected();
    const Fighter = root.lookupType(FIGHTER);

    // when
    client.sendInput(12, Fighter, { x: 1.5, name: 'move' });

    // then
    const { input } = bodies(socket)[0];
    assert.equal(input.seq, 12);
    assert.deepEqual(Fighter.toObject(Fighter.decode(input.payload)), { x: 1.5, name: 'move' });
  });

  it('should follow a seat reservation to another node and see one join', async () => {
    // given a join by type sent to the first node
    const first = await connected();
    client.join({ roomType: 'arena', options: { name: 'ada' } });

    // when that node answers with a seat in a room of another node
    serverSends(first, { seatReservation: { address: 'ws://node-2/ws', roomId: 'r9', roomType: 'arena',
      seatToken: 'tok', expiresInMs: 10000 } });
    const second = FakeWebSocket.last;
    second.open();
    await Promise.resolve();
    serverSends(second, { joined: { sessionId: 's1', roomId: 'r9', roomType: 'arena' } });

    // then the first socket was closed quietly, the join went to the second with the token, and the page saw one join
    assert.deepEqual(first.closedWith, { code: 1000, reason: 'following a seat reservation' });
    assert.equal(second.url, 'ws://node-2/ws');
    assert.equal(client.url, 'ws://node-2/ws');
    assert.deepEqual(bodies(second),
      [{ join: { roomId: 'r9', options: { name: 'ada' }, authToken: '', seatToken: 'tok' } }]);
    assert.deepEqual(events.map((e) => e[0]), ['open', 'joined']);
  });

  it('should follow a second seat reservation, for a new room, after a room had no seat left', async () => {
    // given a join by type that followed a seat reservation to a room on another node
    const first = await connected();
    client.join({ roomType: 'arena', options: { name: 'ada' } });
    serverSends(first, { seatReservation: { address: 'ws://node-2/ws', roomId: 'r9', roomType: 'arena',
      seatToken: 'tok', expiresInMs: 10000 } });
    const second = FakeWebSocket.last;
    second.open();
    await Promise.resolve();

    // when that node, whose room filled meanwhile, answers with a seat for a new room on a third node
    serverSends(second, { seatReservation: { address: 'ws://node-3/ws', roomType: 'arena', seatToken: 'new',
      expiresInMs: 10000 } });
    const third = FakeWebSocket.last;
    third.open();
    await Promise.resolve();
    serverSends(third, { joined: { sessionId: 's1', roomId: 'r10', roomType: 'arena' } });

    // then the third node got a join by type with the new token, and the page saw one join
    assert.equal(third.url, 'ws://node-3/ws');
    assert.deepEqual(bodies(third),
      [{ join: { roomType: 'arena', options: { name: 'ada' }, authToken: '', seatToken: 'new' } }]);
    assert.deepEqual(events.map((e) => e[0]), ['open', 'joined']);
  });

  it('should resend a reconnect as it was to the node holding the seat', async () => {
    // given a seat held with a token, and a reconnect sent to a node that does not hold the room
    const first = await connected();
    client.join({ roomType: 'arena' });
    serverSends(first, { joined: { sessionId: 's1', roomId: 'r9', roomType: 'arena', reconnectToken: 'seat' } });
    first.drop(1006);
    mock.timers.tick(500);
    const second = FakeWebSocket.last;
    second.open();
    await Promise.resolve();

    // when
    serverSends(second, { seatReservation: { address: 'ws://node-3/ws', roomId: 'r9', reconnect: true } });
    const third = FakeWebSocket.last;
    third.open();
    await Promise.resolve();

    // then the same reconnect join goes to the node named, without a seat token
    assert.equal(third.url, 'ws://node-3/ws');
    assert.deepEqual(bodies(third), [{ join: { roomId: 'r9', reconnectToken: 'seat', authToken: '' } }]);
  });

  it('should report NODE_UNAVAILABLE and go back to its first node when the reserved node is unreachable', async () => {
    // given
    const first = await connected();
    client.join({ roomType: 'arena' });

    // when the node named refuses the connection
    serverSends(first, { seatReservation: { address: 'ws://gone/ws', roomType: 'arena', seatToken: 'tok' } });
    FakeWebSocket.last.drop(1006);
    await Promise.resolve();
    await Promise.resolve();

    // then
    const error = events.find((e) => e[0] === 'error');
    assert.equal(error[1].code, ErrorCode.ERROR_CODE_NODE_UNAVAILABLE);
    assert.match(error[1].message, /ws:\/\/gone\/ws is unreachable/);
    assert.equal(client.url, 'ws://test/ws');
  });

  it('should name leave reasons and error codes without their prefixes', () => {
    assert.equal(client.leaveReasonName(4), 'ROOM_CLOSED');
    assert.equal(client.errorCodeName(ErrorCode.ERROR_CODE_ROOM_FULL), 'ROOM_FULL');
    assert.equal(client.errorCodeName(999), '999');
  });
});
