import type { ChatDelivery } from './generated/messages';
import type { ClientError, Delivery } from './events';
import { ProcessedIds } from './processed';
import { ResumePoint, type ResumeState } from './resume';
import type { Storage } from './storage';

/** The application's handler: processed when it returns, or when the promise it returns resolves. */
export type DeliveryHandler = (delivery: Delivery) => void | PromiseLike<unknown>;

/**
 * Deliveries in: each (from, id) goes to the handler once (LL-DD-6); every delivery is acked
 * once the handler finished with it, repeats included, never before (LL-DLV-1); the resume
 * point never claims a delivery the handler did not finish (LL-DLV-11).
 */
export class Inbox {
  private readonly processed: ProcessedIds;
  private readonly resume: ResumePoint;
  /** Handed over and not finished: key to the seqs of every copy received meanwhile, and their epoch. */
  private readonly inProgress = new Map<string, { epoch: string | null; seqs: number[] }>();
  private ack: ((seq: number) => void) | null = null;
  private epoch: string | null = null;

  constructor(
    storage: Storage,
    prefix: string,
    private readonly handler: DeliveryHandler,
    private readonly report: (error: ClientError) => void,
  ) {
    this.processed = new ProcessedIds(storage, prefix);
    this.resume = new ResumePoint(storage, prefix);
  }

  resumePoint(): ResumeState {
    return this.resume.current();
  }

  /** epoch is null when the server advertises none (a 1.0 server): last_seq is then never sent. */
  sessionStarted(epoch: string | null, ack: (seq: number) => void): void {
    this.resume.sessionStarted(epoch);
    this.epoch = epoch;
    this.ack = ack;
  }

  sessionEnded(): void {
    // Nothing to ack on: the server sends an unacked delivery again, and that copy is acked.
    this.ack = null;
  }

  receive(m: ChatDelivery): void {
    const key = ProcessedIds.key(m.from, m.id);
    const copies = this.inProgress.get(key);
    this.resume.received(m.seq);
    if (copies && copies.epoch === this.epoch) {
      copies.seqs.push(m.seq);
    } else if (copies) {
      // Handed over under another epoch, whose seqs name other chats: this copy waits for it, unacked.
    } else if (this.processed.has(key)) {
      this.done(m.seq);
    } else {
      this.handOver(key, { id: m.id, seq: m.seq, from: m.from, to: m.to, body: m.body, ts: m.ts, redelivered: m.redelivered });
    }
  }

  private handOver(key: string, d: Delivery): void {
    this.inProgress.set(key, { epoch: this.epoch, seqs: [d.seq] });
    let outcome: void | PromiseLike<unknown>;
    try {
      outcome = this.handler(d);
    } catch (failure) {
      this.failed(key, d, failure);
      return;
    }
    if (outcome && typeof outcome.then === 'function') {
      outcome.then(() => this.finish(key), (failure: unknown) => this.failed(key, d, failure));
    } else {
      this.finish(key);
    }
  }

  private finish(key: string): void {
    const copies = this.inProgress.get(key);
    this.inProgress.delete(key);
    // Remembered before the ack leaves: an app killed in between gets a redelivery it then drops.
    this.processed.add(key);
    // A seq acked under another epoch would settle some other chat (LL-DLV-14).
    if (copies && copies.epoch === this.epoch) copies.seqs.forEach((seq) => this.done(seq));
  }

  private failed(key: string, d: Delivery, failure: unknown): void {
    // Not processed: no ack, so the server delivers it again, and the resume point stays below it.
    this.inProgress.delete(key);
    this.report({ code: 'handler_failed', message: 'the delivery handler failed for seq ' + d.seq + ' (' + d.from + ', ' + d.id + '): ' + String(failure) + '; it is not acknowledged and comes again' });
  }

  private done(seq: number): void {
    this.resume.processed(seq);
    if (this.ack) this.ack(seq);
  }
}
