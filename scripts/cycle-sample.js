// The 2023 sample as a year's cycle leaves it (docs/guida.md § Il ciclo dell'anno): monitored at 30/06
// (every phase at half its Avanzamento, every indicator at half its Valore Raggiunto, archived in
// Monitoraggi by Archivia monitoraggio), then closed at 31/12 with the sample's own values, and three
// objectives validated by the Nucleo (one with a Motivazione of several sentences).
// Used by scripts/render-docs.js (with the built modules of dist/node) and by
// test/scheda/print.test.ts (with the modules of src/): one recipe for the picture and the test.
"use strict";

const MONITORING = new Date(Date.UTC(2023, 5, 30));
const CLOSING = new Date(Date.UTC(2023, 11, 31));

/** The Nucleo's validation of the first three objectives: grade and reason. */
const VALIDATIONS = [
  [100, "Obiettivo raggiunto: il Nucleo riconosce il risultato pieno sulla base della relazione finale."],
  [
    80,
    "Il Nucleo ha verificato la documentazione prodotta dal servizio. Le attività risultano svolte, ma " +
      "due indicatori sono stati rilevati con una metodologia diversa da quella prevista nel piano; " +
      "il grado è quindi ricondotto all'80%. Si raccomanda di uniformare la rilevazione per il prossimo " +
      "ciclo di programmazione e di documentare le fonti dei dati in una scheda allegata.",
  ],
  [60, "Attività avviate in ritardo rispetto al cronoprogramma."],
];

/** Rows of a template table and the index of a column, by sheet and header. */
function column(template, sheet, header) {
  const table = template.tables.find((t) => t.sheet === sheet);
  const index = table.columns.findIndex((c) => c.header === header);
  if (index < 0) throw new Error(`colonna ${header} assente nel foglio ${sheet}`);
  return { rows: table.rows, index };
}

function setParametro(template, label, value) {
  const { rows } = column(template, "Parametri", "Valore");
  const row = rows.find((r) => r[0] === label);
  if (!row) throw new Error(`parametro ${label} assente`);
  row[1] = value;
}

const half = (v) => (typeof v === "number" ? Math.round(v * 50) / 100 : v);

/**
 * A workbook holding the `closed` template's data and, in Monitoraggi, what Archivia monitoraggio
 * archived on the `monitored` one. `lib`: { XlsxHost, SchedaService, readArchive, monitoraggiTable }
 * from src/ or dist/node/.
 */
async function archivedWorkbook(monitored, closed, lib) {
  const before = await lib.XlsxHost.createEmpty();
  await before.prepareSheets(monitored, { fillRows: true });
  const archived = await new lib.SchedaService(before, { today: () => "2023-07-05" }).archive();
  if (!archived.archived) throw new Error("monitoraggio non archiviato: la cartella ha problemi bloccanti");
  const archive = lib.readArchive(await before.readWorkbook({ monitoraggi: true })).rows;
  const after = await lib.XlsxHost.createEmpty();
  await after.prepareSheets(closed, { fillRows: true });
  await after.writeArchive(lib.monitoraggiTable(archive));
  return after.toBuffer();
}

/** The sample's cycle (above); `lib` also holds buildSample; `data`: assets/piano-2023-settore-socioeducativo.json. */
async function cycleSample(data, lib) {
  const june = lib.buildSample(data);
  setParametro(june, "Data di riferimento", MONITORING);
  for (const [sheet, header] of [
    ["Fasi", "Avanzamento"],
    ["Indicatori", "Valore Raggiunto"],
  ]) {
    const { rows, index } = column(june, sheet, header);
    for (const r of rows) r[index] = half(r[index]);
  }
  const december = lib.buildSample(data);
  setParametro(december, "Data di riferimento", CLOSING);
  const grado = column(december, "Obiettivi", "Grado Validato %");
  const reason = column(december, "Obiettivi", "Motivazione Validazione");
  VALIDATIONS.forEach(([g, text], i) => {
    grado.rows[i][grado.index] = g;
    reason.rows[i][reason.index] = text;
  });
  return archivedWorkbook(june, december, lib);
}

module.exports = { archivedWorkbook, cycleSample, half, VALIDATIONS };
