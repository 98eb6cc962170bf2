// Shared by the Node tests of the browser client package: protobufjs (the WebJar's dist build, as the
// pages load it; Maven unpacks it into engine/target/node), the framework's .proto files, and a
// scriptable stand-in for the browser's WebSocket.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createProtoRoot } from '../../main/web/ringside/client.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const protobufjs = process.env.PROTOBUFJS ?? path.join(here, '../../../target/node/protobufjs/protobuf.min.js');
if (!existsSync(protobufjs)) {
  throw new Error(`protobufjs not found at ${protobufjs}: run ./mvnw -pl engine generate-test-resources first, `
    + 'or point PROTOBUFJS at a protobuf.min.js');
}
/** protobufjs, also set as globalThis.protobuf as the page's <script> does. */
export const protobuf = createRequire(import.meta.url)(protobufjs);
globalThis.protobuf = protobuf;

/** The framework's .proto root (protocol/src/main/proto). */
export const PROTO_DIR = process.env.RINGSIDE_PROTO_DIR ?? path.join(here, '../../../../protocol/src/main/proto');

/** A protobufjs Root with the envelope and the given files (under PROTO_DIR, or absolute), loaded as pages load them. */
export function loadRoot(...files) {
  return createProtoRoot(PROTO_DIR + '/')
    .loadSync(['ringside/v1/envelope.proto', ...files].map((f) => path.resolve(PROTO_DIR, f)));
}

/** The test entity types (proto/test/entities.proto), an absolute path for loadRoot(). */
export const TEST_ENTITIES_PROTO = path.join(here, 'proto/test/entities.proto');

/** The main sources of the package under test. */
export const PACKAGE_DIR = path.join(here, '../../main/web/ringside');

/** A WebSocket the test opens, feeds and drops by hand; every instance is kept in FakeWebSocket.all. */
export class FakeWebSocket {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSED = 3;
  static all = [];

  constructor(url) {
    this.url = url;
    this.readyState = FakeWebSocket.CONNECTING;
    this.sent = [];
    this.closedWith = null;
    FakeWebSocket.all.push(this);
  }

  static reset() {
    FakeWebSocket.all = [];
  }

  static get last() {
    return FakeWebSocket.all[FakeWebSocket.all.length - 1];
  }

  send(bytes) {
    this.sent.push(bytes);
  }

  close(code, reason) {
    this.closedWith = { code, reason };
    this.drop(code, reason);
  }

  /** The server accepted the connection. */
  open() {
    this.readyState = FakeWebSocket.OPEN;
    this.onopen?.({});
  }

  /** A binary message from the server. */
  receive(bytes) {
    const copy = new Uint8Array(bytes);
    this.onmessage?.({ data: copy.buffer });
  }

  /** The connection closed with this code. */
  drop(code = 1006, reason = '') {
    this.readyState = FakeWebSocket.CLOSED;
    this.onclose?.({ code, reason });
  }
}
