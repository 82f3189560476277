import type { SessionParams } from './params';

/** delay_n of LL-RC-2: min(max_delay_ms, initial_delay_ms * multiplier^n), for n >= 0. */
export function ceiling(p: SessionParams, n: number): number {
  // pow overflows to Infinity for large n; min brings it back to the cap.
  return Math.floor(Math.min(p.maxDelayMs, p.initialDelayMs * Math.pow(p.multiplier, n)));
}

/** The lowest wait the jitter allows before attempt n. */
export function floor(p: SessionParams, n: number): number {
  return Math.ceil(ceiling(p, n) * (1 - p.jitter));
}

/** A wait drawn uniformly, afresh, from [floor, ceiling] for attempt n; random() is in [0, 1). */
export function draw(p: SessionParams, n: number, random: () => number): number {
  const low = floor(p, n);
  const high = ceiling(p, n);
  return low >= high ? high : low + Math.floor(random() * (high - low + 1));
}
