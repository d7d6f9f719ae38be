// CLI file helpers: unreadable inputs give exit 2 and one Italian line naming the file.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CliError, openInput, resolveOutput, writeAtomic } from "../../src/cli/files";
import { main } from "../../src/cli/main";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { editParts, exceljsBytes, exceljsOf, partText } from "../helpers/xlsxFiles";

const dir = mkdtempSync(join(tmpdir(), "scheda-files-"));
let validXlsx: Buffer;

beforeAll(async () => {
  validXlsx = await exceljsBytes((wb) => {
    wb.addWorksheet("Obiettivi").getCell("A1").value = "Codice";
  });
});

async function expectCliError(promise: Promise<unknown>, file: string, fragment: RegExp): Promise<void> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(CliError);
  const err = caught as CliError;
  expect(err.exitCode).toBe(2);
  expect(err.message).toContain(file);
  expect(err.message).toMatch(fragment);
  expect(err.message).not.toMatch(/\n/);
}

describe("openInput", () => {
  it("refuses a missing file", async () => {
    const file = join(dir, "manca.xlsx");
    await expectCliError(openInput(file), file, /non esiste/);
  });

  it("refuses a directory", async () => {
    const file = join(dir, "cartella.xlsx");
    mkdirSync(file);
    await expectCliError(openInput(file), file, /cartella/);
  });

  it("refuses a corrupt zip", async () => {
    const file = join(dir, "rotto.xlsx");
    writeFileSync(file, Buffer.concat([validXlsx.subarray(0, 200), Buffer.alloc(300, 7)]));
    await expectCliError(openInput(file), file, /danneggiato/);
  });

  it("refuses a password-protected (OLE compound) file and an old .xls", async () => {
    const file = join(dir, "protetto.xlsx");
    writeFileSync(
      file,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
    );
    await expectCliError(openInput(file), file, /password/);
  });

  it("refuses a text file and a zip that is not a workbook", async () => {
    const text = join(dir, "nota.xlsx");
    writeFileSync(text, "Codice;Titolo\n1;prova\n");
    await expectCliError(openInput(text), text, /non è una cartella di lavoro/);
    const zip = join(dir, "archivio.xlsx");
    const JSZip = (await import("jszip")).default;
    const plain = new JSZip();
    plain.file("leggimi.txt", "ciao");
    writeFileSync(zip, await plain.generateAsync({ type: "nodebuffer" }));
    await expectCliError(openInput(zip), zip, /non è una cartella di lavoro|danneggiato/);
  });

  it("refuses an empty file", async () => {
    const file = join(dir, "vuoto.xlsx");
    writeFileSync(file, "");
    await expectCliError(openInput(file), file, /vuoto/);
  });

  it("opens a real workbook", async () => {
    const file = join(dir, "buono.xlsx");
    writeFileSync(file, validXlsx);
    const host = await openInput(file);
    expect(host.document.info.sheets.map((w) => w.name)).toEqual(["Obiettivi"]);
  });

  it("through the CLI: exit 2, one line on stderr, no stack trace", async () => {
    const file = join(dir, "rotto2.xlsx");
    writeFileSync(file, Buffer.from("PK\u0003\u0004 non proprio uno zip"));
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["validate", file], { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
    expect(code).toBe(2);
    const stderr = err.join("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(file);
    expect(stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(out.join("")).toBe("");
  });
});

describe("resolveOutput", () => {
  it("puts <name>-scheda.xlsx beside the input without -o", () => {
    expect(resolveOutput("/dati/piano 2024.xlsx", undefined)).toBe("/dati/piano 2024-scheda.xlsx");
    expect(resolveOutput("piano.XLSX", undefined)).toBe("piano-scheda.xlsx");
    expect(resolveOutput("/dati/piano.xlsx", "/out/x.xlsx")).toBe("/out/x.xlsx");
  });

  it("keeps a workbook with macros an .xlsm, and refuses an -o that would drop the extension", () => {
    expect(resolveOutput("/dati/piano.xlsm", undefined, true)).toBe("/dati/piano-scheda.xlsm");
    expect(resolveOutput("/dati/piano.xlsm", "/out/x.XLSM", true)).toBe("/out/x.XLSM");
    expect(() => resolveOutput("/dati/piano.xlsm", "/out/x.xlsx", true)).toThrow(/macro.*\.xlsm/);
  });
});

describe("workbooks with charts, pivot tables and macros", () => {
  it("are opened and written with those parts unchanged, no --force needed", async () => {
    const file = join(dir, "ricco.xlsx");
    const parts = [
      { name: "xl/charts/chart1.xml", data: Buffer.from("<c/>") },
      { name: "xl/pivotTables/pivotTable1.xml", data: Buffer.from("<p/>") },
      { name: "xl/pivotCache/pivotCacheDefinition1.xml", data: Buffer.from("<p/>") },
      { name: "xl/vbaProject.bin", data: Buffer.from([0, 1, 2, 3, 255]) },
    ];
    writeFileSync(file, await editParts(validXlsx, () => null, parts));
    const host = await openInput(file);
    expect(host.hasMacros).toBe(true);
    const out = Buffer.from(await host.toBuffer());
    for (const p of parts) {
      const JSZip = (await import("jszip")).default;
      const zip = await JSZip.loadAsync(out);
      expect(await zip.file(p.name)?.async("nodebuffer")).toEqual(p.data);
    }
  });
});

describe("writeAtomic", () => {
  it("writes the workbook and leaves no temporary file behind", async () => {
    const sub = mkdtempSync(join(dir, "out-"));
    const target = join(sub, "risultato.xlsx");
    writeFileSync(target, "vecchio contenuto");
    const host = await XlsxHost.fromBuffer(validXlsx);
    await writeAtomic(host, target);
    expect(readdirSync(sub)).toEqual(["risultato.xlsx"]);
    const reopened = await exceljsOf(readFileSync(target));
    expect(reopened.getWorksheet("Obiettivi")?.getCell("A1").value).toBe("Codice");
  });

  it("reports an unwritable destination as a CliError", async () => {
    const target = join(dir, "non-esiste", "x.xlsx");
    await expectCliError(writeAtomic(await XlsxHost.createEmpty(), target), target, /Impossibile scrivere/);
  });
});

describe("openInput and whole-column data validations", () => {
  it("loads and saves a D2:D1048576 rule in well under a second, the sheet part byte for byte", async () => {
    const ExcelJS = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Fasi");
    ws.getCell("A1").value = "Peso";
    const dv = (ws as unknown as { dataValidations: { add(ref: string, v: object): void } }).dataValidations;
    dv.add("D2:D1048576", { type: "decimal", operator: "between", allowBlank: true, formulae: [0, 100] });
    dv.add("E2:E10", { type: "list", allowBlank: true, formulae: ['"Crescente,Decrescente"'] });
    const file = join(dir, "colonne-intere.xlsx");
    // Excel writes one rule over several ranges as a space-separated sqref.
    const bytes = await editParts(Buffer.from(await wb.xlsx.writeBuffer()), (name, text) =>
      name === "xl/worksheets/sheet1.xml" ? text.replace('sqref="E2:E10"', 'sqref="E2:E10 G2:G10"') : null,
    );
    writeFileSync(file, bytes);
    const start = Date.now();
    const host = await openInput(file);
    const out = Buffer.from(await host.toBuffer());
    expect(Date.now() - start).toBeLessThan(2000);
    const xml = (await partText(out, "xl/worksheets/sheet1.xml")) ?? "";
    expect(xml).toBe(await partText(bytes, "xl/worksheets/sheet1.xml"));
    const sqrefs = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(sqrefs).toEqual(["D2:D1048576", "E2:E10 G2:G10"]);
  });
});
