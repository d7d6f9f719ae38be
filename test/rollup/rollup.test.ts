// docs/reference/formulas.md case by case. Every expected value is worked out by hand from the contract (docs/reference) (shown in the
// comments), not taken from the implementation.
import {
  avanzamentoFasi,
  computeRollups,
  esito,
  grado,
  raggiungimento,
  raggiungimentoIndicatori,
  tempistica,
} from "../../src/domain/rollup/rollup";
import { fase, ind, ob, plan } from "./planFixture";

describe("Raggiungimento % of one indicator", () => {
  const cr = (t: number | null, a: number | null) => raggiungimento(t, a, false, "T/A");
  const ta = (t: number | null, a: number | null) => raggiungimento(t, a, true, "T/A");
  const dta = (t: number | null, a: number | null) => raggiungimento(t, a, true, "2T-A");

  it("Crescente, T > 0: A/T·100 clamped to 0..100", () => {
    expect(cr(80, 60)).toBeCloseTo(75, 12); // 60/80
    expect(cr(80, 100)).toBe(100); // 125 → 100
    expect(cr(50, 0)).toBe(0); // A = 0
    expect(cr(50, -10)).toBe(0); // −20 → 0
    expect(cr(3, 1)).toBeCloseTo(33.333333333333, 9);
  });
  it("Crescente, T ≤ 0: 100 when A ≥ T, else 0", () => {
    expect(cr(0, 0)).toBe(100);
    expect(cr(0, 5)).toBe(100);
    expect(cr(0, -1)).toBe(0);
    expect(cr(-10, -5)).toBe(100);
    expect(cr(-10, -20)).toBe(0);
  });
  it("Decrescente T/A: 100 when A ≤ T, else T/A·100 clamped", () => {
    expect(ta(10, 8)).toBe(100);
    expect(ta(10, 10)).toBe(100);
    expect(ta(10, 20)).toBeCloseTo(50, 12);
    expect(ta(10, 40)).toBeCloseTo(25, 12);
    expect(ta(0, 0)).toBe(100); // A ≤ T
    expect(ta(0, 5)).toBe(0); // 0/5
    expect(ta(-5, 10)).toBe(0); // −50 → 0
    expect(ta(-10, -5)).toBe(100); // −10/−5 = 2 → 200 → 100
  });
  it("Decrescente T/A with T < 0 and A = 0 gives 0 (T/A → −∞), no division error", () => {
    expect(ta(-5, 0)).toBe(0);
  });
  it("Decrescente 2T-A: T > 0 → (2T−A)/T·100 clamped; T ≤ 0 → 100 when A ≤ T else 0", () => {
    expect(dta(10, 15)).toBeCloseTo(50, 12); // (20−15)/10
    expect(dta(10, 25)).toBe(0); // −50
    expect(dta(10, 5)).toBe(100); // 150
    expect(dta(10, 0)).toBe(100); // A = 0 → 200
    expect(dta(0, 0)).toBe(100);
    expect(dta(0, 1)).toBe(0);
    expect(dta(-5, -6)).toBe(100);
    expect(dta(-5, -4)).toBe(0);
  });
  it("is null when T or A is missing", () => {
    expect(cr(null, 5)).toBeNull();
    expect(cr(5, null)).toBeNull();
    expect(ta(null, null)).toBeNull();
    expect(dta(null, 3)).toBeNull();
  });
});

describe("Avanzamento Fasi % F", () => {
  const f = (peso: number | null, avanzamento: number | null) => ({ peso, avanzamento });
  it("weights by Peso over phases with Peso > 0", () => {
    expect(avanzamentoFasi([f(30, 100), f(70, 50)])).toBeCloseTo(65, 12); // (3000+3500)/100
  });
  it("ignores sub-item phases (empty Peso) and Peso 0 when some phase has a weight", () => {
    expect(avanzamentoFasi([f(50, 100), f(50, 0), f(null, 0), f(0, 0)])).toBeCloseTo(50, 12);
    expect(avanzamentoFasi([f(25, 80), f(null, 0)])).toBeCloseTo(80, 12);
  });
  it("an empty Avanzamento counts as 0", () => {
    expect(avanzamentoFasi([f(40, null), f(60, 100)])).toBeCloseTo(60, 12);
    expect(avanzamentoFasi([f(null, null), f(null, 90)])).toBeCloseTo(45, 12);
  });
  it("without any Peso > 0 is the plain mean of Avanzamento over all phases", () => {
    expect(avanzamentoFasi([f(null, 100), f(null, 50), f(null, null)])).toBeCloseTo(50, 12);
    expect(avanzamentoFasi([f(0, 100), f(0, 0)])).toBeCloseTo(50, 12);
  });
  it("is null without phases", () => {
    expect(avanzamentoFasi([])).toBeNull();
  });
});

describe("Raggiungimento Indicatori % R", () => {
  it("weighted when every non-null r has p > 0", () => {
    expect(
      raggiungimentoIndicatori([
        { r: 100, peso: 1 },
        { r: 50, peso: 3 },
      ]),
    ).toBeCloseTo(62.5, 12); // (100+150)/4
    // the indicator without r does not need a weight
    expect(
      raggiungimentoIndicatori([
        { r: null, peso: null },
        { r: 80, peso: 2 },
        { r: 40, peso: 2 },
      ]),
    ).toBeCloseTo(60, 12);
  });
  it("unweighted mean when some valued indicator has no weight (or weight 0)", () => {
    expect(
      raggiungimentoIndicatori([
        { r: 100, peso: 1 },
        { r: 50, peso: null },
      ]),
    ).toBeCloseTo(75, 12);
    expect(
      raggiungimentoIndicatori([
        { r: 100, peso: 0 },
        { r: 0, peso: 10 },
      ]),
    ).toBeCloseTo(50, 12);
  });
  it("null when no indicator has an r", () => {
    expect(raggiungimentoIndicatori([])).toBeNull();
    expect(raggiungimentoIndicatori([{ r: null, peso: 5 }])).toBeNull();
  });
});

describe("Grado G and Esito", () => {
  it("combines F and R with Peso fasi nel grado", () => {
    expect(grado(80, 60, 50)).toBeCloseTo(70, 12);
    expect(grado(80, 60, 30)).toBeCloseTo(66, 12); // (2400+4200)/100
    expect(grado(80, 60, 100)).toBeCloseTo(80, 12);
    expect(grado(80, 60, 0)).toBeCloseTo(60, 12);
  });
  it("uses the only one present, null when none", () => {
    expect(grado(42, null, 50)).toBe(42);
    expect(grado(null, 17, 50)).toBe(17);
    expect(grado(null, null, 50)).toBeNull();
  });
  it("Esito at every threshold edge", () => {
    expect(esito(null, 90, 70)).toBe("Non valutabile");
    expect(esito(100, 90, 70)).toBe("Raggiunto");
    expect(esito(90, 90, 70)).toBe("Raggiunto");
    expect(esito(89.99, 90, 70)).toBe("Parzialmente raggiunto");
    expect(esito(70, 90, 70)).toBe("Parzialmente raggiunto");
    expect(esito(69.999, 90, 70)).toBe("Non raggiunto");
    expect(esito(0, 90, 70)).toBe("Non raggiunto");
    expect(esito(80, 80, 80)).toBe("Raggiunto");
    expect(esito(79, 80, 80)).toBe("Non raggiunto");
  });
  it("a G that is 90 up to floating-point noise counts as 90", () => {
    // 0.1·3 style noise: 89.99999999999999 is 90 in decimal arithmetic
    expect(esito(89.99999999999999, 90, 70)).toBe("Raggiunto");
    expect(esito(69.99999999999999, 90, 70)).toBe("Parzialmente raggiunto");
  });
});

describe("Tempistica and Scostamento (giorni)", () => {
  const D = "2023-06-30";
  const t = (fp: string | null, fe: string | null, a: number | null, d = D) =>
    tempistica({ finePrevista: fp, fineEffettiva: fe, avanzamento: a }, d);
  it("with Fine Effettiva: anticipo / nei tempi / ritardo, scostamento FE−FP", () => {
    expect(t("2023-05-31", "2023-05-21", 100)).toEqual({ tempistica: "In anticipo", scostamentoGiorni: -10 });
    expect(t("2023-05-31", "2023-05-31", 100)).toEqual({ tempistica: "Nei tempi", scostamentoGiorni: 0 });
    expect(t("2023-02-28", "2023-03-01", 50)).toEqual({ tempistica: "In ritardo", scostamentoGiorni: 1 });
    // Fine Effettiva after the Data di riferimento still counts FE−FP
    expect(t("2023-12-31", "2024-01-10", 100)).toEqual({ tempistica: "In ritardo", scostamentoGiorni: 10 });
  });
  it("open phase past its Fine Prevista with Avanzamento < 100 is late by D−FP", () => {
    expect(t("2023-06-20", null, 50)).toEqual({ tempistica: "In ritardo", scostamentoGiorni: 10 });
    expect(t("2023-06-20", null, null)).toEqual({ tempistica: "In ritardo", scostamentoGiorni: 10 });
    expect(t("2022-12-31", null, 99.9)).toEqual({ tempistica: "In ritardo", scostamentoGiorni: 181 });
  });
  it("otherwise In corso with empty scostamento", () => {
    expect(t("2023-06-20", null, 100)).toEqual({ tempistica: "In corso", scostamentoGiorni: null });
    expect(t("2023-06-30", null, 10)).toEqual({ tempistica: "In corso", scostamentoGiorni: null }); // D = FP
    expect(t("2023-07-31", null, 0)).toEqual({ tempistica: "In corso", scostamentoGiorni: null });
  });
  it("without Fine Prevista everything is empty", () => {
    expect(t(null, null, 10)).toEqual({ tempistica: null, scostamentoGiorni: null });
    expect(t(null, "2023-01-01", 100)).toEqual({ tempistica: null, scostamentoGiorni: null });
  });
});

describe("computeRollups on a whole plan", () => {
  it("per objective F, R, G, Esito; objectives without phases or indicators", () => {
    const o1 = ob("OB1");
    const o2 = ob("OB2"); // phases only
    const o3 = ob("OB3"); // indicators only
    const o4 = ob("OB4"); // nothing
    const p = plan(
      [o1, o2, o3, o4],
      [fase("OB1", 50, 100), fase("OB1", 50, 60), fase("ob2", null, 40)],
      [ind("OB1", 100, 90), ind("OB1", 10, 20, { polarita: "Decrescente" }), ind("OB3", 4, 3)],
    );
    const r = computeRollups(p);
    // OB1: F = (5000+3000)/100 = 80; r = 90 and 10/20 = 50 → R = 70; G = (50·80+50·70)/100 = 75
    expect(r.obiettivi[0]).toMatchObject({ codice: "OB1", esito: "Parzialmente raggiunto" });
    expect(r.obiettivi[0].avanzamentoFasi).toBeCloseTo(80, 12);
    expect(r.obiettivi[0].raggiungimentoIndicatori).toBeCloseTo(70, 12);
    expect(r.obiettivi[0].grado).toBeCloseTo(75, 12);
    // OB2: its phase is written "ob2" (matched ignoring case, as COUNTIFS does): F = 40 = G
    expect(r.obiettivi[1]).toMatchObject({
      raggiungimentoIndicatori: null,
      grado: 40,
      esito: "Non raggiunto",
    });
    // OB3: only R = 75
    expect(r.obiettivi[2]).toMatchObject({
      avanzamentoFasi: null,
      grado: 75,
      esito: "Parzialmente raggiunto",
    });
    expect(r.obiettivi[3]).toMatchObject({
      avanzamentoFasi: null,
      raggiungimentoIndicatori: null,
      grado: null,
      esito: "Non valutabile",
    });
    expect(r.indicatori.map((i) => i.raggiungimento)).toEqual([90, 50, 75]);
    expect(r.fasi.map((f) => f.riga)).toEqual(p.fasi.map((f) => f.row));
  });

  it("uses Peso fasi nel grado, the thresholds and Formula decrescente from Parametri", () => {
    const p = plan([ob("A")], [fase("A", null, 100)], [ind("A", 10, 15, { polarita: " decrescente " })], {
      pesoFasiNelGrado: 20,
      sogliaRaggiunto: 60,
      sogliaParzialmente: 50,
      formulaDecrescente: "2T-A",
    });
    const r = computeRollups(p);
    // r = (20−15)/10·100 = 50; G = (20·100 + 80·50)/100 = 60 → Raggiunto at Soglia 60
    expect(r.indicatori[0].raggiungimento).toBeCloseTo(50, 12);
    expect(r.obiettivi[0].grado).toBeCloseTo(60, 12);
    expect(r.obiettivi[0].esito).toBe("Raggiunto");
  });

  it("group rollups: first-appearance order, (non indicato), case-insensitive groups, weighted mean", () => {
    const p = plan(
      [
        ob("A", { centroResponsabilita: "Servizi", assessorato: "X", peso: 1 }),
        ob("B", { centroResponsabilita: "Cultura", assessorato: null, peso: 3 }),
        ob("C", { centroResponsabilita: "SERVIZI", assessorato: "X", peso: null }),
        ob("D", { centroResponsabilita: "Cultura", assessorato: "  ", peso: 1 }),
      ],
      [fase("A", null, 100), fase("B", null, 50), fase("C", null, 20)],
      [],
    );
    const r = computeRollups(p).riepilogo;
    expect(r.centroResponsabilita.map((g) => g.gruppo)).toEqual(["Servizi", "Cultura"]);
    // Servizi: A (G 100, Peso 1) and C (G 20, no Peso) → not all weighted → (100+20)/2 = 60
    expect(r.centroResponsabilita[0]).toEqual({
      gruppo: "Servizi",
      obiettivi: 2,
      gradoMedio: 60,
      raggiunti: 1,
      parzialmenteRaggiunti: 0,
      nonRaggiunti: 1,
      nonValutabili: 0,
    });
    // Cultura: B (G 50, Peso 3) and D (no G, Peso 1) → all weighted; D has no G → 3·50/3 = 50
    expect(r.centroResponsabilita[1]).toEqual({
      gruppo: "Cultura",
      obiettivi: 2,
      gradoMedio: 50,
      raggiunti: 0,
      parzialmenteRaggiunti: 0,
      nonRaggiunti: 1,
      nonValutabili: 1,
    });
    expect(r.assessorato.map((g) => [g.gruppo, g.obiettivi])).toEqual([
      ["X", 2],
      ["(non indicato)", 2],
    ]);
    // Weighted: X has A (Peso 1, G 100) and C (no Peso) → unweighted (100+20)/2
    expect(r.assessorato[0].gradoMedio).toBeCloseTo(60, 12);
    // (non indicato): B (3, 50) and D (1, no G) → weighted 50
    expect(r.assessorato[1].gradoMedio).toBeCloseTo(50, 12);
    expect(r.valorePubblico).toEqual([
      {
        gruppo: "(non indicato)",
        obiettivi: 4,
        gradoMedio: (100 + 50 + 20) / 3,
        raggiunti: 1,
        parzialmenteRaggiunti: 0,
        nonRaggiunti: 2,
        nonValutabili: 1,
      },
    ]);
  });

  it("weighted group mean when every objective has a Peso", () => {
    const p = plan(
      [ob("A", { peso: 1 }), ob("B", { peso: 3 })],
      [fase("A", null, 100), fase("B", null, 60)],
      [],
    );
    // (1·100 + 3·60)/4 = 70
    expect(computeRollups(p).riepilogo.centroResponsabilita[0].gradoMedio).toBeCloseTo(70, 12);
  });

  it("a group with no evaluable objective has Grado medio null", () => {
    const p = plan([ob("A"), ob("B")], [], []);
    expect(computeRollups(p).riepilogo.centroResponsabilita[0]).toMatchObject({
      obiettivi: 2,
      gradoMedio: null,
      nonValutabili: 2,
    });
  });
});

describe("Grado Finale: the grade validated by the Nucleo", () => {
  it("is Grado Validato when it is a number (out of range included), else G; Esito follows it", () => {
    const p = plan(
      [
        ob("A", { gradoValidato: 95 }), // G 60 → validated 95
        ob("B", { gradoValidato: 0 }), // G 100 → validated 0 (a number, not empty)
        ob("C"), // G 80, not validated
        ob("D", { gradoValidato: 75 }), // no phases: G null, validated 75
        ob("E", { gradoValidato: 120 }), // VALIDATED_RANGE, used as it is
      ],
      [fase("A", null, 60), fase("B", null, 100), fase("C", null, 80), fase("E", null, 10)],
      [],
    );
    const r = computeRollups(p).obiettivi;
    expect(r.map((o) => [o.grado, o.gradoValidato, o.gradoFinale, o.esito])).toEqual([
      [60, 95, 95, "Raggiunto"],
      [100, 0, 0, "Non raggiunto"],
      [80, null, 80, "Parzialmente raggiunto"],
      [null, 75, 75, "Parzialmente raggiunto"],
      [10, 120, 120, "Raggiunto"],
    ]);
  });

  it("the Riepilogo averages and counts Grado Finale", () => {
    const p = plan([ob("A", { gradoValidato: 90 }), ob("B")], [fase("A", null, 50), fase("B", null, 30)], []);
    // A: G 50 validated 90 (Raggiunto); B: 30 (Non raggiunto) → mean (90 + 30) / 2 = 60
    expect(computeRollups(p).riepilogo.centroResponsabilita[0]).toEqual({
      gruppo: "CDR",
      obiettivi: 2,
      gradoMedio: 60,
      raggiunti: 1,
      parzialmenteRaggiunti: 0,
      nonRaggiunti: 1,
      nonValutabili: 0,
    });
  });
});
