import type { SessionParams } from './params';

/**
 * Keeps the client under the server's rate limit (LL-LIM-8) with the margin of LL-LIM-13: at most
 * rate_messages chats, joins and leaves in any 1.1 x rate_window_ms (and at least 50 ms more),
 * because the server counts arrivals and the network can bunch up frames that left spaced.
 */
export class RatePacer {
  private readonly sent: number[] = [];

  static window(p: SessionParams): number {
    return p.rateWindowMs + Math.max(50, Math.floor(p.rateWindowMs / 10));
  }

  /** The earliest time, at or after now, when one more message may leave. */
  nextSlot(now: number, p: SessionParams): number {
    const window = RatePacer.window(p);
    while (this.sent.length > 0 && this.sent[0]! <= now - window) this.sent.shift();
    const excess = this.sent.length - p.rateMessages;
    // Enough of the oldest sends have to age out of the window that one more fits.
    return excess < 0 ? now : this.sent[excess]! + window;
  }

  record(now: number): void {
    this.sent.push(now);
  }
}
