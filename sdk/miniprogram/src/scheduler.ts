/** Cancels what {@link Scheduler.schedule} scheduled; calling it twice is harmless. */
export type Cancel = () => void;

/**
 * Time for the client: one wall clock and one-shot timers. Everything the client does runs in
 * these callbacks or in transport and platform events, all on the one JavaScript thread. Tests
 * pass a fake one so that backoff and heartbeat are exact and take no real time.
 */
export interface Scheduler {
  /** Milliseconds since the Unix epoch: signed chats carry it (LL-SEC-7). */
  now(): number;
  schedule(delayMs: number, task: () => void): Cancel;
}

export const NO_CANCEL: Cancel = () => undefined;

/** The platform's timers: the same globals in mini programs, browsers and Node. */
export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  schedule(delayMs, task) {
    const handle = setTimeout(task, Math.max(0, delayMs));
    return () => clearTimeout(handle);
  },
};

/**
 * Fires when a period has passed since the last touch. Touching only records the time; the one
 * pending timer re-arms itself when it finds a later touch, so that a busy link does not
 * cancel and reschedule a timer for every frame.
 */
export class Countdown {
  private period = 0;
  private last = 0;
  private pending: Cancel = NO_CANCEL;
  private running = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly onExpiry: () => void,
    private readonly repeating: boolean,
  ) {}

  start(periodMs: number): void {
    this.stop();
    this.period = periodMs;
    this.last = this.scheduler.now();
    this.running = true;
    this.arm(periodMs);
  }

  touch(): void {
    this.last = this.scheduler.now();
  }

  stop(): void {
    this.running = false;
    this.pending();
    this.pending = NO_CANCEL;
  }

  lastTouch(): number {
    return this.last;
  }

  private arm(ms: number): void {
    this.pending = this.scheduler.schedule(ms, () => this.check());
  }

  private check(): void {
    if (!this.running) return;
    const now = this.scheduler.now();
    const due = this.last + this.period;
    if (now < due) {
      this.arm(due - now);
    } else if (this.repeating) {
      this.last = now;
      this.arm(this.period);
      this.onExpiry();
    } else {
      this.running = false;
      this.onExpiry();
    }
  }
}
