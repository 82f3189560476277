// The reference server as a process (the CLI jar's `serve`, fast profile, a free loopback port),
// and HS256 tokens for it. Used by the integration tests and the driver's tests.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const JAR = fileURLToPath(new URL('../../../../cli/target/longlink.jar', import.meta.url));
const SECRET = 'jssdk-it-jwt-secret-0123456789abcdef';

/** Why the server cannot run here, or null. The Maven build sets LONGLINK_REQUIRE_SERVER: there a missing jar fails. */
export function unavailable() {
  if (existsSync(JAR)) return null;
  const why = `the reference server's jar ${JAR} is missing; build it with: mvn -B -pl cli -am install -DskipTests`;
  if (process.env.LONGLINK_REQUIRE_SERVER) throw new Error(why);
  return why;
}

/** Starts the server; resolves with { url, stop } once it listens (within 60 s). */
export function startServer(extraArgs = []) {
  const child = spawn('java', ['-jar', JAR, 'serve', '--profile', 'fast', '--host', '127.0.0.1', '--port', '0', ...extraArgs], {
    env: { ...process.env, LONGLINK_JWT_SECRET: SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the reference server did not start within 60 s:\n' + log));
    }, 60_000);
    const read = (chunk) => {
      log += chunk;
      const m = /Longlink reference server on (ws:\/\/\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', done), child.kill()))) });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error('the reference server exited with ' + code + ':\n' + log));
    });
  });
}

export function token(user) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = b64({ alg: 'HS256', typ: 'JWT' }) + '.' + b64({ sub: user, scope: 'longlink', exp: Math.floor(Date.now() / 1000) + 3600 });
  return body + '.' + createHmac('sha256', SECRET).update(body).digest('base64url');
}

/** A user id no other test uses. */
export function user(name) {
  return name + '-' + Math.random().toString(36).slice(2, 10);
}

/** Resolves when check() is true, polling every 10 ms; rejects after ms with what was awaited. */
export function until(what, check, ms = 10_000) {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      const value = check();
      if (value) return resolve(value);
      if (Date.now() - start > ms) return reject(new Error('waited ' + ms + ' ms for ' + what));
      setTimeout(poll, 10);
    };
    poll();
  });
}
