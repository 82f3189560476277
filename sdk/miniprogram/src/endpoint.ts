/**
 * The checks on the server URL: TLS outside loopback (LL-SEC-1), no token in it (LL-SEC-2).
 * Returns what is wrong, for the application, or null.
 */
export function checkUrl(url: string, token: string): string | null {
  const m = /^(wss?):\/\/(\[[^\]]*\]|[^/:?#]*)/i.exec(url);
  if (!m || m[2] === '') return 'url is "' + url + '"; give an absolute WebSocket URL such as wss://chat.example.com/ws';
  const host = m[2]!.toLowerCase();
  if (m[1]!.toLowerCase() === 'ws' && !isLoopback(host)) {
    return url + ' is ws:// to ' + host + ', which is not a loopback host: plain ws:// is allowed only for localhost, 127.0.0.0/8 and ::1; use wss:// (LL-SEC-1)';
  }
  // A short string could match the URL by chance; real tokens are far longer than 8 characters.
  if (token.length >= 8 && url.includes(token)) {
    return 'url contains the token; URLs end up in logs, so the token travels only inside auth: remove it from the URL (LL-SEC-2)';
  }
  return null;
}

export function isLoopback(host: string): boolean {
  const h = host.startsWith('[') ? host.slice(1, -1) : host;
  return h === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::1' || h === '0:0:0:0:0:0:0:1';
}
