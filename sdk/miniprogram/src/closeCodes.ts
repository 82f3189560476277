/**
 * The codes whose reconnect column in PROTOCOL.md §16 says "no": failures a retry cannot fix.
 * test/closeCodes.test.mjs reads the spec's table, so that the two never drift apart.
 */
export const NO_RECONNECT: ReadonlySet<number> = new Set([4001, 4002, 4003, 4007]);

/**
 * Whether to reconnect after a close the client did not ask for. Codes outside the table
 * reconnect (LL-CLOSE-3), and so does a 1000 nobody asked for (LL-RC-5).
 */
export function reconnects(code: number): boolean {
  return !NO_RECONNECT.has(code);
}

export const HEARTBEAT_TIMEOUT = 4000;
export const NORMAL = 1000;
export const ABNORMAL = 1006;
