// Seeded random plans for the independent-engine test: written as Excel tables through the xlsx host's
// prepareSheets, or as plain ranges (no tables) straight with exceljs.
import ExcelJS from "exceljs";
import type { RawValue } from "../../src/domain/model/raw";
import { PARAMETRI } from "../../src/domain/model/schema";
import type { WorkbookTemplate } from "../../src/domain/model/sheet";
import { buildTemplate } from "../../src/domain/template/template";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";

/** mulberry32: small, seeded, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenOptions {
  /** Leave out these headers (optional columns) from every sheet. */
  drop?: string[];
}

type Row = Record<string, RawValue>;

function date(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

export function randomTemplate(seed: number, opts: GenOptions = {}): WorkbookTemplate {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number) => r() < p;
  const round2 = (x: number) => Math.round(x * 100) / 100;

  const pesoFasi = pick([50, 50, 30, 100, 0, 65]);
  const sogliaR = pick([90, 90, 80, 75.5]);
  const sogliaP = pick([70, 70, 60, 50]);
  const formula = pick(["T/A", "2T-A", "2t - a"]);
  const dataRif = pick([null, date(2023, 6, 30), date(2023, 12, 31), date(2023, 3, 15)]);
  const params: Record<string, RawValue> = {
    anno: pick([2023, null]),
    dataRiferimento: dataRif,
    pesoFasiNelGrado: pesoFasi,
    sogliaRaggiunto: sogliaR,
    sogliaParzialmente: sogliaP,
    formulaDecrescente: formula,
  };

  const cdr = ["Servizi Sociali", "Cultura", "SERVIZI SOCIALI", "Scuola (infanzia)"];
  const ass = [null, "Assessorato A", "Assessorato B"];
  const vp = [null, "VP 1 - Benessere", "VP*2 stella?"];
  const dup = [null, "DUP_01 PRIMA", "DUP_02 SECONDA"];
  const allWeighted = chance(0.5);

  const obiettivi: Row[] = [];
  const fasi: Row[] = [];
  const indicatori: Row[] = [];
  const nOb = 3 + Math.floor(r() * 6);
  for (let i = 1; i <= nOb; i++) {
    const code = `OB_${seed}_${i}`;
    obiettivi.push({
      Codice: code,
      Titolo: `Obiettivo ${i}`,
      Assessorato: pick(ass),
      "Centro di Responsabilità": pick(cdr),
      Responsabile: "Rossi",
      "Valore Pubblico": pick(vp),
      "Obiettivo di Mandato": pick(dup),
      "Obiettivo di Missione": pick(dup),
      "Obiettivo di Programma": pick(dup),
      Peso: allWeighted || chance(0.5) ? 1 + Math.floor(r() * 10) : null,
    });
    // The Nucleo's grade now and then, at a threshold too (Grado Finale and Esito read it).
    if (chance(0.3)) {
      obiettivi[obiettivi.length - 1]["Grado Validato %"] = pick([
        0,
        100,
        sogliaR,
        sogliaP,
        round2(r() * 100),
      ]);
      obiettivi[obiettivi.length - 1]["Motivazione Validazione"] = "Verbale del Nucleo";
    }
    const ref = () => (chance(0.2) ? code.toLowerCase() : code);
    const special = chance(0.15); // G exactly at a threshold: one phase at Soglia, no indicators
    const nF = special ? 1 : Math.floor(r() * 5);
    const weighted = chance(0.6);
    for (let k = 0; k < nF; k++) {
      const m = 1 + Math.floor(r() * 12);
      const fp = chance(0.9) ? date(2023, m, 1 + Math.floor(r() * 28)) : null;
      const fe = fp && chance(0.6) ? new Date(fp.getTime() + Math.round((r() - 0.5) * 40) * 86400000) : null;
      fasi.push({
        Obiettivo: ref(),
        Fase: `Fase ${k + 1}`,
        "Inizio Previsto": date(2023, 1, 1),
        "Fine Prevista": fp,
        "Inizio Effettivo": fe ? date(2023, 1, 2) : null,
        "Fine Effettiva": fe,
        Peso: special ? null : weighted ? pick([null, 0, round2(10 + r() * 40), 25]) : null,
        Avanzamento: special ? pick([sogliaR, sogliaP]) : pick([null, 0, 100, 100, round2(r() * 100)]),
      });
    }
    const nI = special ? 0 : Math.floor(r() * 4);
    for (let k = 0; k < nI; k++) {
      indicatori.push({
        Obiettivo: ref(),
        Descrizione: `Indicatore ${k + 1}`,
        Tipo: "EFFICACIA",
        Polarità: pick([null, "Crescente", "Decrescente", "decrescente", "Decrescente"]),
        "Valore Atteso": pick([null, 0, -5, round2(1 + r() * 200), 100]),
        "Valore Raggiunto": pick([null, 0, -7, round2(r() * 250), 100]),
        Peso: chance(0.6) ? pick([null, 1 + Math.floor(r() * 5)]) : 2,
      });
    }
  }
  // A blank row inside a table sometimes: the reader skips it, the formulas show nothing there.
  if (chance(0.5)) fasi.splice(Math.floor(fasi.length / 2), 0, {});

  const t = buildTemplate(2023);
  const drop = new Set(opts.drop ?? []);
  for (const spec of t.tables) {
    if (spec.sheet === "Parametri") {
      spec.rows = PARAMETRI.map((p) => [
        p.label,
        p.key in params ? params[p.key] : (spec.rows.find((x) => x[0] === p.label)?.[1] ?? null),
      ]);
      continue;
    }
    const data = spec.sheet === "Obiettivi" ? obiettivi : spec.sheet === "Fasi" ? fasi : indicatori;
    const keep = spec.columns
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => !drop.has(`${spec.sheet}.${c.header}`));
    spec.columns = keep.map(({ c }) => c);
    spec.rows = data.map((row) => keep.map(({ c }) => row[c.header] ?? null));
  }
  return t;
}

/** The template as Excel tables (the usual layout). */
export async function writeAsTables(t: WorkbookTemplate): Promise<Uint8Array> {
  const host = await XlsxHost.createEmpty();
  await host.prepareSheets(t, { fillRows: true });
  return host.toBuffer();
}

/** The template as plain ranges: header in row 1, no Excel tables. */
export async function writeAsPlainRanges(t: WorkbookTemplate): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const spec of t.tables) {
    const ws = wb.addWorksheet(spec.sheet);
    ws.addRow(spec.columns.map((c) => c.header));
    for (const row of spec.rows) ws.addRow(row.map((v) => (v === null ? null : v)) as ExcelJS.CellValue[]);
    spec.columns.forEach((c, i) => {
      if (c.numberFormat) ws.getColumn(i + 1).numFmt = c.numberFormat;
    });
  }
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out as ArrayBuffer);
}
