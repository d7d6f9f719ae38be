// Conditional formats of a generated sheet as SpreadsheetML: expression rules with their differential
// formats, and Excel 2010 solid data bars (a rule plus its x14 extension at the end of the worksheet).
import type { ConditionalFormat } from "../../domain/model/sheet";
import { argb } from "./styleNodes";
import type { StylesPart } from "./styles";
import { escapeAttr, escapeFormulaText, num } from "./xml";

export interface DataBarExt {
  id: string;
  sqref: string;
  min?: number;
  max?: number;
}

export function conditionalFormatting(
  cfs: ConditionalFormat[],
  styles: StylesPart,
  out: { push(s: string): void },
): DataBarExt[] {
  const bars: DataBarExt[] = [];
  let priority = 1;
  for (const cf of cfs) {
    const sqref = escapeAttr(cf.range.replace(/\$/g, ""));
    if (cf.type === "dataBar") {
      // Excel 2010 solid bars from 0 to 100% of the cell live in the x14 extension the rule points to.
      const id = `{6A1F0D2C-9B3E-4C5D-8E7F-${(bars.length + 1).toString(16).toUpperCase().padStart(12, "0")}}`;
      bars.push({ id, sqref, min: cf.min, max: cf.max });
      out.push(
        `<conditionalFormatting sqref="${sqref}"><cfRule type="dataBar" priority="${priority}"><dataBar>` +
          cfvo(cf.min, "min") +
          cfvo(cf.max, "max") +
          `<color rgb="${argb(cf.color)}"/></dataBar>` +
          `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>${id}</x14:id></ext></extLst>` +
          `</cfRule></conditionalFormatting>`,
      );
    } else {
      const dxfId = styles.dxf({ fill: cf.fill, fontColor: cf.fontColor });
      const formula = cf.formula.startsWith("=") ? cf.formula.slice(1) : cf.formula;
      out.push(
        `<conditionalFormatting sqref="${sqref}"><cfRule type="expression" dxfId="${dxfId}" priority="${cf.priority ?? priority}">` +
          `<formula>${escapeFormulaText(formula)}</formula></cfRule></conditionalFormatting>`,
      );
    }
    priority++;
  }
  return bars;
}

function cfvo(v: number | undefined, kind: "min" | "max"): string {
  return v !== undefined && Number.isFinite(v)
    ? `<cfvo type="num" val="${num(v)}"/>`
    : `<cfvo type="${kind}"/>`;
}

export function dataBarExtension(bars: DataBarExt[]): string {
  const x14cfvo = (v: number | undefined, kind: "autoMin" | "autoMax") =>
    v !== undefined && Number.isFinite(v)
      ? `<x14:cfvo type="num"><xm:f>${num(v)}</xm:f></x14:cfvo>`
      : `<x14:cfvo type="${kind}"/>`;
  return (
    `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings>` +
    bars
      .map(
        (b) =>
          `<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="${b.id}"><x14:dataBar minLength="0" maxLength="100" gradient="0">` +
          x14cfvo(b.min, "autoMin") +
          x14cfvo(b.max, "autoMax") +
          `</x14:dataBar></x14:cfRule><xm:sqref>${b.sqref}</xm:sqref></x14:conditionalFormatting>`,
      )
      .join("") +
    `</x14:conditionalFormattings></ext></extLst>`
  );
}
