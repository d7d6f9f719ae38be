// A minimal .xlsx package around hand-written parts, for testing the serializers without the package
// layer: [Content_Types].xml, _rels/.rels, xl/workbook.xml (+ rels), xl/styles.xml, sheets and tables.
import JSZip from "jszip";
import { existsSync } from "node:fs";
import { convertManyWithLibreOffice } from "../helpers/libreoffice";
import type { DefinedNameSpec } from "../../src/hosts/xlsx/sheetXml";

export interface PackageSheet {
  name: string;
  /** The worksheet part (string or chunks). */
  xml: string | string[];
  /** Table parts of this sheet: the relationship id the sheet uses and the table XML. */
  tables?: { relId: string; xml: string }[];
  definedNames?: DefinedNameSpec[];
}

export interface PackageSpec {
  sheets: PackageSheet[];
  styles: string;
  date1904?: boolean;
  /** Global names besides the sheets' own. */
  definedNames?: { name: string; refersTo: string }[];
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function buildPackage(spec: PackageSpec): Promise<Buffer> {
  const zip = new JSZip();
  const overrides: string[] = [
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
  ];
  const wbRels: string[] = [
    `<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`,
  ];
  const sheetEntries: string[] = [];
  const names: string[] = [];
  let tableNo = 0;
  spec.sheets.forEach((s, i) => {
    const n = i + 1;
    zip.file(`xl/worksheets/sheet${n}.xml`, Array.isArray(s.xml) ? s.xml.join("") : s.xml);
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    );
    wbRels.push(
      `<Relationship Id="rIdSheet${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`,
    );
    sheetEntries.push(`<sheet name="${esc(s.name)}" sheetId="${n}" r:id="rIdSheet${n}"/>`);
    const rels: string[] = [];
    for (const t of s.tables ?? []) {
      tableNo++;
      zip.file(`xl/tables/table${tableNo}.xml`, t.xml);
      overrides.push(
        `<Override PartName="/xl/tables/table${tableNo}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
      );
      rels.push(
        `<Relationship Id="${t.relId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table${tableNo}.xml"/>`,
      );
    }
    if (rels.length > 0) {
      zip.file(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
      );
    }
    for (const d of s.definedNames ?? []) {
      names.push(
        `<definedName name="${esc(d.name)}"${d.localSheet ? ` localSheetId="${i}"` : ""}>${esc(d.refersTo)}</definedName>`,
      );
    }
  });
  for (const d of spec.definedNames ?? []) {
    names.push(`<definedName name="${esc(d.name)}">${esc(d.refersTo.replace(/^=/, ""))}</definedName>`);
  }
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${spec.date1904 ? ' date1904="1"' : ""}/><bookViews><workbookView/></bookViews><sheets>${sheetEntries.join("")}</sheets>${names.length > 0 ? `<definedNames>${names.join("")}</definedNames>` : ""}<calcPr calcId="191029"/></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join("")}</Relationships>`,
  );
  zip.file("xl/styles.xml", spec.styles);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * Several files converted by one soffice run (fresh profile that recalculates on load). Returns the
 * output path per input, in order; throws when soffice fails or an output is missing.
 */
export async function convertMany(inputs: string[], format: string): Promise<string[]> {
  const { outputs } = await convertManyWithLibreOffice(inputs, format);
  for (const out of outputs) if (!existsSync(out)) throw new Error(`LibreOffice non ha prodotto ${out}`);
  return outputs;
}
