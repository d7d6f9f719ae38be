// Impostazioni on a file: the pane's edits land in the Parametri Valore cells and nowhere else. The
// oracle for "nowhere else" is the package itself: every part but the Parametri sheet and styles.xml
// byte for byte, every other cell of the Parametri sheet as the same XML, the old styles untouched.
import { AppError, SchedaService } from "../../src/app/service";
import { blockingParametriProblems, type ParametriEdits } from "../../src/app/parametri";
import { XlsxHost } from "../../src/hosts/xlsx/xlsxHost";
import { hostMessages } from "../../src/hosts/messages";
import { loadSampleJson } from "../helpers/sample";
import { editParts, exceljsOf, partsOf } from "../helpers/xlsxFiles";

const TODAY = () => "2024-03-31";

async function sampleBytes(): Promise<Uint8Array> {
  const host = await XlsxHost.createEmpty();
  await new SchedaService(host, { loadSample: async () => loadSampleJson(), today: TODAY }).loadSample();
  return host.toBuffer();
}

async function edit(bytes: Uint8Array, edits: ParametriEdits) {
  const host = await XlsxHost.fromBuffer(bytes);
  const check = await new SchedaService(host, { today: TODAY }).writeParametri(edits);
  return { check, bytes: await host.toBuffer() };
}

/** The sheet part's text with the `<c>` elements of the given cells removed. */
function withoutCells(xml: string, refs: string[]): string {
  let out = xml;
  for (const r of refs) {
    out = out.replace(new RegExp(`<c r="${r}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`), "");
  }
  return out;
}

function cellsOf(xml: string): string[] {
  return xml.match(/<c r="[A-Z]+\d+"(?:[^>]*\/>|[^>]*>[\s\S]*?<\/c>)/g) ?? [];
}

const SHEET_PATH = /^xl\/worksheets\/sheet\d+\.xml$/;

/** The path of the Parametri sheet part (the first sheet of the sample). */
async function parametriPart(bytes: Uint8Array): Promise<string> {
  const parts = await partsOf(bytes);
  for (const [name, data] of parts) {
    if (SHEET_PATH.test(name) && data.toString("utf8").includes("Soglia raggiunto")) return name;
  }
  throw new Error("foglio Parametri non trovato");
}

const ALL: ParametriEdits = {
  ente: { kind: "text", text: "Comune di Prova" },
  anno: { kind: "number", value: 2024 },
  vista: { kind: "text", text: "=non una formula" },
  livello: { kind: "text", text: "PEG 2024" },
  dataRiferimento: { kind: "date", iso: "2024-06-30" },
  pesoFasiNelGrado: { kind: "number", value: 40 },
  sogliaRaggiunto: { kind: "number", value: 85.5 },
  sogliaParzialmente: { kind: "number", value: 60 },
  formulaDecrescente: { kind: "text", text: "2T-A" },
  tipiIndicatore: { kind: "text", text: "EFFICACIA; QUALITA" },
};

describe("Impostazioni on an .xlsx file", () => {
  let before: Uint8Array;
  beforeAll(async () => {
    before = await sampleBytes();
  });

  it("every parameter edited: the reader reads back what was typed", async () => {
    const { check } = await edit(before, ALL);
    expect(check.plan.parametri).toEqual({
      ente: "Comune di Prova",
      anno: 2024,
      vista: "=non una formula",
      livello: "PEG 2024",
      dataRiferimento: "2024-06-30",
      pesoFasiNelGrado: 40,
      sogliaRaggiunto: 85.5,
      sogliaParzialmente: 60,
      formulaDecrescente: "2T-A",
      tipiIndicatore: ["EFFICACIA", "QUALITA"],
    });
    expect(check.problems.filter((p) => p.sheet === "Parametri")).toEqual([]);
  });

  it("changes only the Valore cells: every other part, cell and style stays as it was", async () => {
    const { bytes: after } = await edit(before, ALL);
    const sheetPath = await parametriPart(before);
    const a = await partsOf(before);
    const b = await partsOf(after);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, data] of a) {
      if (name === sheetPath || name === "xl/styles.xml") continue;
      expect({ name, same: Buffer.compare(data, b.get(name)!) === 0 }).toEqual({ name, same: true });
    }
    // Parametri: rows 2..11 of column B are the values (Parametro | Valore table at A1).
    const targets = Array.from({ length: 10 }, (_, i) => `B${i + 2}`);
    const sheetBefore = a.get(sheetPath)!.toString("utf8");
    const sheetAfter = b.get(sheetPath)!.toString("utf8");
    expect(withoutCells(sheetAfter, targets)).toBe(withoutCells(sheetBefore, targets));
    expect(cellsOf(sheetAfter).length).toBeGreaterThanOrEqual(cellsOf(sheetBefore).length);
    // styles: only appended (the date format for Data di riferimento)
    const stylesBefore = a.get("xl/styles.xml")!.toString("utf8");
    const stylesAfter = b.get("xl/styles.xml")!.toString("utf8");
    const xfs = (s: string) =>
      /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)![1].match(/<xf\b[\s\S]*?(?:\/>|<\/xf>)/g)!;
    expect(xfs(stylesAfter).slice(0, xfs(stylesBefore).length)).toEqual(xfs(stylesBefore));
    // an independent reader sees a real date cell and text kept as text
    const wb = await exceljsOf(after);
    const ws = wb.getWorksheet("Parametri")!;
    const data = ws.getCell("B6");
    expect(data.value).toEqual(new Date(Date.UTC(2024, 5, 30)));
    expect(data.numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("B4").value).toBe("=non una formula");
    expect(ws.getCell("B8").value).toBe(85.5);
  });

  it("only the edited cell changes when one parameter is edited", async () => {
    const { bytes: after } = await edit(before, { ente: { kind: "text", text: "Comune di Esempio" } });
    const sheetPath = await parametriPart(before);
    const a = await partsOf(before);
    const b = await partsOf(after);
    for (const [name, data] of a) {
      if (name === sheetPath) continue;
      expect({ name, same: Buffer.compare(data, b.get(name)!) === 0 }).toEqual({ name, same: true });
    }
    expect(withoutCells(b.get(sheetPath)!.toString("utf8"), ["B2"])).toBe(
      withoutCells(a.get(sheetPath)!.toString("utf8"), ["B2"]),
    );
  });

  it("a percent-formatted threshold keeps its format and reads back as typed", async () => {
    // the user had formatted Soglia raggiunto as 0% and typed 90%
    const sheetPath = await parametriPart(before);
    const styled = await editParts(before, (name, text) => {
      if (name === "xl/styles.xml")
        return text
          .replace(/<cellXfs count="(\d+)">/, (_m, n) => `<cellXfs count="${Number(n) + 1}">`)
          .replace(
            "</cellXfs>",
            '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>',
          );
      return null;
    });
    const count = Number(
      /<cellXfs count="(\d+)"/.exec((await partsOf(styled)).get("xl/styles.xml")!.toString())![1],
    );
    const percent = await editParts(styled, (name, text) =>
      name === sheetPath
        ? text.replace(/<c r="B8"[^>]*?(\/>|>[\s\S]*?<\/c>)/, `<c r="B8" s="${count - 1}"><v>0.9</v></c>`)
        : null,
    );
    const host = await XlsxHost.fromBuffer(percent);
    expect((await new SchedaService(host, { today: TODAY }).check()).plan.parametri.sogliaRaggiunto).toBe(90);
    const { check, bytes } = await edit(percent, { sogliaRaggiunto: { kind: "number", value: 80 } });
    expect(check.plan.parametri.sogliaRaggiunto).toBe(80);
    const cell = (await exceljsOf(bytes)).getWorksheet("Parametri")!.getCell("B8");
    expect(cell.value).toBe(0.8);
    expect(cell.numFmt).toBe("0%");
  });

  it("refuses a value the reader would refuse, and a threshold pair out of order; nothing written", async () => {
    const host = await XlsxHost.fromBuffer(before);
    const service = new SchedaService(host, { today: TODAY });
    await expect(
      service.writeParametri({ sogliaRaggiunto: { kind: "number", value: 120 } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    // 60 under the Soglia parzialmente raggiunto of the sheet (70): the problem is on the other row
    const check = await service.check();
    const problems = blockingParametriProblems(
      check.plan,
      check.raw,
      { sogliaRaggiunto: { kind: "number", value: 60 } },
      TODAY(),
    );
    expect(Object.keys(problems)).toEqual(["sogliaParzialmente"]);
    await expect(
      service.writeParametri({ sogliaRaggiunto: { kind: "number", value: 60 } }),
    ).rejects.toBeInstanceOf(AppError);
    expect(Buffer.compare(Buffer.from(await host.toBuffer()), Buffer.from(before))).toBe(0);
  });

  it("refuses to overwrite a formula in a Valore cell, and a protected sheet; nothing written", async () => {
    const sheetPath = await parametriPart(before);
    const withFormula = await editParts(before, (name, text) =>
      name === sheetPath
        ? text.replace(/<c r="B3"[^>]*?(\/>|>[\s\S]*?<\/c>)/, '<c r="B3"><f>2020+4</f><v>2024</v></c>')
        : null,
    );
    const host = await XlsxHost.fromBuffer(withFormula);
    await expect(
      new SchedaService(host, { today: TODAY }).writeParametri({
        ente: { kind: "text", text: "X" },
        anno: { kind: "number", value: 2025 },
      }),
    ).rejects.toThrow(hostMessages.parametroFormula("Parametri!B3"));
    expect(Buffer.compare(Buffer.from(await host.toBuffer()), Buffer.from(withFormula))).toBe(0);

    const locked = await editParts(before, (name, text) =>
      name === sheetPath ? text.replace("</sheetData>", '</sheetData><sheetProtection sheet="1"/>') : null,
    );
    const h2 = await XlsxHost.fromBuffer(locked);
    await expect(
      new SchedaService(h2, { today: TODAY }).writeParametri({ ente: { kind: "text", text: "X" } }),
    ).rejects.toThrow(hostMessages.protectedSheet("Parametri"));
  });
});
