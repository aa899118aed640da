/** A small seeded generator (mulberry32): the demo data set is the same on every load. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

const DAY_MS = 86_400_000;

/** Calendar arithmetic relative to the day the data set is loaded. */
export class DemoClock {
  readonly now: Date;
  private readonly midnight: number;

  constructor(now: Date = new Date()) {
    this.now = now;
    this.midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  }

  /** `YYYY-MM-DD`, days from today (negative: in the past). */
  day(offset: number): string {
    return new Date(this.midnight + offset * DAY_MS).toISOString().slice(0, 10);
  }

  /** Days from today to a calendar date `YYYY-MM-DD` (negative: in the past). */
  daysTo(date: string): number {
    return Math.round((Date.parse(`${date}T00:00:00Z`) - this.midnight) / DAY_MS);
  }

  /** A timestamp days from now, at a given hour (UTC). */
  at(offsetDays: number, hour = 10): Date {
    return new Date(this.midnight + offsetDays * DAY_MS + hour * 3_600_000);
  }
}
