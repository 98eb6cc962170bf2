// Sends messages of several sizes through Node's ws client (permessage-deflate on, as ws offers it by
// default) to an echo server, checks every echo, and prints one JSON line with what was negotiated.
// Usage: node echo-client.js ws://127.0.0.1:PORT/
'use strict';
const WebSocket = require('ws');

const url = process.argv[2];
const ws = new WebSocket(url, { perMessageDeflate: { threshold: 0 } });
const messages = [
  'Hello',
  'the arena, tick after tick; '.repeat(100),
  Buffer.alloc(100000, 'abc'),
  'é'.repeat(30000),
];
let next = 0;
const timer = setTimeout(() => fail('timed out'), 20000);

function fail(reason) {
  console.log(JSON.stringify({ ok: false, reason }));
  process.exit(1);
}

ws.on('open', () => {
  messages.forEach((m) => ws.send(m));
});
ws.on('message', (data, isBinary) => {
  const sent = messages[next++];
  const expected = Buffer.isBuffer(sent) ? sent : Buffer.from(sent, 'utf8');
  if (isBinary !== Buffer.isBuffer(sent) || !expected.equals(data)) {
    fail('echo ' + (next - 1) + ' differs');
  }
  if (next === messages.length) {
    ws.close(1000);
  }
});
ws.on('close', (code) => {
  clearTimeout(timer);
  if (next !== messages.length) {
    fail('closed with ' + code + ' after ' + next + ' echoes');
  }
  console.log(JSON.stringify({ ok: true, extensions: ws.extensions, echoes: next, code }));
  process.exit(0);
});
ws.on('error', (e) => fail(String(e)));
