// A minimal RFC 6455 client over net/tls, for the wx shim: Node 20 has no WebSocket client.
// Test infrastructure, kept small: the opening handshake with subprotocols, masked frames,
// fragmentation both ways, control frames between fragments, the close handshake.
import { createHash, randomBytes } from 'node:crypto';
import { connect as tcp } from 'node:net';
import { connect as tls } from 'node:tls';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export class WsClient {
  /** events: open(protocol), text(string), binary(buffer), close(code, reason, clean), error(message) */
  constructor(url, protocols, events, { fragmentBytes = 16384, closeTimeoutMs = 1000 } = {}) {
    const u = new URL(url);
    const secure = u.protocol === 'wss:';
    const port = Number(u.port) || (secure ? 443 : 80);
    this.events = events;
    this.fragmentBytes = fragmentBytes;
    this.closeTimeoutMs = closeTimeoutMs;
    this.state = 'connecting';
    this.buffer = Buffer.alloc(0);
    this.fragments = null;
    this.key = randomBytes(16).toString('base64');
    const host = u.hostname.replace(/^\[|\]$/g, '');
    this.socket = secure ? tls({ host, port, servername: host }) : tcp({ host, port });
    this.socket.on(secure ? 'secureConnect' : 'connect', () => {
      const lines = [`GET ${u.pathname}${u.search} HTTP/1.1`, `Host: ${u.host}`, 'Upgrade: websocket', 'Connection: Upgrade',
        `Sec-WebSocket-Key: ${this.key}`, 'Sec-WebSocket-Version: 13'];
      if (protocols.length) lines.push(`Sec-WebSocket-Protocol: ${protocols.join(', ')}`);
      this.socket.write(lines.join('\r\n') + '\r\n\r\n');
    });
    this.socket.on('data', (chunk) => this.read(chunk));
    this.socket.on('error', (e) => this.failed(e.message));
    this.socket.on('close', () => this.ended(1006, '', false));
  }

  sendText(text) {
    if (this.state !== 'open') return false;
    const payload = Buffer.from(text, 'utf8');
    for (let off = 0, first = true; first || off < payload.length; first = false) {
      const part = payload.subarray(off, off + this.fragmentBytes);
      off += part.length;
      this.frame(first ? 0x1 : 0x0, part, off >= payload.length);
    }
    return true;
  }

  close(code, reason) {
    if (this.state === 'open') {
      const r = Buffer.from(reason ?? '', 'utf8').subarray(0, 123);
      this.frame(0x8, Buffer.concat([Buffer.from([code >> 8, code & 255]), r]), true);
      this.state = 'closing';
      this.closeTimer = setTimeout(() => this.socket.destroy(), this.closeTimeoutMs);
    } else if (this.state === 'connecting') {
      this.socket.destroy();
    }
  }

  /** Drops the TCP connection without a close frame, as a killed app or a dead radio does. */
  destroy() {
    this.socket.destroy();
  }

  frame(opcode, payload, fin) {
    // A half-open link (set by the shim): nothing leaves, nothing arrives, the TCP connection stays.
    if (this.silenced) return;
    const mask = randomBytes(4);
    const len = payload.length;
    const head = len < 126 ? Buffer.from([0, 0x80 | len]) : len < 65536 ? Buffer.from([0, 0x80 | 126, len >> 8, len & 255]) : Buffer.alloc(10);
    if (len >= 65536) {
      head[1] = 0x80 | 127;
      head.writeBigUInt64BE(BigInt(len), 2);
    }
    head[0] = (fin ? 0x80 : 0) | opcode;
    const masked = Buffer.alloc(len);
    for (let i = 0; i < len; i++) masked[i] = payload[i] ^ mask[i & 3];
    this.socket.write(Buffer.concat([head, mask, masked]));
  }

  read(chunk) {
    if (this.silenced) return;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    if (this.state === 'connecting' && !this.handshake()) return;
    for (;;) {
      const f = this.nextFrame();
      if (!f) return;
      this.handle(f);
    }
  }

  handshake() {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0) return false;
    const head = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
    this.buffer = this.buffer.subarray(end + 4);
    const headers = Object.fromEntries(head.slice(1).map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    const accept = createHash('sha1').update(this.key + GUID).digest('base64');
    if (!/^HTTP\/1\.1 101/.test(head[0]) || headers['sec-websocket-accept'] !== accept) {
      this.failed('the server refused the upgrade: ' + head[0]);
      this.socket.destroy();
      return false;
    }
    this.state = 'open';
    this.events.open(headers['sec-websocket-protocol'] ?? '');
    return true;
  }

  nextFrame() {
    const b = this.buffer;
    if (b.length < 2) return null;
    let len = b[1] & 0x7f;
    let off = 2;
    if (len === 126) {
      if (b.length < 4) return null;
      len = b.readUInt16BE(2);
      off = 4;
    } else if (len === 127) {
      if (b.length < 10) return null;
      len = Number(b.readBigUInt64BE(2));
      off = 10;
    }
    if (b[1] & 0x80) return this.protocolError('the server masked a frame');
    if (b.length < off + len) return null;
    this.buffer = b.subarray(off + len);
    return { fin: (b[0] & 0x80) !== 0, opcode: b[0] & 0x0f, payload: b.subarray(off, off + len) };
  }

  handle({ fin, opcode, payload }) {
    if (opcode === 0x9) return this.frame(0xa, payload, true); // what every WebSocket stack does for the app
    if (opcode === 0xa) return undefined;
    if (opcode === 0x8) {
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      const reason = payload.subarray(2).toString('utf8');
      if (this.state === 'open') this.frame(0x8, payload.subarray(0, 2), true);
      this.state = 'closed';
      this.socket.end();
      return this.ended(code, reason, true);
    }
    if (opcode === 0x1 || opcode === 0x2) this.fragments = { opcode, parts: [payload] };
    else if (opcode === 0x0 && this.fragments) this.fragments.parts.push(payload);
    else return this.protocolError('unexpected opcode ' + opcode);
    if (!fin) return undefined;
    const { opcode: kind, parts } = this.fragments;
    this.fragments = null;
    const data = Buffer.concat(parts);
    return kind === 0x1 ? this.events.text(data.toString('utf8')) : this.events.binary(data);
  }

  protocolError(message) {
    this.failed(message);
    this.socket.destroy();
    return null;
  }

  failed(message) {
    if (this.state !== 'closed') this.events.error(message);
  }

  ended(code, reason, clean) {
    clearTimeout(this.closeTimer);
    if (this.done) return;
    this.done = true;
    this.state = 'closed';
    this.events.close(code, reason, clean);
  }
}
