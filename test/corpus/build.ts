// The bad-input corpus, built by code into a directory (no committed binaries): workbooks with every
// kind of broken or hostile content a user or another program could hand the CLI. Each case says which
// exit codes docs/reference/cli.md allows for validate, rollup and generate, with the reason.
import { promises as fs } from "node:fs";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import type { RawValue } from "../../src/domain/model/raw";
import { FASI_COLUMNS, INDICATORI_COLUMNS, OBIETTIVI_COLUMNS, SHEETS } from "../../src/domain/model/schema";
import { buildSample, type SamplePlanJson } from "../../src/domain/template/template";
import type { WorkbookTemplate } from "../../src/domain/model/sheet";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { editParts, exceljsEditable } from "../helpers/xlsxFiles";
import { loadSampleJson } from "../excel/helpers";

export interface CorpusCase {
  name: string;
  file: string;
  /** Allowed exit codes per command. */
  expect: { validate: number[]; rollup: number[]; generate: number[] };
  why: string;
}

/** Unreadable: every command stops with exit 2 and one message. */
const UNREADABLE = { validate: [2], rollup: [2], generate: [2] };
/** Bad data but a readable layout: validate finds errors (1); rollup and generate still run (0). */
const BAD_DATA = { validate: [1], rollup: [0], generate: [0] };
/** Layout not readable (sheets or required headers missing): validate 1, the others are blocked (2). */
const BLOCKED = { validate: [1], rollup: [2], generate: [2] };

const LONG = "Testo lunghissimo. ".repeat(2000).slice(0, 32767 - 5) + " FINE";

/** A few objectives of the 2023 sample: enough rows for every rule, quick to generate. */
function smallSample(n = 6): WorkbookTemplate {
  const data = loadSampleJson();
  const trimmed: SamplePlanJson = { ...data, obiettivi: data.obiettivi.slice(0, n) };
  return buildSample(trimmed);
}

/** A workbook to edit cell by cell: the sample as the CLI writes it, then edited and saved by exceljs. */
interface Book {
  workbook: ExcelJS.Workbook;
  toBuffer(): Promise<Uint8Array>;
}

async function sampleHost(template = smallSample()): Promise<Book> {
  const host = await XlsxHost.createEmpty();
  await host.prepareSheets(template, { fillRows: true });
  const workbook = await exceljsEditable(await host.toBuffer());
  return { workbook, toBuffer: async () => Buffer.from(await workbook.xlsx.writeBuffer()) };
}

function sheet(host: Book, name: string): ExcelJS.Worksheet {
  const ws = host.workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Column number of a header on row 1. */
function col(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((c, n) => {
    if (!found && String(c.value) === header) found = n;
  });
  if (!found) throw new Error(`no header ${header} in ${ws.name}`);
  return found;
}

const INPUT_SHEETS = [
  { name: SHEETS.obiettivi, columns: OBIETTIVI_COLUMNS },
  { name: SHEETS.fasi, columns: FASI_COLUMNS },
  { name: SHEETS.indicatori, columns: INDICATORI_COLUMNS },
];

/** Sets cells of every input column on data rows 2.. with values chosen per column kind. */
function everyColumn(
  host: Book,
  pick: (kind: string, header: string, i: number) => ExcelJS.CellValue | undefined,
): void {
  for (const s of INPUT_SHEETS) {
    const ws = sheet(host, s.name);
    s.columns.forEach((c, i) => {
      const v = pick(c.kind, c.header, i);
      if (v === undefined) return;
      // Keys stay valid on the other rows, so phases and indicators still find their objectives.
      ws.getCell(2, col(ws, c.header)).value = v;
    });
  }
}

async function save(host: Book | XlsxHost, dir: string, name: string): Promise<string> {
  const file = join(dir, name);
  await fs.writeFile(file, await host.toBuffer());
  return file;
}

async function saveWorkbook(wb: ExcelJS.Workbook, dir: string, name: string): Promise<string> {
  const file = join(dir, name);
  await fs.writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

export async function buildCorpus(dir: string): Promise<CorpusCase[]> {
  const cases: CorpusCase[] = [];
  const add = (name: string, file: string, expect: CorpusCase["expect"], why: string) =>
    cases.push({ name, file, expect, why });

  // --- wrong types in every column -------------------------------------------------------------
  {
    const host = await sampleHost();
    everyColumn(host, (kind, _h, i) =>
      kind === "text"
        ? [12345.678, true, new Date(Date.UTC(2023, 4, 6))][i % 3]
        : kind === "number" || kind === "percent"
          ? ["dodici", "1.2.3", true, new Date(Date.UTC(2023, 0, 1))][i % 4]
          : ["32/13/2023", "domani", true, 3.5e9][i % 4],
    );
    const par = sheet(host, SHEETS.parametri);
    par.eachRow((row, r) => {
      if (r > 1) row.getCell(2).value = ["duemila", true, -7, "T/X"][r % 4];
    });
    add("tipi-sbagliati", await save(host, dir, "tipi-sbagliati.xlsx"), BAD_DATA, "every column typed wrong");
  }

  // --- error values in every column --------------------------------------------------------------
  {
    const host = await sampleHost();
    const errors = ["#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"];
    everyColumn(host, (_k, _h, i) => ({ error: errors[i % errors.length] }) as ExcelJS.CellErrorValue);
    add("valori-errore", await save(host, dir, "valori-errore.xlsx"), BAD_DATA, "#N/A, #REF!… everywhere");
  }

  // --- texts of 32,767 characters (Excel's cell limit) -------------------------------------------
  {
    const host = await sampleHost();
    // In a few columns of each sheet (every text column makes a Scheda of thousands of pages).
    const long = new Set(["Titolo", "Valore Pubblico", "Polarità", "Note", "Descrizione"]);
    everyColumn(host, (kind, header) => (kind === "text" && long.has(header) ? LONG : undefined));
    add(
      "testo-32767",
      await save(host, dir, "testo-32767.xlsx"),
      { validate: [0, 1], rollup: [0], generate: [0] },
      "32,767-character texts in every text column: legal content",
    );
  }

  // --- emoji, right-to-left, combining and zero-width characters --------------------------------
  {
    const host = await sampleHost();
    const texts = [
      "Obiettivo 🎯 famiglie 👨‍👩‍👧‍👦 ✅",
      "مدرسة الأطفال — שירותים חברתיים",
      "Cafe\u0301 e\u200b zero\u200dwidth \u202eRLO\u202c",
      "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛 (astral)",
    ];
    everyColumn(host, (kind, header, i) =>
      kind === "text" && header !== "Obiettivo" ? texts[i % texts.length] : undefined,
    );
    add(
      "unicode",
      await save(host, dir, "unicode.xlsx"),
      { validate: [0, 1], rollup: [0], generate: [0] },
      "emoji, Arabic and Hebrew, combining marks, zero-width and bidi controls",
    );
  }

  // --- formula-like text ---------------------------------------------------------------------------
  {
    const host = await sampleHost();
    const texts = [
      '=HYPERLINK("http://esempio.invalid/x","clic")',
      "+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      "-2+3+cmd|' /C notepad'!A0",
      "=1/0",
    ];
    everyColumn(host, (kind, header, i) =>
      kind === "text" && header !== "Obiettivo" ? texts[i % texts.length] : undefined,
    );
    add(
      "testo-formula",
      await save(host, dir, "testo-formula.xlsx"),
      { validate: [0, 1], rollup: [0], generate: [0] },
      "=HYPERLINK, +cmd, @SUM, -2+3 as text",
    );
  }

  // --- dates before 1900 and after 9999 --------------------------------------------------------------
  {
    const host = await sampleHost();
    const dates: ExcelJS.CellValue[] = [
      new Date(Date.UTC(1850, 0, 1)),
      "01/01/1899",
      "31/12/10000",
      "9999-12-31",
      -5,
      3_000_000,
      "29/02/2023",
      "0000-00-00",
    ];
    everyColumn(host, (kind, _h, i) => (kind === "date" ? dates[i % dates.length] : undefined));
    const ws = sheet(host, SHEETS.fasi);
    dates.forEach((d, i) => {
      if (ws.rowCount >= 3 + i) ws.getCell(3 + i, col(ws, "Fine Prevista")).value = d;
    });
    add("date-estreme", await save(host, dir, "date-estreme.xlsx"), BAD_DATA, "dates outside 1900–9999");
  }

  // --- negative and huge numbers --------------------------------------------------------------------
  {
    const host = await sampleHost();
    const nums = [-50, 1.7976931348623157e308, -1e300, 1e15, 5e-324, -0.000001, 1e21];
    everyColumn(host, (kind, _h, i) =>
      kind === "number" || kind === "percent" ? nums[i % nums.length] : undefined,
    );
    const ws = sheet(host, SHEETS.indicatori);
    nums.forEach((v, i) => {
      if (ws.rowCount >= 3 + i) ws.getCell(3 + i, col(ws, "Valore Atteso")).value = v;
    });
    add(
      "numeri-estremi",
      await save(host, dir, "numeri-estremi.xlsx"),
      BAD_DATA,
      "negative and huge numbers",
    );
  }

  // --- duplicated headers --------------------------------------------------------------------------
  {
    const wb = new ExcelJS.Workbook();
    const prepared = await XlsxHost.createEmpty();
    await prepared.prepareSheets(smallSample(), { fillRows: true });
    const rows = (await prepared.readWorkbook()).sheets;
    for (const s of rows) {
      const ws = wb.addWorksheet(s.name);
      s.values.forEach((r, i) => {
        // Every header appears twice: the row is followed by a copy of itself.
        const line = [...r, ...r].map((v) => toCell(v));
        ws.getRow(i + 1).values = line;
      });
    }
    add(
      "intestazioni-doppie",
      await saveWorkbook(wb, dir, "intestazioni-doppie.xlsx"),
      { validate: [1], rollup: [0, 2], generate: [0, 2] },
      "every column twice (plain ranges, no tables)",
    );
  }

  // --- missing required headers ---------------------------------------------------------------------
  {
    const host = await sampleHost();
    for (const [s, h] of [
      [SHEETS.obiettivi, "Codice"],
      [SHEETS.fasi, "Obiettivo"],
      [SHEETS.indicatori, "Descrizione"],
    ]) {
      const ws = sheet(host, s);
      ws.getCell(1, col(ws, h)).value = "Colonna sconosciuta";
    }
    add(
      "intestazioni-mancanti",
      await save(host, dir, "intestazioni-mancanti.xlsx"),
      BLOCKED,
      "required headers renamed",
    );
  }

  // --- empty sheets, only Parametri, no known sheet --------------------------------------------------
  {
    const wb = new ExcelJS.Workbook();
    for (const s of [SHEETS.parametri, SHEETS.obiettivi, SHEETS.fasi, SHEETS.indicatori]) wb.addWorksheet(s);
    add(
      "fogli-vuoti",
      await saveWorkbook(wb, dir, "fogli-vuoti.xlsx"),
      BLOCKED,
      "the four sheets, all empty",
    );
  }
  {
    const host = await XlsxHost.createEmpty();
    const t = smallSample();
    await host.prepareSheets(
      { ...t, tables: t.tables.filter((x) => x.sheet === SHEETS.parametri) },
      { fillRows: true },
    );
    add("solo-parametri", await save(host, dir, "solo-parametri.xlsx"), BLOCKED, "only Parametri");
  }
  {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Foglio1").getCell("A1").value = "niente";
    add(
      "nessun-foglio-noto",
      await saveWorkbook(wb, dir, "nessun-foglio-noto.xlsx"),
      BLOCKED,
      "no input sheet",
    );
  }

  // --- 50,000 blank rows inside a table ---------------------------------------------------------------
  {
    const t = smallSample();
    const blank = (width: number): RawValue[] => new Array<RawValue>(width).fill(null);
    const tables = t.tables.map((x) => {
      if (x.sheet !== SHEETS.fasi) return x;
      const half = Math.ceil(x.rows.length / 2);
      const width = x.columns.length;
      const gap = Array.from({ length: 50_000 }, () => blank(width));
      return { ...x, rows: [...x.rows.slice(0, half), ...gap, ...x.rows.slice(half)] };
    });
    const host = await sampleHost({ ...t, tables });
    add(
      "righe-vuote-50000",
      await save(host, dir, "righe-vuote-50000.xlsx"),
      { validate: [0, 1], rollup: [0], generate: [0] },
      "tblFasi with 50,000 blank rows in the middle",
    );
  }

  // --- files that are not readable workbooks -----------------------------------------------------------
  const good = await (await sampleHost()).toBuffer();
  {
    const file = join(dir, "zip-corrotto.xlsx");
    await fs.writeFile(file, Buffer.from(good).subarray(0, Math.floor(good.length / 2)));
    add("zip-corrotto", file, UNREADABLE, "the zip cut in half");
  }
  {
    const file = join(dir, "xml-corrotto.xlsx");
    const bytes = await editParts(good, (name, text) =>
      name === "xl/worksheets/sheet2.xml" ? text.slice(0, 400) + "<<<" : null,
    );
    await fs.writeFile(file, bytes);
    add("xml-corrotto", file, UNREADABLE, "a sheet's XML cut and broken inside a valid zip");
  }
  {
    // An encrypted .xlsx is an OLE compound file (magic D0 CF 11 E0 A1 B1 1A E1) holding
    // EncryptionInfo and EncryptedPackage streams; the header is what tells it apart.
    const file = join(dir, "protetto-password.xlsx");
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from("EncryptionInfo", "utf16le").copy(cfb, 1024);
    Buffer.from("EncryptedPackage", "utf16le").copy(cfb, 1152);
    await fs.writeFile(file, cfb);
    add("protetto-password", file, UNREADABLE, "password-protected (OLE container)");
  }
  {
    const file = join(dir, "vuoto.xlsx");
    await fs.writeFile(file, Buffer.alloc(0));
    add("file-vuoto", file, UNREADABLE, "zero bytes");
  }
  {
    const file = join(dir, "testo.xlsx");
    await fs.writeFile(file, "Codice;Titolo\nOB1;Non è un foglio Excel\n");
    add("non-xlsx", file, UNREADABLE, "a CSV named .xlsx");
  }
  {
    const file = join(dir, "macro.xlsm");
    const bytes = await editParts(
      good,
      (name, text) =>
        name === "[Content_Types].xml"
          ? text.replace(
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
              "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            )
          : null,
      [{ name: "xl/vbaProject.bin", data: Buffer.from("not really VBA") }],
    );
    await fs.writeFile(file, bytes);
    add(
      "xlsm",
      file,
      { validate: [0, 1], rollup: [2], generate: [2] },
      "a macro workbook: readable, but rewriting it would drop the macros (docs/reference/cli.md: stop unless --force)",
    );
  }
  return cases;
}

function toCell(v: RawValue): ExcelJS.CellValue {
  if (v === null || typeof v !== "object" || v instanceof Date) return v;
  if (!("error" in v)) return null;
  return { error: v.error } as ExcelJS.CellErrorValue;
}
