// The kit's verdict on the SDK: `longlink check client` (every MUST client rule, or the
// selection given as arguments, e.g. --rules LL-RC) against the SDK's driver, on the wx shim and
// on the standard WebSocket API. Each run has a deadline and keeps its reports in
// target/conformance-<runtime>/. Exits 1 when a run fails, as the Maven build needs.
//   node scripts/conformance.mjs [check client options]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const jar = join(root, '../../cli/target/longlink.jar');
const driver = join(root, 'driver/driver.js');
// A full client suite takes about a minute on a quiet machine; a loaded 2-core one is several times slower.
const deadlineSeconds = Number(process.env.LONGLINK_CONFORMANCE_DEADLINE_S ?? 600);
const selection = process.argv.slice(2);

if (!Number.isInteger(deadlineSeconds) || deadlineSeconds < 1) {
  console.error(`conformance: LONGLINK_CONFORMANCE_DEADLINE_S is ${process.env.LONGLINK_CONFORMANCE_DEADLINE_S}; give whole seconds, 1 or more`);
  process.exit(2);
}
if (!existsSync(jar)) {
  console.error(`conformance: the CLI jar ${jar} is missing; build it with: mvn -B -pl cli -am install -DskipTests`);
  process.exit(2);
}
if (!existsSync(join(root, 'dist/index.cjs'))) {
  console.error('conformance: dist/index.cjs is missing; build the SDK first with: npm run build');
  process.exit(2);
}

function check(runtime, nodeFlags = []) {
  const reports = join(root, 'target', 'conformance-' + runtime);
  mkdirSync(reports, { recursive: true });
  const args = ['-jar', jar, 'check', 'client', '--report-dir', reports, ...selection,
    '--', process.execPath, ...nodeFlags, driver, '--runtime', runtime];
  console.log(`conformance: ${runtime}: java ${args.join(' ')} (deadline ${deadlineSeconds} s)`);
  const child = spawn('java', args, { stdio: 'inherit' });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.error(`conformance: ${runtime}: no verdict within ${deadlineSeconds} s; stopped it `
        + '(raise LONGLINK_CONFORMANCE_DEADLINE_S on a slow machine)');
      child.kill();
    }, deadlineSeconds * 1000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const ok = code === 0;
      console.log(`conformance: ${runtime}: ${ok ? 'PASSED' : 'FAILED'} (exit ${code ?? signal}), reports in ${reports}`);
      resolve(ok);
    });
  });
}

// wx (the shim) and ws (the standard WebSocket API of the ws package) by default. Node's own
// WebSocket only when asked for: it loses a compressed goaway that comes with the close and the
// TCP end (README; scripts/undici-close-loss.mjs), which fails LL-RC-7, LL-RC-10 and LL-MSG-3 now
// and then through no fault of the SDK.
const runtimes = (process.env.LONGLINK_CONFORMANCE_RUNTIMES ?? 'wx,ws').split(',').map((r) => r.trim()).filter(Boolean);
const unknown = runtimes.filter((r) => !['wx', 'ws', 'websocket'].includes(r));
if (unknown.length > 0) {
  console.error(`conformance: LONGLINK_CONFORMANCE_RUNTIMES names ${unknown.join(', ')}; the runtimes are wx, ws and websocket`);
  process.exit(2);
}
const results = [];
if (runtimes.includes('wx')) results.push(await check('wx'));
if (runtimes.includes('ws')) results.push(await check('ws'));
if (!runtimes.includes('websocket')) {
  console.log('conformance: websocket (Node\'s own WebSocket): not checked; LONGLINK_CONFORMANCE_RUNTIMES=wx,ws,websocket '
    + 'checks it');
} else if (typeof globalThis.WebSocket === 'function') {
  // Node 22 has the standard WebSocket; Node 20.10 to 21 have it behind a flag.
  results.push(await check('websocket'));
} else if (process.allowedNodeEnvironmentFlags.has('--experimental-websocket')) {
  results.push(await check('websocket', ['--experimental-websocket']));
} else {
  console.log(`conformance: websocket: SKIPPED: --runtime websocket needs the standard WebSocket (Node 22, or Node 20.10+ `
    + `with --experimental-websocket), and this is Node ${process.versions.node}`);
}
process.exit(results.every(Boolean) ? 0 : 1);
