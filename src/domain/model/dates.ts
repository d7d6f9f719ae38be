// Dates travel through the domain as ISO strings "yyyy-mm-dd" (no time, no time zone).

export type IsoDate = string;

const EXCEL_EPOCH_OFFSET = 25569; // serial of 1970-01-01

export function isoToSerial(iso: IsoDate): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86400000 + EXCEL_EPOCH_OFFSET;
}

export function serialToIso(serial: number): IsoDate {
  const ms = Math.round((Math.floor(serial) - EXCEL_EPOCH_OFFSET) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return isoToSerial(b) - isoToSerial(a);
}

export function isoFromParts(y: number, m: number, d: number): IsoDate | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(2000, m - 1, d));
  dt.setUTCFullYear(y); // Date.UTC maps years 0–99 to 19xx
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** dd/mm/yyyy for messages and text. */
export function formatIt(iso: IsoDate): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export function todayIso(now: Date = new Date()): IsoDate {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()) as IsoDate;
}
