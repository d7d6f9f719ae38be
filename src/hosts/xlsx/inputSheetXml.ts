// The input sheets Prepara fogli / template / sample create (Parametri, Obiettivi, Fasi, Indicatori):
// the domain's description of their look (src/domain/template/look.ts) as a worksheet part with column
// styles, data validations and a table part. The Excel host renders the same description.
import { INPUT_TABLE_LOOK, type InputTableSpec } from "../../domain/model/sheet";
import {
  inputSheetLook,
  validationRange,
  type InputSheetLook,
  type InputValidation,
} from "../../domain/template/look";
import { encodeRange } from "../../domain/model/raw";
import { dateSerial, renderSheetXml } from "./sheetXml";
import type { StylesPart } from "./styles";
import { joinChunks } from "./xmlChunks";
import { MAIN_NS, XML_DECLARATION, escapeAttr, escapeFormulaText, escapeXstringAttr, num } from "./xml";

export interface InputSheetOptions {
  /** Write the spec's rows (sample); Parametri rows are written always (they are the settings). */
  fillRows: boolean;
  /** The relationship id (in the sheet's rels) of its table part. */
  tableRelId: string;
  date1904: boolean;
}

/** The table's range: the header row 1 and at least one body row. */
export function inputTableRef(spec: InputTableSpec, options: { fillRows: boolean }): string {
  return encodeRange(inputSheetLook(spec, options).table.box);
}

/** The worksheet part of a new input sheet holding one table (its part: renderTableXml). */
export function renderInputSheetXml(
  spec: InputTableSpec,
  styles: StylesPart,
  options: InputSheetOptions,
): string {
  return renderLookXml(inputSheetLook(spec, options), styles, options);
}

export function renderLookXml(
  look: InputSheetLook,
  styles: StylesPart,
  options: { tableRelId: string; date1904: boolean },
): string {
  const validations = look.validations.map((v) => validationXml(v, options.date1904));
  const out = renderSheetXml(look.sheet, styles, {
    date1904: options.date1904,
    input: {
      columnStyles: look.columnStyles,
      dataValidations:
        validations.length > 0
          ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>`
          : "",
      tableRelId: options.tableRelId,
    },
  });
  return joinChunks(out.chunks);
}

function validationXml(v: InputValidation, date1904: boolean): string {
  const r = v.rule;
  const open =
    `<dataValidation type="${r.type}" errorStyle="${v.errorStyle}" allowBlank="1" showErrorMessage="1"` +
    ` errorTitle="${escapeXstringAttr(v.errorTitle)}" error="${escapeXstringAttr(v.error)}" sqref="${validationRange(v)}">`;
  switch (r.type) {
    case "list": {
      const list = `"${r.values.map((s) => s.replace(/"/g, '""')).join(",")}"`;
      return `${open}<formula1>${escapeFormulaText(list)}</formula1></dataValidation>`;
    }
    case "decimal":
      return `${open}<formula1>${num(r.min)}</formula1><formula2>${num(r.max)}</formula2></dataValidation>`;
    case "date": {
      // Bounds as serials of the workbook's date system.
      const min = dateSerial(r.min, date1904) ?? 0;
      const max = dateSerial(r.max, date1904) ?? 0;
      return `${open}<formula1>${num(min)}</formula1><formula2>${num(max)}</formula2></dataValidation>`;
    }
  }
}

export interface TableXmlSpec {
  /** Table id, unique in the workbook. */
  id: number;
  /** Name and display name. */
  name: string;
  /** e.g. "A1:M34" (header row included). */
  ref: string;
  /** Column names, exactly as the header cells hold them. */
  columns: string[];
  /** Default: the input tables' style (INPUT_TABLE_LOOK.tableStyle). */
  styleName?: string;
  /** Default true. */
  autoFilter?: boolean;
}

/** A table part (xl/tables/tableN.xml): header row, no totals row, filter buttons, banded rows. */
export function renderTableXml(t: TableXmlSpec): string {
  const ref = escapeAttr(t.ref.replace(/\$/g, ""));
  const name = escapeAttr(t.name);
  return (
    XML_DECLARATION +
    `<table xmlns="${MAIN_NS}" id="${t.id}" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    (t.autoFilter === false ? "" : `<autoFilter ref="${ref}"/>`) +
    `<tableColumns count="${t.columns.length}">` +
    t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXstringAttr(c)}"/>`).join("") +
    `</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.styleName ?? INPUT_TABLE_LOOK.tableStyle)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}
