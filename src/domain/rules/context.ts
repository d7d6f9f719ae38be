// What every rule needs: where a field's cell is (sheet, header, address), the broken cells to skip, and the problem list.
import type { Fase, Indicatore, Obiettivo, Plan, SheetLayout } from "../model/model";
import { cellAddress, columnIndex } from "../model/raw";
import {
  FASI_COLUMNS,
  INDICATORI_COLUMNS,
  OBIETTIVI_COLUMNS,
  SHEETS,
  type ColumnDef,
  type FaseField,
  type IndicatoreField,
  type ObiettivoField,
} from "../model/schema";
import { codeKey, isKeyless } from "../reading/keys";
import { problem, type Problem, type RuleCode } from "./problems";

// ---------------------------------------------------------------------------------------------
// Where a problem is: sheet, canonical header and cell of a field on a row
// ---------------------------------------------------------------------------------------------

type SheetKind = "obiettivi" | "fasi" | "indicatori";
type FieldOf<K extends SheetKind> = K extends "obiettivi"
  ? ObiettivoField
  : K extends "fasi"
    ? FaseField
    : IndicatoreField;

export const COLUMNS: { [K in SheetKind]: ColumnDef<FieldOf<K>>[] } = {
  obiettivi: OBIETTIVI_COLUMNS,
  fasi: FASI_COLUMNS,
  indicatori: INDICATORI_COLUMNS,
};

export function header<K extends SheetKind>(kind: K, field: FieldOf<K>): string {
  const def = (COLUMNS[kind] as ColumnDef<string>[]).find((c) => c.key === field);
  return def ? def.header : field;
}

export class Ctx {
  readonly problems: Problem[] = [];
  /**
   * Objectives by Codice (first occurrence), phases and indicators grouped by their Obiettivo, all keyed by
   * codeKey: a Codice matches by its match key (spaces, NBSP and case ignored), as the rollups and their
   * COUNTIFS/SUMIFS formulas do.
   */
  readonly objectiveByCode = new Map<string, Obiettivo>();
  readonly phasesByCode = new Map<string, Fase[]>();
  readonly indicatorsByCode = new Map<string, Indicatore[]>();
  /** codeKey of each row's Codice / Obiettivo, computed once (parallel to plan.obiettivi, fasi, indicatori). */
  readonly objectiveKeys: string[];
  readonly phaseKeys: string[];
  readonly indicatorKeys: string[];

  /** Broken cells per sheet as row/column keys, parsed once (a per-row address string would cost more). */
  private readonly brokenKeys: Record<SheetKind, Set<number>> = {
    obiettivi: new Set(),
    fasi: new Set(),
    indicatori: new Set(),
  };

  constructor(
    readonly plan: Plan,
    broken: ReadonlySet<string>,
  ) {
    for (const kind of ["obiettivi", "fasi", "indicatori"] as const) {
      const layout = plan.layout[kind];
      if (!layout || broken.size === 0) continue;
      const prefix = cellAddress(layout.sheet, 1, 1).slice(0, -2); // "Fasi!" or "'Le fasi'!"
      for (const address of broken) {
        if (!address.startsWith(prefix)) continue;
        const m = /^([A-Z]+)(\d+)$/.exec(address.slice(prefix.length));
        if (m) this.brokenKeys[kind].add(cellKey(Number(m[2]), columnIndex(m[1])));
      }
    }
    this.objectiveKeys = plan.obiettivi.map((o) => codeKey(o.codice));
    this.phaseKeys = plan.fasi.map((f) => codeKey(f.obiettivo));
    this.indicatorKeys = plan.indicatori.map((i) => codeKey(i.obiettivo));
    plan.obiettivi.forEach((o, n) => {
      const key = this.objectiveKeys[n];
      if (!isKeyless(o.codice) && !this.objectiveByCode.has(key)) this.objectiveByCode.set(key, o);
    });
    plan.fasi.forEach((f, n) => push(this.phasesByCode, this.phaseKeys[n], f));
    plan.indicatori.forEach((i, n) => push(this.indicatorsByCode, this.indicatorKeys[n], i));
  }

  private layout<K extends SheetKind>(kind: K): SheetLayout<FieldOf<K>> | null {
    return this.plan.layout[kind] as SheetLayout<FieldOf<K>> | null;
  }

  sheet(kind: SheetKind): string {
    return this.layout(kind)?.sheet ?? SHEETS[kind];
  }

  hasColumn<K extends SheetKind>(kind: K, field: FieldOf<K>): boolean {
    return this.layout(kind)?.columns[field] !== undefined;
  }

  /** Address of a field's cell on a row, or null when the column is not in the sheet. */
  cell<K extends SheetKind>(kind: K, field: FieldOf<K>, row: number): string | null {
    const layout = this.layout(kind);
    const col = layout?.columns[field];
    return layout && col !== undefined ? cellAddress(layout.sheet, row, col) : null;
  }

  isBroken<K extends SheetKind>(kind: K, field: FieldOf<K>, row: number): boolean {
    const col = this.layout(kind)?.columns[field];
    return col !== undefined && this.brokenKeys[kind].has(cellKey(row, col));
  }

  report<K extends SheetKind>(
    rule: RuleCode,
    kind: K,
    field: FieldOf<K>,
    row: number,
    objective: string | null,
    message: string,
  ): void {
    this.problems.push(
      problem(rule, {
        sheet: this.sheet(kind),
        row,
        column: header(kind, field),
        cell: this.cell(kind, field, row),
        objective: objective || null,
        message,
      }),
    );
  }

  /** report() for a phase or indicator row (its row and objective). */
  reportRow<K extends "fasi" | "indicatori">(
    rule: RuleCode,
    kind: K,
    field: FieldOf<K>,
    item: { row: number; obiettivo: string | null },
    message: string,
  ): void {
    this.report(rule, kind, field, item.row, item.obiettivo, message);
  }
}

export const cellKey = (row: number, col: number) => row * 16385 + col;

export function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
