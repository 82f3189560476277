import { readJson, type Storage } from './storage';

export interface ResumeState {
  last_seq: number;
  epoch: string | null;
}

/**
 * The honest resume point of LL-DLV-11: the highest seq s such that every delivery received with
 * a seq at or below s was processed. A delivery still being processed, or whose handler failed,
 * holds the point below its seq. The point belongs to one history epoch (LL-DLV-14); another
 * epoch voids it.
 */
export class ResumePoint {
  private readonly unprocessed = new Set<number>();
  private highest: number;
  private epoch: string | null;
  private readonly key: string;

  constructor(
    private readonly storage: Storage,
    prefix: string,
  ) {
    this.key = prefix + '.resume';
    const saved = readJson<ResumeState>(storage, this.key, { last_seq: 0, epoch: null }, (v) =>
      typeof v === 'object' && v !== null && Number.isInteger((v as ResumeState).last_seq));
    this.highest = saved.last_seq;
    this.epoch = typeof saved.epoch === 'string' ? saved.epoch : null;
  }

  current(): ResumeState {
    let lastSeq = this.highest;
    for (const seq of this.unprocessed) lastSeq = Math.min(lastSeq, seq - 1);
    return { last_seq: lastSeq, epoch: this.epoch };
  }

  /** A session of epoch began: a different epoch counts its seqs from nothing. */
  sessionStarted(epoch: string | null): void {
    if (epoch !== this.epoch) {
      this.epoch = epoch;
      this.highest = 0;
      this.unprocessed.clear();
      this.save();
    }
  }

  received(seq: number): void {
    this.unprocessed.add(seq);
  }

  processed(seq: number): void {
    this.unprocessed.delete(seq);
    if (seq > this.highest) this.highest = seq;
    this.save();
  }

  private save(): void {
    this.storage.set(this.key, JSON.stringify(this.current()));
  }
}
