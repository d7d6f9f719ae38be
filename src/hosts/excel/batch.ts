// Payload-aware batching: Excel on the web refuses a request over 5 MB, so writes are queued until
// the estimated request size would pass BUDGET, then synced. The number of syncs depends only on the
// payload, never on the number of rows or objectives.
// https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization
import { utf8Length } from "../utf8";

/**
 * Estimated request bytes above which a sync is made before queueing more. With the estimates below
 * (measured on the library's real request bodies, within about 10 %) a request stays near 4 MB,
 * well below Excel's 5 MB.
 */
export const BUDGET = 4_000_000;
/** Largest 2-D block written by one action, so blocks pack well into requests. */
export const BLOCK_BYTES = 400_000;
/**
 * What one range operation costs on the wire besides its value: object path and instantiation (ranges
 * are untracked, so no keep-reference action goes with them).
 */
export const RANGE_OVERHEAD = 280;
/** One property set or method call. */
export const ACTION_OVERHEAD = 110;
/** One navigation step (range.format, format.font, borders.getItem(…)): a path and its instantiation. */
export const NAV_OVERHEAD = 110;

export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v));
}

export class Batcher {
  private pending = 0;
  private segmentOpen = false;
  syncs = 0;

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly onSegmentStart: (ctx: Excel.RequestContext) => void = () => {},
  ) {}

  /** Call before queueing an operation of about `bytes`; syncs first when the request would grow too big. */
  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > BUDGET) {
      await this.sync();
    }
    if (!this.segmentOpen) {
      // Suspensions last only until the next sync: each request starts with them.
      this.onSegmentStart(this.ctx);
      this.segmentOpen = true;
    }
    this.pending += bytes;
  }

  /** Sends what is queued (nothing to send: no request). */
  async sync(): Promise<void> {
    if (!this.segmentOpen) return;
    await this.ctx.sync();
    this.syncs++;
    this.pending = 0;
    this.segmentOpen = false;
  }
}

/** Splits rows into consecutive slices whose JSON stays under BLOCK_BYTES (a single huge row stays alone). */
export function rowSlices<T>(
  rows: T[][],
  maxBytes = BLOCK_BYTES,
): { start: number; rows: T[][]; bytes: number }[] {
  const out: { start: number; rows: T[][]; bytes: number }[] = [];
  let start = 0;
  let cur: T[][] = [];
  let bytes = 2;
  rows.forEach((row, i) => {
    const b = jsonBytes(row) + 1;
    if (cur.length > 0 && bytes + b > maxBytes) {
      out.push({ start, rows: cur, bytes });
      start = i;
      cur = [];
      bytes = 2;
    }
    cur.push(row);
    bytes += b;
  });
  if (cur.length > 0) out.push({ start, rows: cur, bytes });
  return out;
}
