// A worksheet part built as text pieces and handed on in blocks: as string chunks, or encoded to UTF-8
// as it is written. The Scheda of a 10,000-objective plan is about 210 M characters: one string would
// be near V8's limit (2^29 − 24) and costly to build.
import { utf8Length } from "../utf8";

/** Pieces joined per block. */
const PIECES = 2048;

/** The chunks as one string (fine for every sheet but the biggest Scheda). */
export function joinChunks(chunks: string[]): string {
  return chunks.length === 1 ? chunks[0] : chunks.join("");
}

/**
 * The chunks as UTF-8 bytes in one buffer (off the JS heap), e.g. for JSZip. The exact size is counted
 * first, so the buffer is allocated once (growing buffers measured twice as slow on the biggest sheets).
 */
export function xmlUtf8(chunks: string[]): Uint8Array {
  let total = 0;
  for (const c of chunks) total += utf8Length(c);
  const out = new Uint8Array(total);
  const encoder = new TextEncoder();
  let at = 0;
  for (const c of chunks) at += encoder.encodeInto(c, out.subarray(at)).written;
  return out;
}

/**
 * Collects small strings and hands them on joined in blocks of PIECES. Short-lived flat blocks keep
 * the garbage collector and the encoding cheap; concatenating with += (cons strings) or joining the
 * blocks again into megabyte chunks measured two to three times slower.
 */
export class PieceWriter {
  private pieces: string[] = [];

  constructor(private readonly sink: (block: string) => void) {}

  push(s: string): void {
    this.pieces.push(s);
    if (this.pieces.length >= PIECES) this.flush();
  }

  finish(): void {
    this.flush();
  }

  private flush(): void {
    if (this.pieces.length === 0) return;
    this.sink(this.pieces.join(""));
    this.pieces = [];
  }
}

/** UTF-8 bytes of a sequence of strings, encoded as they come, in one buffer at the end. */
export class Utf8Sink {
  private readonly encoder = new TextEncoder();
  private readonly done: Uint8Array[] = [];
  private doneBytes = 0;
  private buf = new Uint8Array(1 << 20);
  private used = 0;

  write(s: string): void {
    if (this.buf.length - this.used < s.length * 3) {
      this.retire();
      if (this.buf.length < s.length * 3) this.buf = new Uint8Array(s.length * 3);
    }
    this.used += this.encoder.encodeInto(s, this.buf.subarray(this.used)).written;
  }

  finish(): Uint8Array {
    this.retire();
    const out = new Uint8Array(this.doneBytes);
    let at = 0;
    for (const d of this.done) {
      out.set(d, at);
      at += d.length;
    }
    return out;
  }

  private retire(): void {
    if (this.used === 0) return;
    this.done.push(this.buf.subarray(0, this.used));
    this.doneBytes += this.used;
    // Fewer, bigger buffers: each allocation off the heap can prompt a full garbage collection.
    this.buf = new Uint8Array(Math.min(1 << 25, this.buf.length * 2));
    this.used = 0;
  }
}
