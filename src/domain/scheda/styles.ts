// Print setup and named cell styles of the Scheda.
import {
  ESITO_COLOURS,
  PRINT_FORMATS as NUMBER_FORMATS,
  type BorderSide,
  type CellStyle,
  type PrintSetup,
} from "../model/sheet";
import type { FontSpec } from "./measure";

export const FONT_NAME = "Calibri";

/** Margins (inches): A4 landscape, the tables have eight or nine columns and long notes. */
export const MARGINS = { left: 0.4, right: 0.4, top: 0.55, bottom: 0.6, header: 0.25, footer: 0.25 };

export function printSetup(
  lastRow: number,
  lastCol: number,
  footerLeft: string,
  footerRight: string,
  scale: number,
): PrintSetup {
  const esc = (s: string) => s.replace(/&/g, "&&");
  const left = footerLeft ? `&L&8${esc(footerLeft)}` : "";
  return {
    paperSize: "A4",
    orientation: "landscape",
    scale: Math.round(scale * 100),
    margins: { ...MARGINS },
    footer: `${left}&C&8Pagina &P di &N&R&8${esc(footerRight)}`,
    printArea: `A1:${String.fromCharCode(64 + lastCol)}${lastRow}`,
    centerHorizontally: true,
  };
}

const BLUE = "1F4E79";
const GRID: BorderSide = { weight: "thin", color: "A6A6A6" };
const grid = { top: GRID, bottom: GRID, left: GRID, right: GRID };

const font = (size: number, extra: Partial<CellStyle["font"]> = {}) => ({ name: FONT_NAME, size, ...extra });
const text = { horizontal: "left", vertical: "top", wrapText: true } as const;

/** A bordered table cell, centred at the top (dates, numbers, page numbers). */
const centred = (f: CellStyle["font"], numberFormat: string): CellStyle => ({
  font: f,
  border: grid,
  alignment: { horizontal: "center", vertical: "top" },
  numberFormat,
});

export const STYLES: Record<string, CellStyle> = {
  title: { font: font(18, { bold: true, color: BLUE }), alignment: { vertical: "bottom" } },
  ente: { font: font(12, { bold: true }), alignment: { ...text } },
  subtitle: {
    font: font(11, { bold: true, color: BLUE }),
    alignment: { vertical: "bottom" },
    border: { bottom: { weight: "medium", color: BLUE } },
  },
  label: { font: font(10, { bold: true, color: "404040" }), alignment: { ...text }, numberFormat: "@" },
  value: { font: font(10), alignment: { ...text }, numberFormat: "@" },
  valueDate: {
    font: font(10),
    alignment: { horizontal: "left", vertical: "top" },
    numberFormat: NUMBER_FORMATS.date,
  },
  // Page header of an objective (repeated on each of its pages).
  band: {
    font: font(10, { bold: true, color: "FFFFFF" }),
    fill: BLUE,
    alignment: { horizontal: "left", vertical: "middle", wrapText: true, indent: 1 },
    numberFormat: "@",
  },
  bandCode: {
    font: font(12, { bold: true, color: "FFFFFF" }),
    fill: BLUE,
    alignment: { horizontal: "right", vertical: "middle", wrapText: true, indent: 1 },
    numberFormat: "@",
  },
  headLabel: { font: font(9, { bold: true, color: "595959" }), alignment: { ...text }, numberFormat: "@" },
  headValue: { font: font(10), alignment: { ...text }, numberFormat: "@" },
  headTitle: {
    font: font(12, { bold: true }),
    alignment: { ...text },
    numberFormat: "@",
    border: { bottom: { weight: "thin", color: BLUE } },
  },
  // Section headings (VALORE PUBBLICO, FASI - ATTIVITA'…)
  section: {
    font: font(10, { bold: true, color: BLUE }),
    alignment: { horizontal: "left", vertical: "bottom" },
    border: { bottom: { weight: "thin", color: BLUE } },
    numberFormat: "@",
  },
  para: { font: font(10), alignment: { ...text }, numberFormat: "@" },
  // Tables
  th: {
    font: font(9, { bold: true }),
    fill: "DDEBF7",
    border: grid,
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    numberFormat: "@",
  },
  thLeft: {
    font: font(9, { bold: true }),
    fill: "DDEBF7",
    border: grid,
    alignment: { horizontal: "left", vertical: "middle", wrapText: true },
    numberFormat: "@",
  },
  thSub: {
    font: font(9, { bold: true, italic: true, color: "404040" }),
    fill: "EEF5FB",
    border: grid,
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    numberFormat: "@",
  },
  tdTitle: { font: font(9, { bold: true }), border: grid, alignment: { ...text }, numberFormat: "@" },
  td: { font: font(9), border: grid, alignment: { ...text }, numberFormat: "@" },
  tdDate: centred(font(9), NUMBER_FORMATS.date),
  tdDateEff: centred(font(9, { italic: true, color: "404040" }), NUMBER_FORMATS.date),
  tdNum: centred(font(9), NUMBER_FORMATS.decimal2),
  tdValue: centred(font(9), NUMBER_FORMATS.thousands2),
  // The earlier snapshot's values (Avanz. al / Valore al dd/mm), in the grey italic of the effective dates.
  tdNumEarlier: centred(font(9, { italic: true, color: "404040" }), NUMBER_FORMATS.decimal2),
  tdValueEarlier: centred(font(9, { italic: true, color: "404040" }), NUMBER_FORMATS.thousands2),
  tdPage: centred(font(9), NUMBER_FORMATS.integer),
  tdCenter: {
    font: font(9),
    border: grid,
    alignment: { horizontal: "center", vertical: "top", wrapText: true },
    numberFormat: "@",
  },
  tdCont: {
    font: font(9, { italic: true, color: "595959" }),
    border: grid,
    alignment: { ...text },
    numberFormat: "@",
  },
  tdEmpty: { font: font(9, { italic: true, color: "595959" }), alignment: { ...text }, numberFormat: "@" },
  // SINTESI
  sumLabel: {
    font: font(10, { bold: true }),
    border: grid,
    fill: "F2F2F2",
    alignment: { ...text },
    numberFormat: "@",
  },
  sumValue: centred(font(10), NUMBER_FORMATS.decimal2),
  // The Nucleo's Motivazione in SINTESI (wrapped text over the value columns).
  sumText: { font: font(10), border: grid, alignment: { ...text }, numberFormat: "@" },
  sumNa: centred(font(10, { color: "595959" }), "@"),
  ...Object.fromEntries(
    Object.entries(ESITO_COLOURS).flatMap(([esito, c]) => [
      [
        esitoStyle(esito),
        {
          font: font(10, { bold: true, color: c.font }),
          fill: c.fill,
          border: grid,
          alignment: { horizontal: "center", vertical: "top", wrapText: true },
          numberFormat: "@",
        },
      ],
      [
        esitoStyle(esito) + "Small",
        {
          font: font(9, { bold: true, color: c.font }),
          fill: c.fill,
          border: grid,
          alignment: { horizontal: "center", vertical: "top", wrapText: true },
          numberFormat: "@",
        },
      ],
    ]),
  ),
  spacer: { font: font(6) },
};

export function esitoStyle(esito: string): string {
  return "esito" + esito.replace(/\s+/g, "");
}

/** The font of a style, for measuring. */
export function fontOf(style: string): FontSpec {
  const s = STYLES[style];
  if (!s) throw new Error(`stile Scheda sconosciuto: ${style}`);
  return { size: s.font.size, bold: s.font.bold };
}
