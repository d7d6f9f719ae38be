// The opening pages (docs/reference/scheda.md § Opening pages): title, Ente, the selected parameters,
// and an index of the objectives with their first page, rollups and Esito.
import type { IsoDate } from "../model/dates";
import { schedaLabels as L } from "../messages";
import type { Obiettivo, Plan } from "../model/model";
import type { ObiettivoRollup } from "../rollup/rollup";
import { labelValue } from "./objective";
import type { Block, LayoutCell, LayoutRow, Section } from "./paginate";
import { cell, date, num, spacer, text, type Sizer } from "./sizer";
import { esitoStyle } from "./styles";

export interface SchedaFilter {
  /** Centri di Responsabilità to keep (empty = all). */
  cdr: string[];
  /** Codici to keep (empty = all). */
  obiettivi: string[];
}

const rollupCell = (col: number, v: number | null | undefined): LayoutCell =>
  v === null || v === undefined ? cell(col, text(L.notAvailable), "tdCenter") : cell(col, num(v), "tdNum");

export interface OpeningContent {
  obiettivi: Obiettivo[];
  rollups: Map<string, ObiettivoRollup>;
  filter: SchedaFilter;
  generatedOn: IsoDate;
  firstPages: Map<string, number>;
}

/** Columns the index's Titolo spans: all but the last six (Codice, Pagina, three rollups, Esito). */
export const indexTitleSpan = (last: number): number => last - 6;

export function openingSection(s: Sizer, plan: Plan, c: OpeningContent): Section {
  const p = plan.parametri;
  const title = (continued: boolean) => [
    s.row(
      [cell(1, text(continued ? `${L.title} ${L.continued}` : L.title), "title", s.last)],
      s.lineRow("title", 6),
    ),
  ];
  const subtitle = (label: string) =>
    s.row([cell(1, text(label), "subtitle", s.last)], s.lineRow("subtitle", 6));
  const params: LayoutRow[] = [
    spacer(4),
    ...(p.ente ? [s.row([cell(1, text(p.ente), "ente", s.last)])] : []),
    subtitle(L.parametriSelezionati),
    labelValue(s, L.vista, p.vista || "—"),
    labelValue(s, L.livello, p.livello),
    labelValue(s, L.centroResponsabilita, c.filter.cdr.length > 0 ? c.filter.cdr.join("; ") : L.tutti),
    ...(c.filter.obiettivi.length > 0
      ? [labelValue(s, L.obiettiviFiltro, c.filter.obiettivi.join(", "))]
      : []),
    s.row([
      cell(1, text(L.dataRiferimento), "label"),
      cell(2, date(p.dataRiferimento), "valueDate", s.last - 1),
    ]),
    s.row([cell(1, text(L.dataGenerazione), "label"), cell(2, date(c.generatedOn), "valueDate", s.last - 1)]),
    spacer(10),
  ];
  // Index: Titolo over A:B (A:C with nine columns), then Codice, first page, the three rollups and
  // Esito in the last six columns.
  const t = indexTitleSpan(s.last);
  const th = s.row([
    cell(1, text(L.indexHeader[0]), "thLeft", t),
    ...L.indexHeader.slice(1, 6).map((h, i) => cell(t + 1 + i, text(h), "th")),
    cell(s.last, text(L.indexHeader[6]), "th"),
  ]);
  const indexRows: Block[] = c.obiettivi.map((o) => {
    const r = c.rollups.get(o.codice);
    const esito = r?.esito ?? "Non valutabile";
    return {
      rows: [
        s.row([
          cell(1, text(o.titolo), "td", t),
          cell(t + 1, text(o.codice), "tdCenter"),
          cell(t + 2, num(c.firstPages.get(o.codice) ?? null), "tdPage"),
          rollupCell(t + 3, r?.avanzamentoFasi),
          rollupCell(t + 4, r?.raggiungimentoIndicatori),
          // Grado Finale: the grade Esito follows (the Nucleo's when validated).
          rollupCell(t + 5, r?.gradoFinale),
          cell(s.last, text(esito), esitoStyle(esito) + "Small"),
        ]),
      ],
      repeat: [subtitle(L.riepilogo), th],
    };
  });
  const blocks: Block[] = [
    { rows: params },
    { rows: [subtitle(L.riepilogo), spacer(3), th], keepWithNext: c.obiettivi.length > 0 },
    ...(c.obiettivi.length > 0
      ? indexRows
      : [{ rows: [s.row([cell(1, text(L.nessunObiettivo), "tdEmpty", s.last)])] }]),
  ];
  return { header: title, blocks };
}
