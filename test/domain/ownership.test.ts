// What the add-in may write: computed columns only over free or already-owned cells.
import {
  conflictMessage,
  findConflict,
  markerFor,
  renamedGeneratedSheet,
  targetAreas,
  type SheetFacts,
} from "../../src/domain/model/ownership";
import type { ComputedTable } from "../../src/domain/model/sheet";

function table(cols: number[], headerRow = 1, lastRow = 5): ComputedTable {
  return {
    sheet: "Obiettivi",
    table: "tblObiettivi",
    headerRow,
    firstRow: headerRow + 1,
    lastRow,
    columns: cols.map((col, i) => ({
      header: ["Avanzamento Fasi %", "Esito"][i] ?? `H${i}`,
      col,
      formulas: [],
      results: [],
    })),
  };
}

function facts(content: string[], extra: Partial<SheetFacts> = {}): SheetFacts {
  const set = new Set(content);
  return {
    sheet: "Obiettivi",
    hasContent: (r, c) => set.has(`${r},${c}`),
    merges: [],
    tables: [{ name: "tblObiettivi", box: { top: 1, left: 1, bottom: 5, right: 13 } }],
    ...extra,
  };
}

const box = { top: 1, left: 1, bottom: 5, right: 13 };

describe("targetAreas", () => {
  it("in a table, columns right of it are appended, columns inside it are the add-in's", () => {
    const areas = targetAreas(table([13, 14]), box, () => "");
    expect(areas.map((a) => [a.col, a.appended, a.top, a.bottom])).toEqual([
      [13, false, 1, 5],
      [14, true, 1, 5],
    ]);
  });

  it("in a plain range, a column is the add-in's when its header already says so (any case, spaces)", () => {
    const areas = targetAreas({ ...table([14, 15]), table: null }, null, (c) =>
      c === 14 ? "  avanzamento fasi % " : "Note",
    );
    expect(areas.map((a) => a.appended)).toEqual([false, true]);
  });

  it("reaches the table's last row even when the data stops earlier", () => {
    expect(targetAreas(table([14], 1, 3), { ...box, bottom: 9 }, () => "")[0].bottom).toBe(9);
  });
});

describe("findConflict", () => {
  const areas = () => targetAreas(table([13, 14]), box, () => "");

  it("allows free cells, and content in columns the add-in already owns", () => {
    expect(findConflict(areas(), facts(["3,13", "2,13"]), "tblObiettivi")).toBeNull();
  });

  it("names the occupied cells of an appended column (a note beside the table)", () => {
    const c = findConflict(areas(), facts(["4,14", "2,14"]), "tblObiettivi");
    expect(c).toEqual({ kind: "cells", sheet: "Obiettivi", cells: ["N2", "N4"], more: 0 });
    expect(conflictMessage(c!)).toMatch(/«Obiettivi».*N2, N4.*non è stato scritto nulla/);
  });

  it("lists at most eight cells and counts the rest", () => {
    const many = Array.from({ length: 5 }, (_, i) => `${i + 1},14`);
    const c = findConflict(
      targetAreas(table([14], 1, 12), { ...box, bottom: 12 }, () => ""),
      facts([...many, "9,14", "10,14", "11,14", "12,14", "6,14"]),
      "tblObiettivi",
    );
    expect(c).toMatchObject({ kind: "cells", more: 2 });
    expect(conflictMessage(c!)).toMatch(/e altre 2/);
  });

  it("refuses a second table in the way, naming it and its range", () => {
    const c = findConflict(
      areas(),
      facts([], {
        tables: [
          { name: "tblObiettivi", box },
          { name: "Altra", box: { top: 3, left: 14, bottom: 8, right: 16 } },
        ],
      }),
      "tblObiettivi",
    );
    expect(c).toEqual({ kind: "table", sheet: "Obiettivi", table: "Altra", where: "N3:P8" });
  });

  it("refuses a merge touching an owned column, appended or not", () => {
    const merged = facts([], { merges: [{ top: 1, left: 12, bottom: 1, right: 13 }] });
    expect(findConflict(areas(), merged, "tblObiettivi")).toEqual({
      kind: "merge",
      sheet: "Obiettivi",
      where: "L1:M1",
    });
    const far = facts([], { merges: [{ top: 7, left: 14, bottom: 8, right: 15 }] });
    expect(findConflict(areas(), far, "tblObiettivi")).toBeNull();
  });

  it("refuses columns past XFD", () => {
    const c = findConflict(
      targetAreas(table([16384, 16385]), { ...box, right: 16384 }, () => ""),
      facts([]),
      "tblObiettivi",
    );
    expect(c).toMatchObject({ kind: "edge", header: "Esito" });
    expect(conflictMessage(c!)).toMatch(/XFD/);
  });
});

describe("generated sheets", () => {
  it("a marker pointing at another existing sheet means the generated sheet was renamed", () => {
    const m = markerFor("Scheda");
    expect(m).toEqual({ name: "pegFoglio_Scheda", refersTo: "=Scheda!$A$1" });
    expect(renamedGeneratedSheet("Scheda", "'Scheda 2023'!$A$1", ["Obiettivi", "Scheda 2023"])).toBe(
      "Scheda 2023",
    );
    expect(renamedGeneratedSheet("Scheda", "Scheda!$A$1", ["Scheda"])).toBeNull();
    expect(renamedGeneratedSheet("Scheda", "Vecchia!$A$1", ["Scheda"])).toBeNull();
    expect(renamedGeneratedSheet("Scheda", undefined, ["Scheda"])).toBeNull();
  });
});
