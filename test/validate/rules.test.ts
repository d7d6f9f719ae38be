// One test per rule code of docs/reference/rules.md handled by validatePlan: a workbook with exactly that defect reports
// exactly that problem (rule, severity, sheet, row, column, cell), and the same workbook without the
// defect reports nothing for that rule. Every case runs twice: on the Plan built directly (validatePlan
// alone) and on the raw workbook through the reader (what the service does).
import { sortProblems, type Problem, type RuleCode } from "../../src/domain/rules/problems";
import { readPlan } from "../../src/domain/reading/reader";
import { validatePlan } from "../../src/domain/rules/validate";
import { baseSpec, broken, toPlan, toRaw, type WorkbookSpec } from "./fixture";

type Mode = "plan" | "reader";

function run(spec: WorkbookSpec, mode: Mode): Problem[] {
  if (mode === "plan") {
    const { plan, brokenCells } = toPlan(spec);
    return validatePlan(plan, brokenCells);
  }
  const read = readPlan(toRaw(spec), { today: "2024-03-01" });
  return sortProblems([...read.problems, ...validatePlan(read.plan, read.brokenCells)]);
}

interface Case {
  rule: RuleCode;
  /** Severity as docs/reference/rules.md states it (written here, not taken from the implementation). */
  severity: "error" | "warning";
  what: string;
  defect: (s: WorkbookSpec) => void;
  at: { sheet: string; row: number; column: string; cell: string };
  objective: string | null;
  /** Pieces the message must contain: the value found and what is expected. */
  says: string[];
  /** Rules the same defect necessarily triggers too (checked present, then set aside). */
  also?: RuleCode[];
}

const CASES: Case[] = [
  {
    rule: "VALIDATION_REASON_MISSING",
    severity: "error",
    what: "O1 validated at 85 without a reason",
    defect: (s) => {
      s.obiettivi[0].gradoValidato = 85;
    },
    at: { sheet: "Obiettivi", row: 2, column: "Motivazione Validazione", cell: "Obiettivi!O2" },
    objective: "O1",
    says: ["85", "O1", "Motivazione Validazione", "Nucleo di Valutazione"],
  },
  {
    rule: "VALIDATED_RANGE",
    severity: "error",
    what: "O2 validated at 105 (with a reason)",
    defect: (s) => {
      s.obiettivi[1].gradoValidato = 105;
      s.obiettivi[1].motivazioneValidazione = "Verbale n. 3 del Nucleo";
    },
    at: { sheet: "Obiettivi", row: 3, column: "Grado Validato %", cell: "Obiettivi!N3" },
    objective: "O2",
    says: ["105", "tra 0 e 100"],
  },
  {
    rule: "VALIDATED_RANGE",
    severity: "error",
    what: "O1 validated at -5 (with a reason)",
    defect: (s) => {
      s.obiettivi[0].gradoValidato = -5;
      s.obiettivi[0].motivazioneValidazione = "x";
    },
    at: { sheet: "Obiettivi", row: 2, column: "Grado Validato %", cell: "Obiettivi!N2" },
    objective: "O1",
    says: ["-5", "tra 0 e 100"],
  },
  {
    rule: "OBJECTIVE_WEIGHT_SUM",
    severity: "warning",
    what: "the CdR's objectives weigh 60 + 30",
    defect: (s) => {
      s.obiettivi[0].peso = 60;
      s.obiettivi[1].peso = 30;
    },
    at: { sheet: "Obiettivi", row: 2, column: "Peso", cell: "Obiettivi!M2" },
    objective: "O1",
    says: ['"SETTORE SOCIOEDUCATIVO"', " 90 ", "O1: 60", "O2: 30", "100"],
  },
  {
    rule: "OBJECTIVE_WEIGHT_SUM",
    severity: "warning",
    what: "O2 weighs 100 in its own CdR, O1 weighs 40 and O3 nothing in theirs (empty = 0)",
    defect: (s) => {
      s.obiettivi[0].peso = 40;
      s.obiettivi[1].centroResponsabilita = "SETTORE CULTURA";
      s.obiettivi[1].peso = 100;
    },
    at: { sheet: "Obiettivi", row: 2, column: "Peso", cell: "Obiettivi!M2" },
    objective: "O1",
    says: ['"SETTORE SOCIOEDUCATIVO"', " 40 ", "O1: 40"],
  },
  {
    rule: "LABEL_NEAR_DUPLICATE",
    severity: "warning",
    what: "DUP_06's label with and without a space after the '!' (a tie: the first spelling wins)",
    defect: (s) => {
      s.obiettivi[0].obiettivoMandato = "DUP_06 FACCIAMO RETE! INSIEME POSSIAMO";
      s.obiettivi[1].obiettivoMandato = "DUP_06 FACCIAMO RETE!INSIEME POSSIAMO";
    },
    at: { sheet: "Obiettivi", row: 3, column: "Obiettivo di Mandato", cell: "Obiettivi!G3" },
    objective: "O2",
    says: [
      '"DUP_06 FACCIAMO RETE!INSIEME POSSIAMO" (1 obiettivo)',
      '"DUP_06 FACCIAMO RETE! INSIEME POSSIAMO" (1 obiettivo)',
      "due gruppi",
    ],
  },
  {
    rule: "LABEL_NEAR_DUPLICATE",
    severity: "warning",
    what: "an Assessorato with and without its accent",
    defect: (s) => {
      s.obiettivi[0].assessorato = "Attività produttive";
      s.obiettivi[1].assessorato = "Attivita produttive";
    },
    at: { sheet: "Obiettivi", row: 3, column: "Assessorato", cell: "Obiettivi!C3" },
    objective: "O2",
    says: ['"Attivita produttive"', '"Attività produttive"'],
  },
  {
    rule: "CODE_DUPLICATE",
    severity: "error",
    what: "a third objective reuses O1",
    defect: (s) => s.obiettivi.push({ codice: "O1", titolo: "Doppione" }),
    at: { sheet: "Obiettivi", row: 4, column: "Codice", cell: "Obiettivi!A4" },
    objective: "O1",
    says: ['"O1"', "Obiettivi!A2"],
  },
  {
    rule: "OBJECTIVE_UNKNOWN",
    severity: "error",
    what: "a phase names O9 (sub-item, no Peso)",
    defect: (s) => s.fasi.push({ obiettivo: "O9", titolo: "Fase orfana" }),
    at: { sheet: "Fasi", row: 6, column: "Obiettivo", cell: "Fasi!A6" },
    objective: "O9",
    says: ['"O9"', "Obiettivi"],
  },
  {
    rule: "OBJECTIVE_UNKNOWN",
    severity: "error",
    what: "an indicator names O22",
    defect: (s) => s.indicatori.push({ ...s.indicatori[1], obiettivo: "O22" }),
    at: { sheet: "Indicatori", row: 4, column: "Obiettivo", cell: "Indicatori!A4" },
    objective: "O22",
    says: ['"O22"', "Obiettivi"],
  },
  {
    rule: "WEIGHT_SUM",
    severity: "error",
    what: "O1's phases weigh 50 + 40",
    defect: (s) => {
      s.fasi[1].peso = 40;
    },
    at: { sheet: "Fasi", row: 2, column: "Peso", cell: "Fasi!G2" },
    objective: "O1",
    says: ["O1", " 90 ", "riga 2: 50", "riga 3: 40", "100"],
  },
  {
    rule: "WEIGHT_SUM",
    severity: "error",
    what: "O2's first phase is a sub-item, the weighted ones sum to 99.98",
    defect: (s) => {
      s.fasi[2].peso = null;
      s.fasi.splice(3, 0, { ...s.fasi[3], peso: 33.33 }, { ...s.fasi[3], peso: 33.33 });
      s.fasi[5].peso = 33.32;
    },
    at: { sheet: "Fasi", row: 5, column: "Peso", cell: "Fasi!G5" },
    objective: "O2",
    says: ["99,98", "riga 5: 33,33", "riga 6: 33,33", "riga 7: 33,32"],
  },
  {
    rule: "NO_PHASES",
    severity: "warning",
    what: "O3 has an indicator and no phase",
    defect: (s) => {
      s.obiettivi.push({ codice: "O3" });
      s.indicatori.push({ ...s.indicatori[0], obiettivo: "O3" });
    },
    at: { sheet: "Obiettivi", row: 4, column: "Codice", cell: "Obiettivi!A4" },
    objective: "O3",
    says: ["O3", "Fasi"],
  },
  {
    rule: "NO_INDICATORS",
    severity: "warning",
    what: "O3 has a phase and no indicator",
    defect: (s) => {
      s.obiettivi.push({ codice: "O3" });
      s.fasi.push({ ...s.fasi[0], obiettivo: "O3", peso: 100 });
    },
    at: { sheet: "Obiettivi", row: 4, column: "Codice", cell: "Obiettivi!A4" },
    objective: "O3",
    says: ["O3", "Indicatori"],
  },
  {
    rule: "WEIGHT_RANGE",
    severity: "error",
    what: "objective Peso 120",
    defect: (s) => {
      s.obiettivi[1].peso = 120;
    },
    at: { sheet: "Obiettivi", row: 3, column: "Peso", cell: "Obiettivi!M3" },
    objective: "O2",
    says: ["120", "tra 0 e 100"],
    // the CdR's objective weights then sum to 120
    also: ["OBJECTIVE_WEIGHT_SUM"],
  },
  {
    rule: "WEIGHT_RANGE",
    severity: "error",
    what: "indicator Peso -5",
    defect: (s) => {
      s.indicatori[0].peso = -5;
    },
    at: { sheet: "Indicatori", row: 2, column: "Peso", cell: "Indicatori!G2" },
    objective: "O1",
    says: ["-5", "tra 0 e 100"],
  },
  {
    rule: "PROGRESS_RANGE",
    severity: "error",
    what: "Avanzamento 120",
    defect: (s) => {
      s.fasi[0].avanzamento = 120;
    },
    at: { sheet: "Fasi", row: 2, column: "Avanzamento", cell: "Fasi!H2" },
    objective: "O1",
    says: ["120", "tra 0 e 100"],
  },
  {
    rule: "DATE_ORDER",
    severity: "error",
    what: "Fine Prevista 30/04 before Inizio Previsto 01/05",
    defect: (s) => {
      Object.assign(s.fasi[0], {
        inizioPrevisto: "2023-05-01",
        finePrevista: "2023-04-30",
        fineEffettiva: "2023-04-30",
      });
    },
    at: { sheet: "Fasi", row: 2, column: "Fine Prevista", cell: "Fasi!D2" },
    objective: "O1",
    says: ["30/04/2023", "01/05/2023"],
  },
  {
    rule: "DATE_ORDER",
    severity: "error",
    what: "Fine Effettiva 28/02 before Inizio Effettivo 01/03",
    defect: (s) => {
      Object.assign(s.fasi[2], { inizioEffettivo: "2023-03-01", fineEffettiva: "2023-02-28" });
    },
    at: { sheet: "Fasi", row: 4, column: "Fine Effettiva", cell: "Fasi!F4" },
    objective: "O2",
    says: ["28/02/2023", "01/03/2023"],
  },
  {
    rule: "DATE_OUTSIDE_YEAR",
    severity: "warning",
    what: "Inizio Previsto 01/12/2022 in a 2023 plan",
    defect: (s) => {
      s.fasi[0].inizioPrevisto = "2022-12-01";
    },
    at: { sheet: "Fasi", row: 2, column: "Inizio Previsto", cell: "Fasi!C2" },
    objective: "O1",
    says: ["01/12/2022", "2023"],
  },
  {
    rule: "DATE_IN_FUTURE",
    severity: "warning",
    what: "Fine Effettiva 20/12 after Data di riferimento 15/12",
    defect: (s) => {
      s.parametri.dataRiferimento = "2023-12-15";
      s.fasi[3].fineEffettiva = "2023-12-10";
    },
    at: { sheet: "Fasi", row: 3, column: "Fine Effettiva", cell: "Fasi!F3" },
    objective: "O1",
    says: ["20/12/2023", "15/12/2023"],
  },
  {
    rule: "PHASE_LATE",
    severity: "warning",
    what: "Fine Effettiva 15/07 after Fine Prevista 30/06",
    defect: (s) => {
      s.fasi[0].fineEffettiva = "2023-07-15";
    },
    at: { sheet: "Fasi", row: 2, column: "Fine Effettiva", cell: "Fasi!F2" },
    objective: "O1",
    says: ["15/07/2023", "30/06/2023", "15 giorni"],
  },
  {
    rule: "PHASE_LATE",
    severity: "warning",
    what: "no Fine Effettiva, Avanzamento 60, Fine Prevista 30/06 passed on 31/12",
    defect: (s) => {
      Object.assign(s.fasi[0], { fineEffettiva: null, avanzamento: 60 });
    },
    at: { sheet: "Fasi", row: 2, column: "Fine Prevista", cell: "Fasi!D2" },
    objective: "O1",
    says: ["30/06/2023", "31/12/2023", "60"],
  },
  {
    rule: "EFFECTIVE_END_MISSING",
    severity: "warning",
    what: "Avanzamento 100 without Fine Effettiva",
    defect: (s) => {
      s.fasi[1].fineEffettiva = null;
    },
    at: { sheet: "Fasi", row: 3, column: "Fine Effettiva", cell: "Fasi!F3" },
    objective: "O1",
    says: ["100", "Fine Effettiva"],
  },
  {
    rule: "EFFECTIVE_START_MISSING",
    severity: "warning",
    what: "Fine Effettiva without Inizio Effettivo",
    defect: (s) => {
      s.fasi[3].inizioEffettivo = null;
    },
    at: { sheet: "Fasi", row: 5, column: "Inizio Effettivo", cell: "Fasi!E5" },
    objective: "O2",
    says: ["20/12/2023", "Inizio Effettivo"],
  },
  {
    rule: "PROGRESS_INCOMPLETE",
    severity: "warning",
    what: "Fine Effettiva with Avanzamento 80",
    defect: (s) => {
      s.fasi[0].avanzamento = 80;
    },
    at: { sheet: "Fasi", row: 2, column: "Avanzamento", cell: "Fasi!H2" },
    objective: "O1",
    says: ["80", "30/06/2023", "100"],
  },
  {
    rule: "POLARITY_INVALID",
    severity: "error",
    what: "Polarità Positiva",
    defect: (s) => {
      s.indicatori[1].polarita = "Positiva";
    },
    at: { sheet: "Indicatori", row: 3, column: "Polarità", cell: "Indicatori!D3" },
    objective: "O2",
    says: ['"Positiva"', "Crescente", "Decrescente"],
  },
  {
    rule: "TARGET_MISSING",
    severity: "warning",
    what: "no Valore Atteso",
    defect: (s) => {
      s.indicatori[0].valoreAtteso = null;
    },
    at: { sheet: "Indicatori", row: 2, column: "Valore Atteso", cell: "Indicatori!E2" },
    objective: "O1",
    says: ["Valore Atteso"],
  },
  {
    rule: "ACTUAL_MISSING",
    severity: "warning",
    what: "no Valore Raggiunto",
    defect: (s) => {
      s.indicatori[1].valoreRaggiunto = null;
    },
    at: { sheet: "Indicatori", row: 3, column: "Valore Raggiunto", cell: "Indicatori!F3" },
    objective: "O2",
    says: ["Valore Raggiunto"],
  },
  {
    rule: "TYPE_UNKNOWN",
    severity: "warning",
    what: "Tipo GRADIMENTO",
    defect: (s) => {
      s.indicatori[0].tipo = "GRADIMENTO";
    },
    at: { sheet: "Indicatori", row: 2, column: "Tipo", cell: "Indicatori!C2" },
    objective: "O1",
    says: ['"GRADIMENTO"', "EFFICACIA", "TEMPORALE"],
  },
];

const MODES: Mode[] = ["plan", "reader"];

describe.each(MODES)("validation rules (%s)", (mode) => {
  it("the base workbook has no problem at all", () => {
    expect(run(baseSpec(), mode)).toEqual([]);
  });

  describe.each(CASES)("$rule: $what", (c) => {
    it("is reported, alone, where docs/reference/rules.md says", () => {
      const spec = baseSpec();
      c.defect(spec);
      const all = run(spec, mode);
      for (const rule of c.also ?? []) expect(all.map((p) => p.rule)).toContain(rule);
      const problems = all.filter((p) => !c.also?.includes(p.rule));
      expect(problems).toHaveLength(1);
      const p = problems[0];
      expect({
        rule: p.rule,
        severity: p.severity,
        ...{ sheet: p.sheet, row: p.row, column: p.column, cell: p.cell },
      }).toEqual({
        rule: c.rule,
        severity: c.severity,
        ...c.at,
      });
      expect(p.objective).toBe(c.objective);
      for (const piece of c.says) expect(p.message).toContain(piece);
    });

    it("is not reported without the defect", () => {
      expect(run(baseSpec(), mode).filter((p) => p.rule === c.rule)).toEqual([]);
    });
  });
});

describe.each(MODES)("edge cases (%s)", (mode) => {
  const rules = (spec: WorkbookSpec) => run(spec, mode).map((p) => `${p.rule} ${p.cell}`);
  const withSpec = (f: (s: WorkbookSpec) => void) => {
    const s = baseSpec();
    f(s);
    return s;
  };

  it("WEIGHT_SUM accepts 33.33 × 3 (within 0.01) and objectives whose phases are all sub-items", () => {
    const spec = withSpec((s) => {
      s.fasi.splice(0, 2, ...[1, 2, 3].map(() => ({ ...s.fasi[0], peso: 33.33 })));
      for (const f of s.fasi) if (f.obiettivo === "O2") f.peso = null;
    });
    expect(rules(spec)).toEqual([]);
  });

  it("CODE_DUPLICATE is reported at each later occurrence", () => {
    const spec = withSpec((s) => s.obiettivi.push({ codice: "O1" }, { codice: "O2" }, { codice: "O1" }));
    expect(rules(spec)).toEqual([
      "CODE_DUPLICATE Obiettivi!A4",
      "CODE_DUPLICATE Obiettivi!A5",
      "CODE_DUPLICATE Obiettivi!A6",
    ]);
  });

  it("TYPE_UNKNOWN ignores case, accents and apostrophes; empty Tipo and Polarità are fine", () => {
    const spec = withSpec((s) => {
      s.indicatori[0].tipo = "QUALITÀ";
      s.indicatori[1].tipo = "qualita'";
      s.indicatori.push({ ...s.indicatori[0], tipo: "Efficienza", polarita: "decrescente" });
      s.indicatori.push({ ...s.indicatori[0], tipo: null, polarita: null });
    });
    expect(rules(spec)).toEqual([]);
  });

  it("TYPE_UNKNOWN follows Parametri Tipi indicatore", () => {
    const spec = withSpec((s) => {
      s.parametri.tipiIndicatore = ["GRADIMENTO", "EFFICACIA"];
      s.indicatori[0].tipo = "Gradimento";
      s.indicatori[1].tipo = "QUANTITATIVO";
    });
    expect(rules(spec)).toEqual(["TYPE_UNKNOWN Indicatori!C3"]);
  });

  it("PHASE_LATE is not reported when Data di riferimento is on Fine Prevista or progress is 100", () => {
    const spec = withSpec((s) => {
      Object.assign(s.fasi[1], { fineEffettiva: null, avanzamento: 40 }); // FP 31/12 = reference date
      s.fasi[2].fineEffettiva = "2023-06-30"; // on time
    });
    expect(rules(spec)).toEqual([]);
  });

  it("a Codice matches case-insensitively, as the rollup formulas match it", () => {
    const linked = withSpec((s) => {
      s.fasi[1].obiettivo = "o1"; // still one of O1's two phases (50 + 50)
      s.indicatori[1].obiettivo = "o2";
    });
    expect(rules(linked)).toEqual([]);
    const unbalanced = withSpec((s) => {
      s.fasi.push({ ...s.fasi[0], obiettivo: "o1", peso: 10 });
    });
    expect(rules(unbalanced)).toEqual(["WEIGHT_SUM Fasi!G2"]);
    expect(rules(withSpec((s) => s.obiettivi.push({ codice: "o2" })))).toEqual([
      "CODE_DUPLICATE Obiettivi!A4",
    ]);
  });

  it("POLARITY_INVALID accepts what the formulas accept (any case, spaces), not an accented variant", () => {
    const spec = withSpec((s) => {
      s.indicatori[0].polarita = "  DECRESCENTE ";
      s.indicatori[1].polarita = "Décrescente";
    });
    expect(rules(spec)).toEqual(["POLARITY_INVALID Indicatori!D3"]);
  });

  it("the year's cycle: a validated grade with its reason, CdR weights summing to 100 (±0.01), one group per label", () => {
    const spec = withSpec((s) => {
      Object.assign(s.obiettivi[0], { gradoValidato: 100, motivazioneValidazione: "Verbale n. 2" });
      Object.assign(s.obiettivi[1], { gradoValidato: 0, motivazioneValidazione: "Obiettivo non avviato" });
      s.obiettivi[0].peso = 33.33;
      s.obiettivi[1].peso = 66.66;
      // same match key: one group of the Riepilogo already (case and repeated spaces do not count)
      s.obiettivi[0].assessorato = "Servizi  Sociali";
      s.obiettivi[1].assessorato = "SERVIZI SOCIALI";
    });
    expect(rules(spec)).toEqual([]);
  });

  it("OBJECTIVE_WEIGHT_SUM: no Peso at all in a CdR is fine; each CdR is checked on its own", () => {
    expect(rules(withSpec((s) => s.obiettivi.forEach((o) => (o.peso = null))))).toEqual([]);
    const spec = withSpec((s) => {
      s.obiettivi[0].centroResponsabilita = "SETTORE A";
      s.obiettivi[0].peso = 100;
      s.obiettivi[1].centroResponsabilita = "SETTORE B";
      s.obiettivi[1].peso = 99.5;
    });
    expect(rules(spec)).toEqual(["OBJECTIVE_WEIGHT_SUM Obiettivi!M3"]);
  });

  it("LABEL_NEAR_DUPLICATE: the less frequent spelling is reported at each of its cells", () => {
    const spec = withSpec((s) => {
      s.obiettivi[0].valorePubblico = "Scuola-Lavoro";
      s.obiettivi[1].valorePubblico = "scuola lavoro";
      s.obiettivi.push({ codice: "O3", valorePubblico: "Scuola - Lavoro" });
      s.obiettivi.push({ codice: "O4", valorePubblico: "Scuola-Lavoro" });
    });
    const found = run(spec, mode).filter((p) => p.rule === "LABEL_NEAR_DUPLICATE");
    expect(found.map((p) => p.cell)).toEqual(["Obiettivi!F3", "Obiettivi!F4"]);
    expect(found[0].message).toContain('"scuola lavoro" (1 obiettivo) e "Scuola-Lavoro" (2 obiettivi)');
  });

  it("PROGRESS_INCOMPLETE counts an empty Avanzamento as 0", () => {
    const spec = withSpec((s) => {
      s.fasi[0].avanzamento = null;
    });
    expect(rules(spec)).toEqual(["PROGRESS_INCOMPLETE Fasi!H2"]);
  });
});

describe("broken cells get no second problem", () => {
  // In plan mode the broken cell is listed in brokenCells; in reader mode the reader reports it itself.
  const cases: { what: string; defect: (s: WorkbookSpec) => void; own: string; silent: RuleCode[] }[] = [
    {
      what: "Valore Atteso 'n.d.'",
      defect: (s) => {
        s.indicatori[0].valoreAtteso = broken("n.d.");
      },
      own: "Indicatori!E2",
      silent: ["TARGET_MISSING"],
    },
    {
      what: "Valore Raggiunto #N/A",
      defect: (s) => {
        s.indicatori[1].valoreRaggiunto = broken({ error: "#N/A" });
      },
      own: "Indicatori!F3",
      silent: ["ACTUAL_MISSING"],
    },
    {
      what: "Fine Effettiva 'a giugno' with Avanzamento 100",
      defect: (s) => {
        s.fasi[0].fineEffettiva = broken("a giugno");
      },
      own: "Fasi!F2",
      silent: ["EFFECTIVE_END_MISSING", "PHASE_LATE"],
    },
    {
      what: "Fine Effettiva 'a giugno' with Avanzamento 50",
      defect: (s) => {
        Object.assign(s.fasi[0], { fineEffettiva: broken("a giugno"), avanzamento: 50 });
      },
      own: "Fasi!F2",
      silent: ["PHASE_LATE"],
    },
    {
      what: "Avanzamento 'quasi' with Fine Effettiva",
      defect: (s) => {
        s.fasi[0].avanzamento = broken("quasi");
      },
      own: "Fasi!H2",
      silent: ["PROGRESS_INCOMPLETE"],
    },
    {
      what: "Inizio Effettivo '32/01/2023' with Fine Effettiva",
      defect: (s) => {
        s.fasi[0].inizioEffettivo = broken("32/01/2023");
      },
      own: "Fasi!E2",
      silent: ["EFFECTIVE_START_MISSING"],
    },
    {
      what: "Grado Validato 'novanta' without a Motivazione",
      defect: (s) => {
        s.obiettivi[0].gradoValidato = broken("novanta");
      },
      own: "Obiettivi!N2",
      silent: ["VALIDATION_REASON_MISSING", "VALIDATED_RANGE"],
    },
    {
      what: "objective Peso 'metà' beside a Peso of 40 in the same CdR",
      defect: (s) => {
        s.obiettivi[0].peso = broken("metà");
        s.obiettivi[1].peso = 40;
      },
      own: "Obiettivi!M2",
      silent: ["OBJECTIVE_WEIGHT_SUM"],
    },
    {
      what: "phase Peso 'metà'",
      defect: (s) => {
        s.fasi[0].peso = broken("metà");
      },
      own: "Fasi!G2",
      silent: ["WEIGHT_SUM"],
    },
  ];

  describe.each(cases)("$what", (c) => {
    const spec = baseSpec();
    c.defect(spec);

    it("plan: validatePlan reports nothing", () => {
      const { plan, brokenCells } = toPlan(spec);
      expect(brokenCells).toEqual(new Set([c.own]));
      expect(validatePlan(plan, brokenCells)).toEqual([]);
    });

    it("reader: only the reader's problem on that cell", () => {
      const problems = run(spec, "reader");
      expect(problems.map((p) => p.cell)).toEqual([c.own]);
      expect(problems[0].severity).toBe("error");
      for (const rule of c.silent) expect(problems.some((p) => p.rule === rule)).toBe(false);
    });
  });
});

describe("a missing sheet or key column is one problem, not one per row", () => {
  const withoutSheet = (name: string) => {
    const spec = baseSpec();
    spec.obiettivi.push({ codice: "O3" });
    const wb = toRaw(spec);
    wb.sheets = wb.sheets.filter((s) => s.name !== name);
    const read = readPlan(wb, { today: "2024-03-01" });
    return [...read.problems, ...validatePlan(read.plan, read.brokenCells)].map(
      (p) => `${p.rule} ${p.sheet}`,
    );
  };

  it("no Fasi sheet: SHEET_MISSING only, no NO_PHASES", () => {
    expect(withoutSheet("Fasi")).toEqual(["SHEET_MISSING Fasi", "NO_INDICATORS Obiettivi"]);
  });

  it("no Indicatori sheet: SHEET_MISSING only, no NO_INDICATORS", () => {
    expect(withoutSheet("Indicatori")).toEqual(["SHEET_MISSING Indicatori", "NO_PHASES Obiettivi"]);
  });

  it("no Obiettivi sheet: SHEET_MISSING only, no OBJECTIVE_UNKNOWN", () => {
    expect(withoutSheet("Obiettivi")).toEqual(["SHEET_MISSING Obiettivi"]);
  });

  it("plan: no Codice column in the layout, no OBJECTIVE_UNKNOWN", () => {
    const { plan, brokenCells } = toPlan(baseSpec());
    plan.obiettivi = [];
    delete plan.layout.obiettivi?.columns.codice;
    expect(validatePlan(plan, brokenCells)).toEqual([]);
  });
});

describe("sheet names that need quoting", () => {
  it("broken cells and reported cells use the quoted name", () => {
    const spec = baseSpec();
    spec.fasi[0].peso = 30; // WEIGHT_SUM for O1 …
    spec.fasi[2].peso = 30; // … and for O2, whose Peso cell is broken below
    const { plan } = toPlan(spec);
    if (plan.layout.fasi) plan.layout.fasi.sheet = "Fasi 2023";
    const problems = validatePlan(plan, new Set(["'Fasi 2023'!G5"]));
    expect(problems.map((p) => `${p.rule} ${p.cell}`)).toEqual(["WEIGHT_SUM 'Fasi 2023'!G2"]);
    expect(problems[0].sheet).toBe("Fasi 2023");
  });
});
