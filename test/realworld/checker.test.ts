// The "nothing lost" checker judged on its own, independently of the file host:
// (a) output = input → nothing reported;
// (b) a lossy round trip through exceljs load + save → the losses an independent look at the zip
//     confirms (parts gone, scoped names merged, t="d" cells rewritten…) are all reported;
// (c) hand-made mutations: every owned change passes, every change of each non-owned kind is reported
//     with its kind and place.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { findLosses, formatLosses, type Loss, type LossKind } from "../helpers/nothingLost";
import { canon, parseXml, sheetRows, textOf } from "../helpers/ooxml";
import { buildRealWorldCorpus, CATALOGUE, tablePart, type RealCase } from "./build";
import { PackageEditor, XML_HEAD, NS, inlineStringCell, insertSheetElement, setCell } from "./xmlEdit";

jest.setTimeout(300_000);

let dir: string;
let cases: RealCase[] = [];
let sample: Buffer;

const XML_CASES = CATALOGUE.filter((c) => c.name.startsWith("xml-")).map((c) => c.name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "scheda-checker-"));
  cases = (await buildRealWorldCorpus(dir, { libreoffice: false, only: ["exceljs-esempio", ...XML_CASES] }))
    .cases;
  sample = readFileSync(join(dir, "exceljs-esempio.xlsx"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytesOf = (name: string) => readFileSync(cases.find((c) => c.name === name)!.file);
const kinds = (losses: Loss[]) => [...new Set(losses.map((l) => l.kind))].sort();

// ---------------------------------------------------------------------------------------------
// (a) output = input
// ---------------------------------------------------------------------------------------------

test.each(["exceljs-esempio", ...XML_CASES])("(a) %s: uscita = ingresso → nessuna modifica", async (name) => {
  const b = bytesOf(name);
  expect(formatLosses(await findLosses(b, b))).toBe("");
});

// ---------------------------------------------------------------------------------------------
// (b) exceljs load + save
// ---------------------------------------------------------------------------------------------

async function exceljsRoundTrip(bytes: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function zipText(bytes: Buffer, name: string): Promise<string | null> {
  const f = (await JSZip.loadAsync(bytes)).file(name);
  return f ? f.async("string") : null;
}

/** Per file: what an independent look at the round trip shows lost, and the loss the checker must report. */
const LOSSY: {
  name: string;
  lost: (out: Buffer) => Promise<boolean>;
  reported: (l: Loss) => boolean;
}[] = [
  {
    name: "xml-collegamento-esterno",
    lost: async (o) => (await zipText(o, "xl/externalLinks/externalLink1.xml")) === null,
    reported: (l) => l.kind === "part-missing" && l.part === "xl/externalLinks/externalLink1.xml",
  },
  {
    name: "xml-estensioni-x14",
    lost: async (o) => !(await zipText(o, "xl/worksheets/sheet2.xml"))?.includes("sparklineGroup"),
    reported: (l) => l.kind === "sheet-element" && l.where === "Obiettivi!<extLst>",
  },
  {
    name: "xml-casella-testo",
    lost: async (o) => (await zipText(o, "xl/drawings/drawing1.xml")) === null,
    reported: (l) => l.kind === "part-missing" && l.part === "xl/drawings/drawing1.xml",
  },
  {
    name: "xml-commenti",
    lost: async (o) => (await zipText(o, "xl/threadedComments/threadedComment1.xml")) === null,
    reported: (l) => l.kind === "part-missing" && l.part === "xl/threadedComments/threadedComment1.xml",
  },
  {
    name: "xml-commenti",
    lost: async (o) => (await zipText(o, "xl/persons/person.xml")) === null,
    reported: (l) => l.kind === "part-missing" && l.part === "xl/persons/person.xml",
  },
  {
    name: "xml-date-iso",
    lost: async (o) => !/<c r="C2"[^>]*t="d"/.test((await zipText(o, "xl/worksheets/sheet3.xml")) ?? ""),
    reported: (l) => l.kind === "cell" && l.where === "Fasi!C2" && l.detail.includes('t="d"'),
  },
  {
    name: "xml-grafico",
    lost: async (o) => (await zipText(o, "xl/charts/chart1.xml")) === null,
    reported: (l) => l.kind === "part-missing" && l.part === "xl/charts/chart1.xml",
  },
  {
    name: "xml-pivot",
    lost: async (o) => (await zipText(o, "xl/pivotTables/pivotTable1.xml")) === null,
    reported: (l) => l.kind === "part-missing" && l.part === "xl/pivotTables/pivotTable1.xml",
  },
  {
    name: "xml-macro",
    lost: async (o) => (await zipText(o, "xl/vbaProject.bin")) === null,
    reported: (l) => l.kind === "part-missing" && l.part === "xl/vbaProject.bin",
  },
  {
    name: "xml-macro",
    lost: async (o) => !(await zipText(o, "[Content_Types].xml"))?.includes("macroEnabled"),
    reported: (l) => l.kind === "content-type" && l.where === "Override /xl/workbook.xml",
  },
  {
    name: "xml-customxml",
    lost: async (o) => (await zipText(o, "customXml/item1.xml")) === null,
    reported: (l) => l.kind === "part-missing" && l.part === "customXml/item1.xml",
  },
  {
    name: "xml-nomi-formula",
    // The name scoped to Parametri (localSheetId 0) is merged into the global one of the same name.
    lost: async (o) =>
      !/<definedName name="Totale" localSheetId="0"/.test((await zipText(o, "xl/workbook.xml")) ?? ""),
    reported: (l) => l.kind === "name-missing" && l.where === "Totale (ambito Parametri)",
  },
  {
    name: "xml-nomi-formula",
    lost: async (o) => !(await zipText(o, "xl/workbook.xml"))?.includes("Parametri!$B$3*2"),
    reported: (l) => l.kind === "name-changed" && l.where === "DoppioAnno (globale)",
  },
  {
    name: "xml-nomi-formula",
    lost: async (o) => !(await zipText(o, "xl/workbook.xml"))?.includes("TODAY()"),
    reported: (l) => l.kind === "name-missing" && l.where === "Oggi (globale)",
  },
  {
    name: "exceljs-esempio",
    // exceljs splits or merges the data validations it reads back.
    lost: async (o) =>
      !(await zipText(o, "xl/worksheets/sheet3.xml"))?.includes('<dataValidations count="6">'),
    reported: (l) => l.kind === "sheet-element" && l.where === "Fasi!<dataValidations>[0]",
  },
];

test.each(LOSSY.map((x, i) => [x.name, i] as const))(
  "(b) %s dopo load+save di exceljs: la perdita confermata sul file è segnalata (#%i)",
  async (name, i) => {
    const spec = LOSSY[i];
    const input = bytesOf(name);
    const out = await exceljsRoundTrip(input);
    // The independent observation first: otherwise the case tests nothing.
    expect(await spec.lost(out)).toBe(true);
    const losses = await findLosses(input, out);
    if (!losses.some(spec.reported))
      throw new Error(`perdita non segnalata; segnalate:\n${formatLosses(losses)}`);
  },
);

// ---------------------------------------------------------------------------------------------
// (c) hand-made mutations
// ---------------------------------------------------------------------------------------------

const OB = "xl/worksheets/sheet2.xml";
const FASI = "xl/worksheets/sheet3.xml";
const IND = "xl/worksheets/sheet4.xml";
const PAR = "xl/worksheets/sheet1.xml";

/** User names every mutation base carries: a global and a sheet-scoped one, a print area of an input sheet. */
const USER_NAMES =
  '<definedName name="Totale">Fasi!$G$2:$G$81</definedName>' +
  '<definedName name="Totale" localSheetId="0">Parametri!$B$7:$B$9</definedName>' +
  '<definedName name="_xlnm.Print_Area" localSheetId="1">Obiettivi!$A$1:$M$34</definedName>';

async function edited(base: Buffer, fn: (ed: PackageEditor) => Promise<void>): Promise<Buffer> {
  const ed = await PackageEditor.open(base);
  await fn(ed);
  return ed.toBuffer();
}

async function withUserNames(ed: PackageEditor): Promise<void> {
  await ed.edit("xl/workbook.xml", (x) =>
    x.replace("</sheets>", () => `</sheets><definedNames>${USER_NAMES}</definedNames>`),
  );
}

const COMPUTED_HEADERS = ["Avanzamento Fasi %", "Peso x Grado (calcolo)"];

/** What a perfect patcher writes into the base: only owned things. */
async function ownedWrites(ed: PackageEditor, cached = 50): Promise<void> {
  await ed.edit(OB, (x) => {
    let out = x;
    COMPUTED_HEADERS.forEach((h, i) => {
      const col = String.fromCharCode(78 + i); // N, O
      out = setCell(out, `${col}1`, inlineStringCell(`${col}1`, h, 2));
      for (let r = 2; r <= 34; r++) {
        out = setCell(
          out,
          `${col}${r}`,
          `<c r="${col}${r}" s="3"><f>IFERROR(M${r}*1,"")</f><v>${cached + r}</v></c>`,
        );
      }
    });
    return out
      .replace(/spans="1:13"/g, 'spans="1:15"')
      .replace('<dimension ref="A1:M34"/>', '<dimension ref="A1:O34"/>')
      .replace(
        "</cols>",
        '<col min="14" max="14" width="18" customWidth="1"/><col min="15" max="15" width="6" customWidth="1"/></cols>',
      );
  });
  const t = await tablePart(ed, "Obiettivi", "tblObiettivi");
  await ed.edit(t, (x) =>
    x
      .replace(/ref="A1:M34"/g, 'ref="A1:O34"')
      .replace('<tableColumns count="13">', '<tableColumns count="15">')
      .replace(
        "</tableColumns>",
        '<tableColumn id="14" name="Avanzamento Fasi %"/><tableColumn id="15" name="Peso x Grado (calcolo)"/></tableColumns>',
      ),
  );
  // Riepilogo sheet, its print area and a peg name.
  await ed.addSheet(
    "Riepilogo",
    `${XML_HEAD}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Riepilogo</t></is></c></row></sheetData></worksheet>`,
  );
  await ed.edit("xl/workbook.xml", (x) =>
    x.replace(
      "</definedNames>",
      () =>
        '<definedName name="pegAnno">IFERROR(Parametri!$B$3,2023)</definedName><definedName name="_xlnm.Print_Area" localSheetId="4">Riepilogo!$A$1:$G$20</definedName></definedNames>',
    ),
  );
  // Styles appended (and counts updated), never inserted.
  await ed.edit("xl/styles.xml", (x) =>
    x
      .replace('<fonts count="3"', '<fonts count="4"')
      .replace("</fonts>", '<font><sz val="9"/><color rgb="FF808080"/><name val="Calibri"/></font></fonts>')
      .replace(
        /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/,
        (_m, n: string, body: string) =>
          `<cellXfs count="${Number(n) + 1}">${body}<xf numFmtId="2" fontId="3" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>`,
      ),
  );
}

let input: Buffer;
let good: Buffer;

beforeAll(async () => {
  input = await edited(sample, withUserNames);
  good = await edited(input, (ed) => ownedWrites(ed));
});

describe("(c) modifiche di ciò che il componente possiede: nessuna segnalazione", () => {
  test("colonne calcolate, tabella estesa, <col>, spans, dimension, nomi peg, Riepilogo, stili aggiunti", async () => {
    expect(formatLosses(await findLosses(input, good))).toBe("");
  });

  test("seconda esecuzione: le colonne calcolate già presenti sono riscritte con altri valori", async () => {
    const again = await edited(input, (ed) => ownedWrites(ed, 70));
    expect(formatLosses(await findLosses(good, again))).toBe("");
  });

  test("nome peg riscritto, Riepilogo riscritto", async () => {
    const out = await edited(good, async (ed) => {
      await ed.edit("xl/workbook.xml", (x) => x.replace("IFERROR(Parametri!$B$3,2023)", "2024"));
      await ed.edit("xl/worksheets/sheet5.xml", (x) =>
        x.replace("<t>Riepilogo</t>", "<t>Riepilogo 2024</t>"),
      );
    });
    expect(formatLosses(await findLosses(good, out))).toBe("");
  });

  test("calcChain rimossa (con relazione e tipo di contenuto)", async () => {
    const withCalc = await edited(sample, async (ed) => {
      ed.set("xl/calcChain.xml", `${XML_HEAD}<calcChain xmlns="${NS.main}"><c r="B2" i="2"/></calcChain>`);
      await ed.addOverride(
        "xl/calcChain.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
      );
      await ed.addRel("xl/workbook.xml", `${NS.rel}/calcChain`, "calcChain.xml");
    });
    expect(formatLosses(await findLosses(withCalc, sample))).toBe("");
    const changed = await edited(withCalc, (ed) =>
      ed.edit("xl/calcChain.xml", (x) => x.replace('r="B2"', 'r="B3"')),
    );
    expect(kinds(await findLosses(withCalc, changed))).toEqual(["calc-chain"]);
  });
});

interface Mutation {
  label: string;
  kind: LossKind;
  /** A fragment of `where` of at least one reported loss. */
  where: string;
  mutate: (ed: PackageEditor) => Promise<void>;
  /** Input other than the default one (sample + user names). */
  base?: (ed: PackageEditor) => Promise<void>;
  /** Other kinds the same change legitimately causes (a column not owned after all: its cells, its width). */
  also?: LossKind[];
}

const MUTATIONS: Mutation[] = [
  {
    label: "tema cambiato di un byte",
    kind: "part-changed",
    where: "xl/theme/theme1.xml",
    mutate: (ed) =>
      ed.edit("xl/theme/theme1.xml", (x) => x.replace('name="Office Theme"', 'name="Office Themf"')),
  },
  {
    label: "docProps/core.xml tolto",
    kind: "part-missing",
    where: "docProps/core.xml",
    mutate: async (ed) => ed.remove("docProps/core.xml"),
  },
  {
    label: "parte nuova non di Riepilogo/Scheda",
    kind: "part-added",
    where: "xl/media/logo.png",
    mutate: async (ed) => ed.set("xl/media/logo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  },
  {
    label: "sharedStrings: una voce aggiunta",
    kind: "part-changed",
    where: "xl/sharedStrings.xml",
    mutate: (ed) =>
      ed.edit("xl/sharedStrings.xml", (x) => x.replace("</sst>", "<si><t>nuova</t></si></sst>")),
  },
  {
    label: "Parametri: un valore cambiato",
    kind: "part-changed",
    where: PAR,
    mutate: (ed) =>
      ed.edit(PAR, (x) => x.replace('<c r="B7" s="1"><v>50</v></c>', '<c r="B7" s="1"><v>60</v></c>')),
  },
  {
    label: "Obiettivi!B2 valore",
    kind: "cell",
    where: "Obiettivi!B2",
    mutate: (ed) => ed.edit(OB, (x) => setCell(x, "B2", inlineStringCell("B2", "Titolo cambiato", 1))),
  },
  {
    label: "Obiettivi!B2 stile",
    kind: "cell",
    where: "Obiettivi!B2",
    mutate: (ed) => ed.edit(OB, (x) => x.replace('<c r="B2" s="1"', '<c r="B2" s="3"')),
  },
  {
    label: "Obiettivi!B2 tolta",
    kind: "cell",
    where: "Obiettivi!B2",
    mutate: (ed) => ed.edit(OB, (x) => x.replace(/<c r="B2"[^>]*>[\s\S]*?<\/c>/, "")),
  },
  {
    label: "cella scritta fuori dalle colonne calcolate",
    kind: "cell-added",
    where: "Obiettivi!T2",
    mutate: (ed) => ed.edit(OB, (x) => setCell(x, "T2", '<c r="T2"><v>1</v></c>')),
  },
  {
    label: "cella sotto i dati in una colonna calcolata",
    kind: "cell-added",
    where: "Obiettivi!N36",
    mutate: (ed) => ed.edit(OB, (x) => setCell(x, "N36", '<c r="N36"><f>SUM(N2:N34)</f><v>1</v></c>')),
  },
  {
    label: "riga 2: altezza aggiunta",
    kind: "row",
    where: "Obiettivi!riga 2",
    mutate: (ed) =>
      ed.edit(OB, (x) =>
        x.replace('<row r="2" spans="1:15"', '<row r="2" ht="30" customHeight="1" spans="1:15"'),
      ),
  },
  {
    label: "riga 3: x14ac:dyDescent tolto",
    kind: "row",
    where: "Obiettivi!riga 3",
    mutate: (ed) =>
      ed.edit(OB, (x) =>
        x.replace('<row r="3" spans="1:15" x14ac:dyDescent="0.25">', '<row r="3" spans="1:15">'),
      ),
  },
  {
    label: "larghezza della colonna B",
    kind: "cols",
    where: "Obiettivi!colonne B",
    mutate: (ed) =>
      ed.edit(OB, (x) => x.replace('<col min="2" max="2" width="60"', '<col min="2" max="2" width="61"')),
  },
  {
    label: "sheetViews di Obiettivi",
    kind: "sheet-element",
    where: "Obiettivi!<sheetViews>",
    mutate: (ed) =>
      ed.edit(OB, (x) =>
        x.replace('<sheetView workbookViewId="0">', '<sheetView workbookViewId="0" zoomScale="90">'),
      ),
  },
  {
    label: "convalida dati di Fasi tolta",
    kind: "sheet-element",
    where: "Fasi!<dataValidations>",
    mutate: (ed) => ed.edit(FASI, (x) => x.replace(/<dataValidations[\s\S]*?<\/dataValidations>/, "")),
  },
  {
    label: "celle unite aggiunte in Indicatori",
    kind: "sheet-element",
    where: "Indicatori!<mergeCells>",
    mutate: (ed) =>
      ed.edit(IND, (x) =>
        insertSheetElement(x, '<mergeCells count="1"><mergeCell ref="K1:L1"/></mergeCells>'),
      ),
  },
  {
    label: "intestazione dell'utente sovrascritta da una colonna calcolata",
    kind: "cell",
    where: "Obiettivi!N1",
    also: ["cell-added", "cols"],
    base: async (ed) => {
      await withUserNames(ed);
      await ed.edit(OB, (x) => setCell(x, "N1", inlineStringCell("N1", "Note mie", 2)));
    },
    mutate: async () => undefined,
  },
  {
    label: "dato dell'utente sotto un'intestazione vuota sovrascritto",
    kind: "cell",
    where: "Obiettivi!N5",
    base: async (ed) => {
      await withUserNames(ed);
      await ed.edit(OB, (x) => setCell(x, "N5", inlineStringCell("N5", "nota")));
    },
    mutate: async () => undefined,
  },
  {
    label: "testo di un nome dell'utente",
    kind: "name-changed",
    where: "Totale (globale)",
    mutate: (ed) => ed.edit("xl/workbook.xml", (x) => x.replace("Fasi!$G$2:$G$81", "Fasi!$G$2:$G$80")),
  },
  {
    label: "ambito di un nome dell'utente",
    kind: "name-missing",
    where: "Totale (ambito Parametri)",
    also: ["name-added"],
    mutate: (ed) =>
      ed.edit("xl/workbook.xml", (x) =>
        x.replace('name="Totale" localSheetId="0"', 'name="Totale" localSheetId="2"'),
      ),
  },
  {
    label: "nome con ambito di foglio fuso in quello globale",
    kind: "name-missing",
    where: "Totale (ambito Parametri)",
    mutate: (ed) =>
      ed.edit("xl/workbook.xml", (x) =>
        x.replace('<definedName name="Totale" localSheetId="0">Parametri!$B$7:$B$9</definedName>', ""),
      ),
  },
  {
    label: "nome non di proprietà aggiunto",
    kind: "name-added",
    where: "Pippo (globale)",
    mutate: (ed) =>
      ed.edit("xl/workbook.xml", (x) =>
        x.replace("</definedNames>", '<definedName name="Pippo">1</definedName></definedNames>'),
      ),
  },
  {
    label: "area di stampa di Obiettivi (non di proprietà)",
    kind: "name-changed",
    where: "_xlnm.Print_Area (ambito Obiettivi)",
    mutate: (ed) =>
      ed.edit("xl/workbook.xml", (x) => x.replace("Obiettivi!$A$1:$M$34", "Obiettivi!$A$1:$O$34")),
  },
  {
    label: "ordine dei fogli",
    kind: "sheet-list",
    where: "<sheet>",
    mutate: (ed) =>
      ed.edit("xl/workbook.xml", (x) => {
        const fasi = /<sheet [^>]*name="Fasi"[^>]*\/>/.exec(x)![0];
        const ind = /<sheet [^>]*name="Indicatori"[^>]*\/>/.exec(x)![0];
        return x.replace(fasi + ind, () => ind + fasi);
      }),
  },
  {
    label: "workbookPr cambiato",
    kind: "workbook",
    where: "<workbookPr>",
    mutate: (ed) => ed.edit("xl/workbook.xml", (x) => x.replace("<workbookPr ", '<workbookPr date1904="1" ')),
  },
  {
    label: "calcPr cambiato",
    kind: "workbook",
    where: "<calcPr>",
    mutate: (ed) =>
      ed.edit("xl/workbook.xml", (x) =>
        x.replace('<calcPr calcId="171027"/>', '<calcPr calcId="171027" fullCalcOnLoad="1"/>'),
      ),
  },
  {
    label: "font esistente modificato",
    kind: "styles",
    where: "<fonts>[1]",
    mutate: (ed) =>
      ed.edit("xl/styles.xml", (x) =>
        x.replace(
          '<font><sz val="11"/><name val="Calibri"/></font>',
          '<font><sz val="12"/><name val="Calibri"/></font>',
        ),
      ),
  },
  {
    label: "stile inserito in mezzo a cellXfs",
    kind: "styles",
    where: "<cellXfs>[",
    mutate: (ed) =>
      ed.edit("xl/styles.xml", (x) =>
        x.replace(
          /<cellXfs count="(\d+)">/,
          (_m, n: string) =>
            `<cellXfs count="${Number(n) + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`,
        ),
      ),
  },
  {
    label: "tipo di contenuto del tema tolto",
    kind: "content-type",
    where: "Override /xl/theme/theme1.xml",
    mutate: (ed) =>
      ed.edit("[Content_Types].xml", (x) =>
        x.replace(/<Override PartName="\/xl\/theme\/theme1.xml"[^>]*\/>/, ""),
      ),
  },
  {
    label: "tipo di contenuto predefinito cambiato",
    kind: "content-type",
    where: "Default xml",
    mutate: (ed) =>
      ed.edit("[Content_Types].xml", (x) =>
        x.replace('Extension="xml" ContentType="application/xml"', 'Extension="xml" ContentType="text/xml"'),
      ),
  },
  {
    label: "relazione del tema cambiata",
    kind: "relationship",
    where: "rId2",
    mutate: (ed) =>
      ed.edit("xl/_rels/workbook.xml.rels", (x) =>
        x.replace('Target="theme/theme1.xml"', 'Target="theme/theme2.xml"'),
      ),
  },
  {
    label: "stile della tabella cambiato",
    kind: "table",
    where: "tabella tblObiettivi <tableStyleInfo>",
    mutate: async (ed) =>
      ed.edit(await tablePart(ed, "Obiettivi", "tblObiettivi"), (x) =>
        x.replace("TableStyleLight9", "TableStyleMedium2"),
      ),
  },
  {
    label: "colonna della tabella rinominata",
    kind: "table",
    where: "tabella tblObiettivi colonna 2",
    mutate: async (ed) =>
      ed.edit(await tablePart(ed, "Obiettivi", "tblObiettivi"), (x) =>
        x.replace('name="Titolo"', 'name="Titolo2"'),
      ),
  },
  {
    label: "colonna non calcolata aggiunta alla tabella",
    kind: "table",
    where: "colonna Extra",
    mutate: async (ed) =>
      ed.edit(await tablePart(ed, "Obiettivi", "tblObiettivi"), (x) =>
        x
          .replace("</tableColumns>", '<tableColumn id="16" name="Extra"/></tableColumns>')
          .replace('count="15"', 'count="16"'),
      ),
  },
  {
    label: "tabella allungata in basso",
    kind: "table",
    where: "tabella tblObiettivi ref",
    mutate: async (ed) =>
      ed.edit(await tablePart(ed, "Obiettivi", "tblObiettivi"), (x) =>
        x.replace(/ref="A1:O34"/g, 'ref="A1:O40"'),
      ),
  },
];

test.each(MUTATIONS.map((m) => [m.label, m] as const))("(c) %s → segnalato", async (_label, m) => {
  const base = m.base ? await edited(sample, m.base) : input;
  const out = await edited(good, m.mutate);
  const losses = await findLosses(base, out);
  expect(losses.length).toBeGreaterThan(0);
  expect(kinds(losses)).toContain(m.kind);
  expect(kinds(losses).filter((k) => k !== m.kind && !(m.also ?? []).includes(k))).toEqual([]);
  if (!losses.some((l) => l.where.includes(m.where))) {
    throw new Error(`nessuna segnalazione su «${m.where}»:\n${formatLosses(losses)}`);
  }
});

// ---------------------------------------------------------------------------------------------
// The checker's XML reader
// ---------------------------------------------------------------------------------------------

describe("lettore XML del controllo", () => {
  test("entità e CDATA decodificati; ordine degli attributi e rientri ignorati; il testo conta", () => {
    const a = parseXml(
      '<?xml version="1.0"?>\n<r b="2" a="&amp;&#x41;&#66;">\n  <c>x &lt; y</c>\n  <d/><![CDATA[<z>]]></r>',
    );
    expect(a.attrs).toEqual({ a: "&AB", b: "2" });
    expect(textOf(a)).toBe("\n  x < y\n  <z>");
    const b = parseXml("<r a='&amp;AB' b='2'><c>x &lt; y</c><d></d><![CDATA[<z>]]></r>");
    expect(canon(a)).toBe(canon(b));
    expect(canon(parseXml("<r><c>x  y</c></r>"))).not.toBe(canon(parseXml("<r><c>x y</c></r>")));
    expect(canon(parseXml('<t xml:space="preserve"> a </t>'))).not.toBe(canon(parseXml("<t>a</t>")));
  });

  test.each(["<a><b></a>", "<a>", "</a>", '<a x="1" x="2"/>', "<a/><b/>", "<a>&bogus;</a>", '<a x="1></a>'])(
    "XML malformato rifiutato: %s",
    (xml) => {
      expect(() => parseXml(xml)).toThrow();
    },
  );

  test("righe e celle senza r prendono la posizione successiva", () => {
    const rows = sheetRows(
      parseXml(
        '<worksheet><sheetData><row><c><v>1</v></c><c r="C1"><v>2</v></c><c/></row><row/><row r="5"><c/></row></sheetData></worksheet>',
      ),
    );
    expect([...rows.keys()]).toEqual([1, 2, 5]);
    expect([...(rows.get(1)?.cells.keys() ?? [])]).toEqual([1, 3, 4]);
  });
});
