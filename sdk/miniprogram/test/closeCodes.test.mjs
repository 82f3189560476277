import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { reconnects } from '../dist/index.mjs';

const spec = readFileSync(new URL('../../../spec/PROTOCOL.md', import.meta.url), 'utf8');

/** The rows of §16's table: code and its reconnect column. */
function table() {
  const section = spec.slice(spec.indexOf('## 16. Close codes'), spec.indexOf('## 17. Error codes'));
  const rows = section.split('\n').filter((l) => /^\| \d{4} \|/.test(l));
  return rows.map((l) => {
    const cells = l.split('|').map((c) => c.trim());
    return { code: Number(cells[1]), column: cells.at(-2) };
  });
}

test('the reconnect column of PROTOCOL.md §16 is the client\'s table (LL-RC-1, LL-RC-6)', () => {
  const rows = table();
  assert.ok(rows.length >= 20, 'found the table: ' + rows.length + ' rows');
  for (const { code, column } of rows) {
    // 1000's "yes, unless the client asked for the close": a close the client asked for never reaches this lookup.
    assert.equal(reconnects(code), !column.startsWith('no'), code + ': "' + column + '"');
  }
});

test('codes outside the table reconnect (LL-CLOSE-3)', () => {
  const known = new Set(table().map((r) => r.code));
  for (const code of [1005, 1014, 3000, 4011, 4500, 4999]) {
    assert.ok(!known.has(code));
    assert.equal(reconnects(code), true, String(code));
  }
});
