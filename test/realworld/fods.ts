// A flat OpenDocument spreadsheet (.fods) as a LibreOffice user would have it: the four sheets as plain
// ranges (no Excel tables), Parametri thresholds typed as percentages, a note (annotation) on a cell.
// LibreOffice converts it to .xlsx, so the corpus gets a workbook LibreOffice wrote from its own model.
import type { RawValue } from "../../src/domain/model/raw";
import type { WorkbookTemplate } from "../../src/domain/model/sheet";
import { esc } from "./xmlEdit";

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" ' +
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" ' +
  'xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"';

const STYLES = `<office:automatic-styles>
<number:date-style style:name="Ndate"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
<number:percentage-style style:name="Npct"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<style:style style:name="ceDate" style:family="table-cell" style:data-style-name="Ndate"/>
<style:style style:name="cePct" style:family="table-cell" style:data-style-name="Npct"/>
<style:style style:name="ceHead" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>`;

function cell(v: RawValue, opts: { head?: boolean; pct?: boolean; note?: string } = {}): string {
  const note = opts.note
    ? `<office:annotation><dc:creator>Ufficio controllo</dc:creator><text:p>${esc(opts.note)}</text:p></office:annotation>`
    : "";
  if (v === null || v === undefined || v === "")
    return note ? `<table:table-cell>${note}</table:table-cell>` : "<table:table-cell/>";
  if (v instanceof Date) {
    const iso = v.toISOString().slice(0, 10);
    const [y, m, d] = iso.split("-");
    return `<table:table-cell table:style-name="ceDate" office:value-type="date" office:date-value="${iso}">${note}<text:p>${d}/${m}/${y}</text:p></table:table-cell>`;
  }
  if (typeof v === "number") {
    if (opts.pct) {
      const f = v / 100;
      return `<table:table-cell table:style-name="cePct" office:value-type="percentage" office:value="${f}">${note}<text:p>${v}%</text:p></table:table-cell>`;
    }
    return `<table:table-cell office:value-type="float" office:value="${v}">${note}<text:p>${v}</text:p></table:table-cell>`;
  }
  if (typeof v === "boolean") {
    return `<table:table-cell office:value-type="boolean" office:boolean-value="${v}">${note}<text:p>${v ? "VERO" : "FALSO"}</text:p></table:table-cell>`;
  }
  const style = opts.head ? ' table:style-name="ceHead"' : "";
  return `<table:table-cell${style} office:value-type="string">${note}<text:p>${esc(String(v))}</text:p></table:table-cell>`;
}

/** Parametri labels whose value the user typed as a percentage (90 → 90%). */
const PERCENT_PARAMS = new Set(["Soglia raggiunto", "Soglia parzialmente raggiunto", "Peso fasi nel grado"]);

export function buildFods(template: WorkbookTemplate): string {
  const tables = template.tables.map((t) => {
    const rows: string[] = [];
    rows.push(
      `<table:table-row>${t.columns.map((c) => cell(c.header, { head: true })).join("")}</table:table-row>`,
    );
    t.rows.forEach((r, i) => {
      const cells = r.map((v, j) => {
        const pct =
          t.sheet === "Parametri" && j === 1 && typeof v === "number" && PERCENT_PARAMS.has(String(r[0]));
        const note =
          t.sheet === "Obiettivi" && i === 0 && j === 1 ? "Titolo da rivedere con la Giunta." : undefined;
        return cell(v as RawValue, { pct, note });
      });
      rows.push(`<table:table-row>${cells.join("")}</table:table-row>`);
    });
    return `<table:table table:name="${esc(t.sheet)}"><table:table-column table:number-columns-repeated="${t.columns.length}"/>${rows.join("")}</table:table>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
${STYLES}
<office:body><office:spreadsheet>${tables.join("\n")}</office:spreadsheet></office:body></office:document>
`;
}
