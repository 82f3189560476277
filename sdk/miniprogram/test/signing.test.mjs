import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decodeKey, hmacSha256, sha256, signChat } from '../dist/index.mjs';

const spec = readFileSync(new URL('../../../spec/PROTOCOL.md', import.meta.url), 'utf8');

test('§18 test vector: the signature of the spec\'s chat (LL-SEC-6)', () => {
  const key = /Test vector: key `([A-Za-z0-9_-]{43})`/.exec(spec)[1];
  const example = JSON.parse(/```json\n(\{"type": "chat", "id": "m-1".*\})\n```/.exec(spec)[1]);
  const sig = signChat(decodeKey(key), example);
  assert.equal(sig, example.sig);
  assert.equal(sig, 'CHAUESRTYvsJyu4_cqa9WwiYfV_Vdc88QtPn1ou_TRo');
});

test('SHA-256 and HMAC agree with node:crypto on lengths around the block boundaries, and on non-ASCII', () => {
  for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 200]) {
    const bytes = Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255);
    assert.equal(Buffer.from(sha256(bytes)).toString('hex'), createHash('sha256').update(Buffer.from(bytes)).digest('hex'), 'sha256 of ' + n);
    const key = Array.from({ length: n % 80 }, (_, i) => i);
    assert.equal(Buffer.from(hmacSha256(key, bytes)).toString('hex'), createHmac('sha256', Buffer.from(key)).update(Buffer.from(bytes)).digest('hex'), 'hmac of ' + n);
  }
  const key = decodeKey('bG9uZ2xpbmstdGVzdC1rZXktMDAwMDAwMDAwMDAwMDA');
  const chat = { id: 'm-2', ts: 1, to: { kind: 'room', id: 'lobby' }, body: 'héllo 😀 世界' };
  const input = ['longlink.v1', 'chat', 'm-2', '1', 'room', 'lobby', chat.body].join('\n');
  assert.equal(signChat(key, chat), createHmac('sha256', Buffer.from(key)).update(input, 'utf8').digest('base64url'));
});

test('decodeKey takes 43 base64url characters only', () => {
  assert.equal(decodeKey('bG9uZ2xpbmstdGVzdC1rZXktMDAwMDAwMDAwMDAwMDA').length, 32);
  assert.equal(decodeKey('too-short'), null);
  assert.equal(decodeKey('bG9uZ2xpbmstdGVzdC1rZXktMDAwMDAwMDAwMDAwMD+'), null);
});
