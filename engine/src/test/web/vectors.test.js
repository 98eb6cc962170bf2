// The shared replicated-state test vectors (protocol/src/test/resources/state-vectors, README.md
// there): the patch sequences the Java mirror was checked with, replayed through the browser mirror;
// after every patch it must hold exactly the expected entities.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadRoot } from './support.js';
import { StateMirror } from '../../main/web/ringside/mirror.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const VECTORS_DIR = process.env.RINGSIDE_STATE_VECTORS
  ?? path.join(here, '../../../../protocol/src/test/resources/state-vectors');
const files = existsSync(VECTORS_DIR) ? readdirSync(VECTORS_DIR).filter((f) => f.endsWith('.json')).sort() : [];

const fromHex = (hex) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The mirror as the vectors write it: entities by ascending id, every field by its .proto name. */
function asVector(mirror, root) {
  return [...mirror.records.keys()].sort((a, b) => a - b).map((id) => {
    const name = mirror.typeOf(id);
    const entity = mirror.get(id);
    const fields = {};
    for (const field of root.lookupType(name).fieldsArray.slice().sort((a, b) => a.id - b.id)) {
      const value = entity[field.name];
      fields[field.name] = typeof value === 'bigint' ? value.toString()
        : value instanceof Uint8Array ? toHex(value) : value;
    }
    return { id, type: name, fields };
  });
}

/** Expected fields keyed as protobufjs names them (camelCase of the .proto names). */
function camelCased(expect) {
  const camel = (name) => name.replace(/_([a-z0-9])/g, (m, c) => c.toUpperCase());
  return expect.map(({ id, type, fields }) => ({
    id, type, fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [camel(k), v])),
  }));
}

describe('StateMirror against the shared state vectors', () => {
  if (files.length === 0) {
    it.skip(`no vectors in ${VECTORS_DIR}`);
    return;
  }
  for (const file of files) {
    const vectors = JSON.parse(readFileSync(path.join(VECTORS_DIR, file), 'utf8'));
    const root = loadRoot(path.join(VECTORS_DIR, vectors.proto));
    const StatePatch = root.lookupType('ringside.v1.StatePatch');

    for (const [client, events] of Object.entries(vectors.clients)) {
      it(`should hold the expected entities after every patch of ${file}, client ${client}`, () => {
        let mirror = null;
        let patches = 0;
        events.forEach((event, index) => {
          if (event.op === 'connect') {
            mirror = new StateMirror(root);
          } else if (event.op === 'disconnect') {
            mirror = null;
          } else {
            // given
            const patch = StatePatch.decode(fromHex(event.bytes));

            // when
            mirror.apply(patch);
            patches++;

            // then
            assert.deepEqual(asVector(mirror, root), camelCased(event.expect),
              `${file} ${client} event ${index} (patch ${event.bytes.slice(0, 40)}...)`);
          }
        });
        assert.ok(patches > 0, `${file} ${client}: no patches`);
      });
    }
  }
});
