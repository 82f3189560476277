// The driver as the kit runs it: a child process fed command lines, every event line validated
// against spec/schemas/driver/event.json, every command checked against command.json first.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { until } from './server.mjs';

const schemas = new URL('../../../../spec/schemas/', import.meta.url);
const load = (p) => JSON.parse(readFileSync(new URL(p, schemas), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('int64', true); // seq and timestamps: ajv checks their range, the format adds nothing
ajv.addSchema(load('defs.json'));
ajv.addSchema(load('driver/command.json'));
const validEvent = ajv.compile(load('driver/event.json'));
const validCommand = ajv.getSchema('https://longlink.io/schemas/v1/driver/command.json');
const DRIVER = fileURLToPath(new URL('../../driver/driver.js', import.meta.url));

/** Node 20.10 to 21 have the standard WebSocket behind a flag; Node 22 has it always. */
export const WEBSOCKET_FLAG = typeof globalThis.WebSocket !== 'function' && process.allowedNodeEnvironmentFlags.has('--experimental-websocket')
  ? ['--experimental-websocket'] : [];
/** Why --runtime websocket cannot run on this Node, or null. */
export const noWebSocket = typeof globalThis.WebSocket !== 'function' && WEBSOCKET_FLAG.length === 0
  ? 'Node ' + process.versions.node + ' has no standard WebSocket, not even behind --experimental-websocket' : null;

const nodeFlags = (runtime) => (runtime === 'websocket' ? WEBSOCKET_FLAG : []);

export class DriverProcess {
  constructor(runtime = 'wx') {
    this.events = [];
    this.problems = [];
    this.stderr = '';
    this.child = spawn(process.execPath, [...nodeFlags(runtime), DRIVER, '--runtime', runtime], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    let partial = '';
    this.child.stdout.on('data', (chunk) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop();
      for (const line of parts) this.line(line);
    });
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk));
  }

  line(text) {
    const n = this.events.length + 1;
    let e;
    try {
      e = JSON.parse(text);
    } catch {
      return this.problems.push('line ' + n + ' is not JSON: ' + text);
    }
    if (!validEvent(e)) this.problems.push('line ' + n + ' fails event.json: ' + ajv.errorsText(validEvent.errors) + ': ' + text);
    if (n === 1 && e.type !== 'ready') this.problems.push('line 1 is not ready: ' + text);
    this.events.push({ ...e, at: Date.now() });
  }

  /** Sends a command and waits for its one result (done or error), which DRIVER.md wants within 1000 ms. */
  async command(c) {
    if (!validCommand(c)) throw new Error('the test sent a command that fails command.json: ' + ajv.errorsText(validCommand.errors));
    const sent = Date.now();
    this.child.stdin.write(JSON.stringify(c) + '\n');
    const result = await this.next('the result of ' + c.cid, (e) => (e.type === 'done' || e.type === 'error') && e.cid === c.cid, 5000);
    if (result.at - sent > 1000) this.problems.push(c.cid + ' answered after ' + (result.at - sent) + ' ms');
    return result;
  }

  next(what, match, ms = 10_000) {
    return until(what + ' (driver stderr: ' + this.stderr.slice(-500) + ')', () => this.events.find(match), ms);
  }

  results(cid) {
    return this.events.filter((e) => (e.type === 'done' || e.type === 'error') && e.cid === cid);
  }

  async shutdown(cid = 'bye') {
    await this.command({ type: 'shutdown', cid });
    return this.exited;
  }
}
