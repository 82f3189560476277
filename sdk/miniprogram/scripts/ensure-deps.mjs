// Runs `npm ci` only when node_modules is missing or older than the lockfile, so that every
// `mvn verify` after the first (and after .ci/run's own npm ci) costs nothing here. npm writes
// node_modules/.package-lock.json at every install: it is newer than the lockfile it came from.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const installed = join(root, 'node_modules/.package-lock.json');
const lock = join(root, 'package-lock.json');
if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) {
  console.log('ensure-deps: node_modules is up to date with package-lock.json');
} else {
  console.log('ensure-deps: npm ci (node_modules is missing or older than package-lock.json)');
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
}
