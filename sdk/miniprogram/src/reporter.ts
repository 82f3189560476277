import { NO_CANCEL, type Cancel, type Scheduler } from './scheduler';

/** One thing worth a line on the app's dashboard: when it happened, and on which session. */
export interface ReportEvent {
  kind: 'connect' | 'open' | 'close' | 'error';
  at: number;
  sessionId?: string;
  attempt?: number;
  code?: number | string;
  reason?: string;
}

export interface ReporterOptions {
  /** Receives the events: errors at once, the rest in batches. */
  report(events: ReportEvent[]): void;
  /** A batch goes out when it holds this many events (default 20)... */
  batchSize?: number;
  /** ...or this long after its first event (default 10000 ms), whichever comes first. */
  intervalMs?: number;
}

/**
 * Batches what the client reports for the application's telemetry, so that a flapping link
 * does not make a request per event; an error goes out at once, with the batch before it, so
 * that the order is kept.
 */
export class Reporter {
  private batch: ReportEvent[] = [];
  private timer: Cancel = NO_CANCEL;
  private readonly size: number;
  private readonly interval: number;

  constructor(
    private readonly o: ReporterOptions,
    private readonly scheduler: Scheduler,
  ) {
    this.size = o.batchSize ?? 20;
    this.interval = o.intervalMs ?? 10000;
    if (!(this.size >= 1) || !(this.interval >= 0)) {
      throw new RangeError('reporter.batchSize is ' + o.batchSize + ' and reporter.intervalMs is ' + o.intervalMs + '; give a batch size of at least 1 and an interval of at least 0 ms');
    }
  }

  add(event: Omit<ReportEvent, 'at'>): void {
    this.batch.push({ ...event, at: this.scheduler.now() });
    if (event.kind === 'error' || this.batch.length >= this.size) this.flush();
    else if (this.batch.length === 1) this.timer = this.scheduler.schedule(this.interval, () => this.flush());
  }

  flush(): void {
    this.timer();
    this.timer = NO_CANCEL;
    if (this.batch.length === 0) return;
    const events = this.batch;
    this.batch = [];
    try {
      this.o.report(events);
    } catch (failure) {
      console.error('longlink: the reporter threw', failure);
    }
  }
}
