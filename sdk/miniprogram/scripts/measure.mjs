// Size and speed of the SDK, measured (never asserted in tests):
//   size:  the CommonJS bundle minified and gzipped, as a mini program ships it
//   speed: the cost of one delivery from frame to ack (decode, dedup, resume point, storage,
//          handler, ack frame) as a ratio to a bare JSON.parse of the same frames, in the same run.
// Run after `npm run build`: node scripts/measure.mjs [deliveries]
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, memoryStorage } from '../dist/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.argv[2] ?? 20000);
if (!Number.isInteger(count) || count < 1000 || count > 1_000_000) {
  console.error('deliveries: give a whole number from 1000 to 1000000 (default 20000)');
  process.exit(2);
}

const bundle = await build({ entryPoints: [join(root, 'src/index.ts')], bundle: true, format: 'cjs', target: 'es2017', platform: 'neutral', minify: true, write: false });
const minified = bundle.outputFiles[0].contents;
console.log(`size: CommonJS bundle ${minified.length} bytes minified, ${gzipSync(minified, { level: 9 }).length} bytes minified + gzipped (aim: under 12288)`);

/** A client in a session on a transport that drops what it sends, with timers that never fire. */
function sessionClient() {
  let events;
  const scheduler = { now: () => Date.now(), schedule: () => () => {} };
  const transport = { open: (url, e) => ((events = e), { send() {}, close() {} }) };
  const client = createClient({ url: 'ws://127.0.0.1:9/ws', token: 'measure-token', scheduler, transport, storage: memoryStorage(), lifecycle: false, onDelivery: () => {} });
  client.connect();
  events.opened();
  events.message(JSON.stringify({ type: 'auth_ok', session_id: 's', user_id: 'bob', server_time: Date.now(), heartbeat: { interval_ms: 25000, timeout_ms: 60000 }, reconnect: { initial_delay_ms: 1000, multiplier: 2, max_delay_ms: 30000, jitter: 0.5 }, limits: { max_message_bytes: 65536, rate_messages: 20, rate_window_ms: 1000, max_connections_per_user: 5, auth_timeout_ms: 10000 }, delivery: { ack_timeout_ms: 10000, max_pending: 10000 }, dedup_window_ms: 600000, epoch: 'e-1' }));
  return events;
}

const frames = (offset) => Array.from({ length: count }, (_, i) => JSON.stringify({ type: 'chat', id: '01JD3Z8K5Q6W7E8R9T' + String(offset + i).padStart(8, '0'), seq: offset + i + 1, from: 'alice', to: { kind: 'user', id: 'bob' }, body: 'see you at 6, message number ' + i, ts: 1763769601012, redelivered: false }));

function time(fn) {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// Warm both paths up first, then time them on fresh frames.
const warm = frames(0);
time(() => warm.forEach((f) => JSON.parse(f)));
const events = sessionClient();
time(() => warm.forEach((f) => events.message(f)));
const measured = frames(count);
const parseMs = time(() => measured.forEach((f) => JSON.parse(f)));
const dispatchMs = time(() => measured.forEach((f) => events.message(f)));
const perParse = (parseMs * 1000) / count;
const perDelivery = (dispatchMs * 1000) / count;
console.log(`speed: ${count} deliveries on Node ${process.versions.node}: ${perDelivery.toFixed(2)} µs each from frame to ack, JSON.parse alone ${perParse.toFixed(2)} µs: ratio ${(perDelivery / perParse).toFixed(1)}`);
