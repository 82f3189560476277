import type { AuthOk, ChatAck, ChatDelivery, ErrorMessage, GoAway, Joined, Left, Pong } from './generated/messages';

export type ServerMessage = AuthOk | ChatAck | ChatDelivery | ErrorMessage | GoAway | Joined | Left | Pong;

type Shape = Record<string, 'string' | 'number' | 'boolean' | 'object'>;

/**
 * The members the client reads, per server message type. Only those are checked: members a
 * schema does not define are ignored (LL-MSG-3), and so are types this version does not know.
 * auth_ok's epoch is not required here: a 1.0 server sends none, and the client then resumes
 * without last_seq (LL-DLV-14) instead of refusing the session.
 */
const SHAPES: Record<string, Shape> = {
  auth_ok: { session_id: 'string', user_id: 'string', server_time: 'number', heartbeat: 'object', reconnect: 'object', limits: 'object', delivery: 'object', dedup_window_ms: 'number' },
  pong: {},
  ack: { id: 'string', seq: 'number', ts: 'number', duplicate: 'boolean' },
  chat: { id: 'string', seq: 'number', from: 'string', to: 'object', body: 'string', ts: 'number', redelivered: 'boolean' },
  joined: { id: 'string', room: 'string' },
  left: { id: 'string', room: 'string' },
  error: { code: 'string', message: 'string' },
  goaway: { code: 'number', retry_after_ms: 'number' },
};

const NESTED: Record<string, Shape> = {
  heartbeat: { interval_ms: 'number', timeout_ms: 'number' },
  reconnect: { initial_delay_ms: 'number', multiplier: 'number', max_delay_ms: 'number', jitter: 'number' },
  limits: { max_message_bytes: 'number', rate_messages: 'number', rate_window_ms: 'number' },
  to: { kind: 'string', id: 'string' },
};

/** A server message, or the reason it cannot be read; null for a type this client does not know. */
export function decode(text: string): ServerMessage | string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return 'not JSON: ' + String(e);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const m = value as Record<string, unknown>;
  if (typeof m.type !== 'string') return 'no string type';
  const shape = SHAPES[m.type];
  if (!shape) return null;
  const problem = check(m, shape, '');
  return problem ? m.type + ': ' + problem : (m as unknown as ServerMessage);
}

function check(m: Record<string, unknown>, shape: Shape, path: string): string | null {
  for (const name of Object.keys(shape)) {
    const want = shape[name];
    const got = m[name];
    if (want === 'object' ? typeof got !== 'object' || got === null : typeof got !== want) {
      return path + name + ' is missing or not a ' + want;
    }
    const nested = NESTED[name];
    if (nested) {
      const problem = check(got as Record<string, unknown>, nested, path + name + '.');
      if (problem) return problem;
    }
  }
  return null;
}
