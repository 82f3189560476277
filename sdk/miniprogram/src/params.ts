import type { AuthOk } from './generated/messages';

/**
 * The session parameters the client acts on: those of the latest auth_ok, or the defaults of
 * PROTOCOL.md §6 before the first one (LL-PAR-2, LL-RC-2, LL-HB-8).
 */
export interface SessionParams {
  intervalMs: number;
  timeoutMs: number;
  initialDelayMs: number;
  multiplier: number;
  maxDelayMs: number;
  jitter: number;
  maxMessageBytes: number;
  rateMessages: number;
  rateWindowMs: number;
  dedupWindowMs: number;
  signing: boolean;
}

export const DEFAULT_PARAMS: SessionParams = {
  intervalMs: 25000,
  timeoutMs: 60000,
  initialDelayMs: 1000,
  multiplier: 2,
  maxDelayMs: 30000,
  jitter: 0.5,
  maxMessageBytes: 65536,
  rateMessages: 20,
  rateWindowMs: 1000,
  dedupWindowMs: 600000,
  signing: false,
};

export function paramsOf(ok: AuthOk): SessionParams {
  return {
    intervalMs: ok.heartbeat.interval_ms,
    timeoutMs: ok.heartbeat.timeout_ms,
    initialDelayMs: ok.reconnect.initial_delay_ms,
    multiplier: ok.reconnect.multiplier,
    maxDelayMs: ok.reconnect.max_delay_ms,
    jitter: ok.reconnect.jitter,
    maxMessageBytes: ok.limits.max_message_bytes,
    rateMessages: ok.limits.rate_messages,
    rateWindowMs: ok.limits.rate_window_ms,
    dedupWindowMs: ok.dedup_window_ms,
    signing: ok.signing !== undefined,
  };
}
