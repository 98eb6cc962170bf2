import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { FakeWebSocket, TEST_ENTITIES_PROTO, loadRoot } from './support.js';
import { RingsideClient } from '../../main/web/ringside/client.js';
import { PredictedInputs } from '../../main/web/ringside/prediction.js';

const root = loadRoot(TEST_ENTITIES_PROTO);
const ClientEnvelope = root.lookupType('ringside.v1.ClientEnvelope');
const ServerEnvelope = root.lookupType('ringside.v1.ServerEnvelope');
// any message serves as the input type here: Ping's client_time is the move
const Move = root.lookupType('ringside.v1.Ping');

const inputsSentBy = (socket) => socket.sent
  .map((bytes) => ClientEnvelope.toObject(ClientEnvelope.decode(bytes), { longs: Number }))
  .filter((e) => e.input)
  .map(({ input }) => ({ seq: input.seq, move: Move.toObject(Move.decode(input.payload), { longs: Number }) }));
const serverSends = (socket, body) => socket.receive(ServerEnvelope.encode(ServerEnvelope.fromObject(body)).finish());
const step = (x, input) => x + input.clientTime;

describe('PredictedInputs', () => {
  let client;
  let server;
  let serverX;

  beforeEach(async () => {
    mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    FakeWebSocket.reset();
    client = new RingsideClient(root, { url: 'ws://test/ws', WebSocket: FakeWebSocket });
    const opening = client.connect();
    FakeWebSocket.last.open();
    await opening;
    server = FakeWebSocket.last;
    serverX = null;
  });

  afterEach(() => {
    client.close();
    mock.timers.reset();
  });

  function joined(sessionId = 's1') {
    serverSends(server, { joined: { sessionId, roomId: 'r1', roomType: 'test', tickRateHz: 30 } });
  }

  function predicted() {
    return new PredictedInputs(client, Move, step, { serverState: () => serverX });
  }

  it('should number, send as the room input type and predict each input', () => {
    // given
    const inputs = predicted();
    joined();
    serverX = 10;
    serverSends(server, { state: { tick: 1, reset: true } });

    // when
    const first = inputs.send({ clientTime: 1 });
    const second = inputs.send({ clientTime: 2 });

    // then
    assert.deepEqual([first.seq, second.seq], [1, 2]);
    assert.deepEqual(inputsSentBy(server), [{ seq: 1, move: { clientTime: 1 } }, { seq: 2, move: { clientTime: 2 } }]);
    assert.equal(inputs.state, 13);
    assert.equal(inputs.pending, 2);
  });

  it('should reconcile on each state patch with the framework ack and replay only the later inputs', () => {
    // given three inputs in flight from x = 0
    const inputs = predicted();
    joined();
    serverX = 0;
    serverSends(server, { state: { tick: 1, reset: true } });
    inputs.send({ clientTime: 1 });
    inputs.send({ clientTime: 2 });
    inputs.send({ clientTime: 4 });

    // when the server took input 2 but a wall held the body at 2 instead of 3
    serverX = 2;
    serverSends(server, { state: { tick: 2, inputAck: 2 } });

    // then
    assert.equal(inputs.ack, 2);
    assert.equal(inputs.pending, 1);
    assert.equal(inputs.state, 6);
    assert.equal(inputs.corrections, 1);
  });

  it('should not predict before the server state has the controlled thing', () => {
    // given
    const inputs = predicted();
    joined();
    serverSends(server, { state: { tick: 1, reset: true } });

    // when
    inputs.send({ clientTime: 5 });

    // then
    assert.equal(inputs.state, null);
    assert.equal(inputsSentBy(server).length, 1);
  });

  it('should start numbering and predicting over on every Joined, as the server does after a reconnect', () => {
    // given
    const inputs = predicted();
    joined();
    serverX = 0;
    serverSends(server, { state: { tick: 1, reset: true } });
    inputs.send({ clientTime: 1 });
    inputs.send({ clientTime: 1 });

    // when the seat is taken back on a new connection
    joined();
    const afterRejoin = inputs.send({ clientTime: 3 });

    // then
    assert.equal(afterRejoin.seq, 1);
    assert.equal(inputs.state, null);
    assert.equal(inputs.pending, 0);
  });

  it('should refuse a serverState that is not a function', () => {
    assert.throws(() => new PredictedInputs(client, Move, step, { serverState: 5 }), /serverState must be a function/);
  });
});
