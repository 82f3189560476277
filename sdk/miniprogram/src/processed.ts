import { readJson, type Storage } from './storage';

const BUCKET = 50;
const BUCKETS = 21;

/**
 * The (from, id) pairs already handed to the application, so that repeats are dropped (LL-DD-6),
 * also after the app was killed. LL-DD-6 asks for each pair until dedup_window_ms has passed or
 * 1000 later deliveries came, whichever is first; keeping the latest 1000-1050 pairs whatever
 * their age meets both. They are stored in 21 buckets of 50, so that recording one pair
 * rewrites one small key, not the whole memory.
 */
export class ProcessedIds {
  private readonly buckets: string[][] = [];
  private readonly known = new Set<string>();
  private head: number;

  constructor(
    private readonly storage: Storage,
    private readonly prefix: string,
  ) {
    this.head = readJson<number>(storage, prefix + '.processed.head', 0, (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < BUCKETS);
    for (let b = 0; b < BUCKETS; b++) {
      const keys = readJson<string[]>(storage, prefix + '.processed.' + b, [], Array.isArray);
      this.buckets.push(keys);
      keys.forEach((k) => this.known.add(k));
    }
  }

  static key(from: string, id: string): string {
    return from + '\n' + id;
  }

  has(key: string): boolean {
    return this.known.has(key);
  }

  add(key: string): void {
    let bucket = this.buckets[this.head]!;
    if (bucket.length >= BUCKET) {
      this.head = (this.head + 1) % BUCKETS;
      bucket = this.buckets[this.head]!;
      bucket.forEach((k) => this.known.delete(k));
      bucket.length = 0;
      this.storage.set(this.prefix + '.processed.head', String(this.head));
    }
    bucket.push(key);
    this.known.add(key);
    this.storage.set(this.prefix + '.processed.' + this.head, JSON.stringify(bucket));
  }
}
