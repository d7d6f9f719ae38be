// The pages of one objective (docs/reference/scheda.md § Objective pages): its page header, repeated
// on each of its pages, then VALORE PUBBLICO, Collegato a, the two long texts, Stato, the phase and
// indicator tables and SINTESI (with the earlier snapshot's grade and the Nucleo's validation).
import type { EarlierSnapshot } from "../cycle/earlier";
import { cycleTexts, schedaLabels as L } from "../messages";
import type { Fase, Indicatore, Obiettivo, Plan } from "../model/model";
import type { ObiettivoRollup } from "../rollup/rollup";
import { MAX_ROW_HEIGHT, paragraphs } from "./measure";
import { heightOf, type Block, type LayoutRow, type Section } from "./paginate";
import { cell, num, spacer, text, type Sizer } from "./sizer";
import { esitoStyle } from "./styles";
import { AFTER_TABLE, heading, indicatorBlocks, phaseBlocks } from "./tables";

/** Space below a section (VALORE PUBBLICO, Collegato a, a long text). */
const AFTER_SECTION = 5;
/** Air between two paragraphs of a long text, as in the reference report. */
const PARAGRAPH_AIR = 3;

export function labelValue(
  s: Sizer,
  label: string,
  value: string | null,
  labelStyle = "label",
  valueStyle = "value",
): LayoutRow {
  return s.row([cell(1, text(label), labelStyle), cell(2, text(value), valueStyle, s.last - 1)]);
}

/** A long text: one block per paragraph (split further when a paragraph would not fit a page). */
function textBlocks(s: Sizer, title: string, value: string | null, maxPiece: number): Block[] {
  const paras = value ? paragraphs(value) : [];
  if (paras.length === 0) return [{ rows: [heading(s, title), spacer(AFTER_SECTION)] }];
  const blocks: Block[] = [{ rows: [heading(s, title)], keepWithNext: true }];
  const repeat = [heading(s, `${title} ${L.continued}`)];
  paras.forEach((p, i) => {
    for (const piece of s.splitParagraph(p, 1, s.last, "para", maxPiece)) {
      const r = s.row([cell(1, text(piece), "para", s.last)]);
      if (i < paras.length - 1) r.height = s.round(r.height + PARAGRAPH_AIR);
      blocks.push({ rows: [r], repeat });
    }
  });
  blocks[blocks.length - 1].rows.push(spacer(AFTER_SECTION));
  return blocks;
}

/**
 * SINTESI: Avanzamento Fasi %, Raggiungimento Indicatori %, the computed Grado di Raggiungimento %, the
 * earlier snapshot's grade (`Grado al dd/mm`), the Nucleo's validated grade and its Motivazione, and
 * Esito (which follows Grado Finale). A Motivazione too long for a page goes on in pieces that each
 * fit one, under `SINTESI (segue)`; Esito closes the last.
 */
function sintesiBlocks(s: Sizer, c: ObjectiveContent, maxPiece: number): Block[] {
  const r = c.rollup;
  const line = (label: string, v: number | null | undefined) =>
    s.row([
      cell(1, text(label), "sumLabel"),
      v === null || v === undefined
        ? cell(2, text(L.notAvailable), "sumNa", 2)
        : cell(2, num(v), "sumValue", 2),
    ]);
  const esito = r?.esito ?? "Non valutabile";
  const esitoRow = s.row([
    cell(1, text(L.sintesiLabels[3]), "sumLabel"),
    cell(2, text(esito), esitoStyle(esito), 2),
  ]);
  const validated = r?.gradoValidato ?? null;
  const numbers = [
    heading(s, L.sintesi),
    line(L.sintesiLabels[0], r?.avanzamentoFasi),
    line(L.sintesiLabels[1], r?.raggiungimentoIndicatori),
    line(L.sintesiLabels[2], r?.grado),
    ...(c.earlier
      ? [line(cycleTexts.sintesiLine(c.earlier.label), c.earlier.objectives.get(c.o)?.grado)]
      : []),
    ...(validated !== null ? [line(cycleTexts.validatedLine, validated)] : []),
  ];
  const reason = validated !== null ? c.o.motivazioneValidazione : null;
  if (!reason) return [{ rows: [...numbers, esitoRow] }];
  const reasonCell = cell(2, text(reason), "sumText", s.last - 1);
  const repeat = [heading(s, `${L.sintesi} ${L.continued}`)];
  const blocks: Block[] = [{ rows: numbers, keepWithNext: true }];
  s.pack(reasonCell, maxPiece - esitoRow.height).forEach((piece, i) => {
    const label = i === 0 ? cycleTexts.reasonLine : `${cycleTexts.reasonLine} ${L.continued}`;
    const row = s.row([cell(1, text(label), "sumLabel"), { ...reasonCell, content: text(piece) }]);
    blocks.push({ rows: [row], repeat });
  });
  blocks[blocks.length - 1].rows.push(esitoRow);
  return blocks;
}

/** Page header of an objective, repeated at the top of each of its pages. */
function objectiveHeader(s: Sizer, plan: Plan, o: Obiettivo, continued: boolean): LayoutRow[] {
  const code = continued ? `${o.codice} ${L.continued}` : o.codice;
  // Livello over all columns but the last three, the Codice over those (A–E, F–H with eight columns).
  const band = [
    cell(1, text(plan.parametri.livello), "band", s.last - 3),
    cell(s.last - 2, text(code), "bandCode", 3),
  ];
  return [
    s.row(band, s.lineRow("bandCode", 3)),
    labelValue(s, L.assessorato, o.assessorato, "headLabel", "headValue"),
    labelValue(s, L.centroResponsabilita, o.centroResponsabilita, "headLabel", "headValue"),
    s.row([cell(1, text(o.titolo), "headTitle", s.last)]),
    labelValue(s, L.responsabile, o.responsabile, "headLabel", "headValue"),
    spacer(AFTER_SECTION),
  ];
}

export interface ObjectiveContent {
  o: Obiettivo;
  rollup: ObiettivoRollup | undefined;
  years: number[];
  fasi: Fase[];
  indicatori: Indicatore[];
  /** The earlier snapshot shown beside the current values (null: none in the archive). */
  earlier: EarlierSnapshot | null;
}

export function objectiveSection(s: Sizer, plan: Plan, c: ObjectiveContent): Section {
  const { o } = c;
  const header = (continued: boolean) => objectiveHeader(s, plan, o, continued);
  const headerHeight = Math.max(heightOf(header(false)), heightOf(header(true)));
  const headingHeight = heading(s, L.fasi).height;
  // A text piece must fit a page together with the page header and its "(segue)" heading.
  const maxPiece = Math.min(
    MAX_ROW_HEIGHT,
    s.pageBudget - headerHeight - 2 * headingHeight - 2 * AFTER_SECTION,
  );
  // A table record must fit a page under the page header and the repeated table header.
  const maxRecord = s.pageBudget - headerHeight - AFTER_TABLE;
  const blocks: Block[] = [
    {
      rows: [
        heading(s, L.valorePubblico),
        s.row([cell(1, text(o.valorePubblico), "value", s.last)]),
        spacer(AFTER_SECTION),
      ],
    },
    {
      rows: [
        heading(s, L.collegatoA),
        labelValue(s, L.mandato, o.obiettivoMandato),
        labelValue(s, L.missione, o.obiettivoMissione),
        labelValue(s, L.programma, o.obiettivoProgramma),
        spacer(AFTER_SECTION),
      ],
    },
    ...textBlocks(s, L.modalita, o.modalitaAttuazione, maxPiece),
    ...textBlocks(s, L.statoAttuazione, o.statoAttuazione, maxPiece),
    { rows: [labelValue(s, L.stato, o.stato), spacer(AFTER_SECTION)] },
    ...phaseBlocks(s, c.fasi, maxRecord, c.earlier),
    ...indicatorBlocks(s, c.indicatori, c.years, maxRecord, c.earlier),
  ];
  // SINTESI never stands alone on a page: it takes the last phase or indicator row along.
  blocks[blocks.length - 1].keepWithNext = true;
  blocks.push(...sintesiBlocks(s, c, maxPiece));
  return { header, blocks };
}
