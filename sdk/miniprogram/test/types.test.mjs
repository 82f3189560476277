import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const schemas = new URL('../../../spec/schemas/', import.meta.url);
const generated = readFileSync(new URL('../src/generated/messages.ts', import.meta.url), 'utf8');
const shipped = readFileSync(new URL('../dist/generated/messages.d.ts', import.meta.url), 'utf8');

test('every message schema has a generated type, shipped in the .d.ts', () => {
  const files = readdirSync(schemas).filter((f) => f.endsWith('.json') && f !== 'defs.json');
  assert.ok(files.length >= 14);
  for (const file of files) {
    const title = JSON.parse(readFileSync(new URL(file, schemas), 'utf8')).title;
    assert.match(generated, new RegExp('export interface ' + title + ' \\{'), file + ' -> ' + title);
    assert.match(shipped, new RegExp('export interface ' + title + ' \\{'), title + ' in dist');
  }
});

test('the wire\'s snake_case names are kept', () => {
  for (const name of ['session_id', 'last_seq', 'retry_after_ms', 'dedup_window_ms', 'interval_ms']) {
    assert.match(generated, new RegExp('\\b' + name + '\\??:'), name);
  }
  assert.doesNotMatch(generated, /sessionId|lastSeq|retryAfterMs/);
});
