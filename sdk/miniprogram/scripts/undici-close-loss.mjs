// Shows why the SDK on Node's built-in WebSocket (undici) can miss a goaway: a server that
// compresses (permessage-deflate, which undici always offers) sends a text message, its close
// frame and the end of its TCP stream together; undici inflates the message asynchronously, sees
// the stream end first and reports close 1006 without the message. No script code can see it.
// Jetty ends its output right after its close frame, so the kit's harness and the reference
// server both show it now and then. Prints how many of RUNS messages were lost; exits 0.
//   node [--experimental-websocket] scripts/undici-close-loss.mjs [RUNS]
import crypto from 'node:crypto';
import net from 'node:net';
import zlib from 'node:zlib';

if (typeof WebSocket !== 'function') {
  console.error('undici-close-loss: this Node has no WebSocket; use Node 22+, or Node 20.10+ with --experimental-websocket');
  process.exit(2);
}
const runs = Number(process.argv[2] ?? 50);
const header = (b0, length) => (length < 126 ? Buffer.from([b0, length]) : Buffer.from([b0, 126, length >> 8, length & 255]));
const goaway = '{"type":"goaway","code":1012,"retry_after_ms":1300,"reason":"come back later"}';

const server = net.createServer((socket) => {
  socket.on('error', () => {});
  socket.once('data', (request) => {
    const key = /sec-websocket-key: (.*)\r\n/i.exec(String(request))[1];
    const accept = crypto.createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
      + `Sec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: longlink.v1\r\n`
      + 'Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n');
    const deflated = zlib.deflateRawSync(Buffer.from(goaway), { flush: zlib.constants.Z_SYNC_FLUSH }).subarray(0, -4);
    const message = Buffer.concat([header(0xc1, deflated.length), deflated]);
    const close = Buffer.concat([header(0x88, 8), Buffer.from([0x03, 0xf4]), Buffer.from('goaway')]);
    socket.end(Buffer.concat([message, close]));
  });
});
const deadline = setTimeout(() => {
  console.error(`undici-close-loss: no result within 30 s`);
  process.exit(1);
}, 30_000);
let done = 0;
let lost = 0;
server.listen(0, '127.0.0.1', () => {
  const url = `ws://127.0.0.1:${server.address().port}/`;
  const one = () => {
    let got = false;
    const ws = new WebSocket(url, ['longlink.v1']);
    ws.onmessage = () => { got = true; };
    ws.onerror = () => {};
    ws.onclose = (e) => {
      done++;
      if (!got) lost++;
      if (done < runs) return one();
      clearTimeout(deadline);
      console.log(`undici-close-loss: Node ${process.version}: ${lost} of ${runs} goaway messages lost `
        + `(last close code ${e.code}); 0 means this runtime delivers a message that comes with the close`);
      server.close();
    };
  };
  one();
});
