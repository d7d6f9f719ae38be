import { HeaderMatcher, historyYear, normalizeHeader } from "../../src/domain/reading/headers";
import { COMPUTED_COLUMNS, INDICATORI_COLUMNS, OBIETTIVI_COLUMNS } from "../../src/domain/model/schema";

describe("normalizeHeader", () => {
  it.each([
    ["Polarità", "polarita"],
    ["Polarita", "polarita"],
    ["POLARITA'", "polarita"],
    ["Polarita’", "polarita"],
    ["Polarita`", "polarita"],
    ["Centro di Responsabilità", "centro di responsabilita"],
    ["Centro di Responsabilita'", "centro di responsabilita"],
    ["centro  di responsabilità", "centro di responsabilita"],
    ["  Centro\u00a0di\tResponsabilità  ", "centro di responsabilita"],
    ["MODALITÀ DI ATTUAZIONE", "modalita di attuazione"],
  ])("%p → %p", (input, expected) => {
    expect(normalizeHeader(input)).toBe(expected);
  });
});

describe("HeaderMatcher", () => {
  const ob = new HeaderMatcher(OBIETTIVI_COLUMNS, false, COMPUTED_COLUMNS.obiettivi);
  const ind = new HeaderMatcher(INDICATORI_COLUMNS, true, COMPUTED_COLUMNS.indicatori);

  it("matches each documented header in its variants", () => {
    for (const variant of [
      "Centro di Responsabilità",
      "Centro di Responsabilita'",
      "centro  di responsabilità",
      "CENTRO DI RESPONSABILITA",
    ]) {
      expect(ob.match(variant)).toMatchObject({ kind: "field", key: "centroResponsabilita" });
    }
    for (const variant of ["Polarità", "Polarita", "POLARITA'", " polarità "]) {
      expect(ind.match(variant)).toMatchObject({ kind: "field", key: "polarita" });
    }
    expect(ob.match("Modalita' di attuazione")).toMatchObject({ kind: "field", key: "modalitaAttuazione" });
  });

  it("keeps Valore Raggiunto apart from its history columns", () => {
    expect(ind.match("Valore Raggiunto")).toMatchObject({ kind: "field", key: "valoreRaggiunto" });
    expect(ind.match("Valore Raggiunto 2022")).toEqual({ kind: "history", anno: 2022 });
    expect(ind.match("VALORE  RAGGIUNTO 2021")).toEqual({ kind: "history", anno: 2021 });
    expect(ind.match("valore raggiunto (2020)")).toEqual({ kind: "history", anno: 2020 });
    expect(ind.match("Valore Raggiunto 22")).toBeNull();
    // history columns exist only in Indicatori
    expect(ob.match("Valore Raggiunto 2022")).toBeNull();
  });

  it("sees computed columns as such and other headers as unknown", () => {
    expect(ob.match("Esito")).toEqual({ kind: "computed", header: "Esito" });
    expect(ind.match("raggiungimento %")).toEqual({ kind: "computed", header: "Raggiungimento %" });
    expect(ob.match("Commento")).toBeNull();
    expect(ob.match("")).toBeNull();
  });

  it("reads the year of history headers", () => {
    expect(historyYear("Valore Raggiunto 2019")).toBe(2019);
    expect(historyYear("Valore Atteso 2019")).toBeNull();
  });
});
