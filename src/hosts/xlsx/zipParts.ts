// Reads one part of an .xlsx zip without exceljs (in Node and in the browser): used where exceljs
// loses information while parsing, e.g. defined names that are formulas.

interface DecompressionStreamCtor {
  new (format: string): { readable: unknown; writable: unknown };
}

function u16(b: Uint8Array, p: number): number {
  return b[p] | (b[p + 1] << 8);
}
function u32(b: Uint8Array, p: number): number {
  return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;
}

/** The text of one zip entry, or null (no such entry, unreadable zip, no DecompressionStream). */
export async function readZipText(bytes: Uint8Array, name: string): Promise<string | null> {
  try {
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
      if (u32(bytes, i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const count = u16(bytes, eocd + 10);
    let p = u32(bytes, eocd + 16);
    const decoder = new TextDecoder("utf-8");
    for (let i = 0; i < count; i++) {
      if (u32(bytes, p) !== 0x02014b50) return null;
      const method = u16(bytes, p + 10);
      const size = u32(bytes, p + 20);
      const nameLen = u16(bytes, p + 28);
      const skip = nameLen + u16(bytes, p + 30) + u16(bytes, p + 32);
      const local = u32(bytes, p + 42);
      if (decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)) === name) {
        const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
        const data = bytes.subarray(start, start + size);
        if (method === 0) return decoder.decode(data);
        if (method !== 8) return null;
        return decoder.decode(await inflateRaw(data));
      }
      p += 46 + skip;
    }
    return null;
  } catch {
    return null;
  }
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const Ctor = (globalThis as { DecompressionStream?: DecompressionStreamCtor }).DecompressionStream;
  if (!Ctor) throw new Error("DecompressionStream unavailable");
  const stream = new Ctor("deflate-raw");
  // Response turns the stream back into bytes in Node 18+ and in browsers alike.
  const ResponseCtor = (
    globalThis as { Response?: new (body: unknown) => { arrayBuffer(): Promise<ArrayBuffer> } }
  ).Response;
  if (!ResponseCtor) throw new Error("Response unavailable");
  const writer = (
    stream.writable as { getWriter(): { write(c: Uint8Array): Promise<void>; close(): Promise<void> } }
  ).getWriter();
  void writer.write(data);
  void writer.close();
  return new Uint8Array(await new ResponseCtor(stream.readable).arrayBuffer());
}

export interface WorkbookDefinedName {
  name: string;
  text: string;
  localSheetId: number | null;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    if (e === "amp") return "&";
    return String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** `<definedName>` entries of xl/workbook.xml, text unescaped. */
export function parseDefinedNames(workbookXml: string): WorkbookDefinedName[] {
  const out: WorkbookDefinedName[] = [];
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    if (!name) continue;
    const local = /\blocalSheetId="(\d+)"/.exec(m[1])?.[1];
    out.push({
      name: unescapeXml(name),
      text: unescapeXml(m[2]),
      localSheetId: local ? Number(local) : null,
    });
  }
  return out;
}
