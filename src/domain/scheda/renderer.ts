// How a renderer lays text out in a cell, so that row heights are planned for the program that prints
// (docs/reference/scheda.md § Text measuring). Two profiles:
// - EXCEL: the sheet written into the workbook. Excel's wrapped lines are tall (Calibri 9 pt → 12 pt per
//   line) and its columns narrower than LibreOffice's, so planning for Excel never cuts text in Excel;
//   LibreOffice shows some air under long texts (docs/decisions.md § Scheda).
// - LIBREOFFICE: the PDF the CLI prints through LibreOffice (`generate --pdf`): line pitch, cell
//   margins, wrap width and page height measured on LibreOffice's own PDF (scripts and figures in
//   docs/reference/scheda.md), so rows hold exactly their lines and pages are as full as they can be.

/**
 * Column widths are stored in characters. LibreOffice lays a character out as 5.55 pt (measured on
 * its PDF: 10 → 55.5 pt, 41.08 → 228 pt); Excel as 7 px = 5.25 pt, truncated to whole pixels.
 */
export const LO_POINTS_PER_CHAR = 5.55;
export const EXCEL_PX_PER_CHAR = 7;

export type RendererName = "excel" | "libreoffice";

export interface Renderer {
  name: RendererName;
  /** Distance between two wrapped lines of a font size (points). */
  lineHeight(size: number): number;
  /** Cell padding above the first line plus below the last (points). */
  padding: number;
  /** Width (points) a wrapped text may fill in a merged range of columns (character widths). */
  wrapWidth(chars: number[], indent: number): number;
  /** Text widths are measured ×this (hinting, kerning and rounding differ slightly between renderers). */
  widthSafety: number;
  /** Breaks lines after a hyphen inside a word (LibreOffice does, as ICU line breaking). */
  breaksInsideWords: boolean;
  /** A row height as the renderer stores it, rounded up (Excel: whole pixels; LibreOffice: twips). */
  roundRow(height: number): number;
  /** Height of rows that fits one printed page (points, before the print scale shrinks them). */
  pageBudget: number;
  /** The sheet's print scale (1 = 100 %): rows and columns planned for a page 1/scale as large. */
  printScale: number;
}

/** A4 landscape height minus the top and bottom margins (styles.ts MARGINS: 0.55 + 0.6 in). */
export const PAGE_HEIGHT = 595.28 - (0.55 + 0.6) * 72;

/**
 * Excel's pitch of wrapped Calibri per size: whole pixels at 96 dpi (11 pt → 20 px = 15 pt per line,
 * the figure Excel's autofit uses).
 */
const EXCEL_LINE: Record<number, number> = {
  6: 8.25,
  8: 11.25,
  9: 12,
  10: 12.75,
  11: 15,
  12: 15.75,
  14: 18.75,
  18: 23.25,
};

/**
 * LibreOffice's pitch of wrapped Carlito per size, measured with `pdftotext -bbox` on its PDF (the
 * largest gap between two baselines seen, 0.01 pt added): about one em.
 */
const LO_LINE: Record<number, number> = {
  6: 6.02,
  8: 8.12,
  9: 9.11,
  10: 10.02,
  11: 11.12,
  12: 12.12,
  14: 14.02,
  16: 16.03,
  18: 18.02,
};

/**
 * Excel prints wrapped Calibri 9 pt at 12 pt per line (LibreOffice at 9.1 pt): at 100 % the sheet planned
 * for Excel needs a third more pages than the PDF. Printed at this scale it is as dense as the comune's
 * own report (the sample's page counts are in docs/reference/scheda.md § Pagination).
 */
export const EXCEL_PRINT_SCALE = 0.9;

const ceilTo = (x: number, step: number) => Math.ceil(x / step - 1e-9) * step;

export const EXCEL: Renderer = {
  name: "excel",
  lineHeight: (size) => EXCEL_LINE[size] ?? Math.ceil(size * 1.36 * (4 / 3)) * 0.75,
  padding: 2,
  // Excel's columns are trunc(chars × 7) pixels; the cell keeps about 5 px for its margins.
  wrapWidth: (chars, indent) =>
    (chars.reduce((s, c) => s + Math.trunc(c * EXCEL_PX_PER_CHAR), 0) - 5) * 0.75 - indent * 9,
  widthSafety: 1.02,
  breaksInsideWords: false,
  roundRow: (h) => ceilTo(h, 0.75),
  // 3 % below the page: Excel's printer drivers round differently.
  pageBudget: Math.floor((PAGE_HEIGHT * 0.97) / EXCEL_PRINT_SCALE),
  printScale: EXCEL_PRINT_SCALE,
};

export const LIBREOFFICE: Renderer = {
  name: "libreoffice",
  lineHeight: (size) => LO_LINE[size] ?? size * 1.012,
  // First baseline 1.05 pt + ¾ em below the cell's top; the last line's descent ends about 1 pt above
  // the bottom border.
  padding: 2.1,
  // The text starts 1 pt inside the left border and stops about 1 pt short of the right one. Width
  // and margin calibrated on 2,290 texts of the sample printed by LibreOffice in columns 67–722 pt
  // wide: measured ×1.005 against the width − 3 pt, no text got fewer lines than LibreOffice printed.
  wrapWidth: (chars, indent) => chars.reduce((s, c) => s + c * LO_POINTS_PER_CHAR, 0) - 3 - indent * 9,
  widthSafety: 1.005,
  breaksInsideWords: true,
  roundRow: (h) => ceilTo(h, 0.05),
  // Measured: 512 pt of rows print on a page; 0.5 % kept for the rounding of row heights to twips.
  pageBudget: Math.floor(PAGE_HEIGHT - 2.5),
  printScale: 1,
};

export function rendererOf(name: RendererName | undefined): Renderer {
  return name === "libreoffice" ? LIBREOFFICE : EXCEL;
}
