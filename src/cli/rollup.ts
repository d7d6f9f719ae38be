// `scheda-peg rollup FILE [-o OUT] [--json] [--force]` (docs/reference/cli.md): writes the computed columns and the
// Riepilogo sheet; `--json` prints the rollups. Exit 0 on success; 2 when the file cannot be read,
// cannot be rewritten, or its layout cannot be read at all (missing sheet or column: the blocking
// problems go to stderr and nothing is written). The contract reserves exit 1 for `validate`.
import { SchedaService } from "../app/service";
import { rollupCliMessages } from "./messages";
import type { Rollups } from "../domain/rollup/rollup";
import { openInput, reportBlocked, reportFailure, resolveOutput, writeAtomic } from "./files";
import type { CliIo } from "./io";

export async function runRollup(
  file: string,
  opts: { output?: string; json?: boolean; force?: boolean },
  io: CliIo,
): Promise<number> {
  try {
    const host = await openInput(file);
    const result = await new SchedaService(host).rollup();
    if (!result.rollups) return reportBlocked(rollupCliMessages.blocked, result.check.blocking, io);
    const output = resolveOutput(file, opts.output, host.hasMacros);
    await writeAtomic(host, output);
    if (opts.json) io.stdout(`${JSON.stringify(rollupsJson(result.rollups), null, 2)}\n`);
    else {
      const ob = result.rollups.obiettivi;
      const n = (e: string) => ob.filter((o) => o.esito === e).length;
      io.stdout(rollupCliMessages.written(output, ob.length));
      io.stdout(
        rollupCliMessages.summary(
          n("Raggiunto"),
          n("Parzialmente raggiunto"),
          n("Non raggiunto"),
          n("Non valutabile"),
        ),
      );
    }
    return 0;
  } catch (err) {
    return reportFailure(err, io);
  }
}

/** The docs/reference/cli.md JSON object, keys in reference order (numbers unrounded, null when not evaluable). */
function rollupsJson(r: Rollups): unknown {
  return {
    obiettivi: r.obiettivi.map((o) => ({
      codice: o.codice,
      riga: o.riga,
      avanzamentoFasi: o.avanzamentoFasi,
      raggiungimentoIndicatori: o.raggiungimentoIndicatori,
      grado: o.grado,
      gradoValidato: o.gradoValidato,
      gradoFinale: o.gradoFinale,
      esito: o.esito,
    })),
    fasi: r.fasi.map((f) => ({
      obiettivo: f.obiettivo,
      riga: f.riga,
      tempistica: f.tempistica,
      scostamentoGiorni: f.scostamentoGiorni,
    })),
    indicatori: r.indicatori.map((i) => ({
      obiettivo: i.obiettivo,
      riga: i.riga,
      raggiungimento: i.raggiungimento,
    })),
    riepilogo: Object.fromEntries(
      Object.entries(r.riepilogo).map(([k, groups]) => [
        k,
        groups.map((g) => ({
          gruppo: g.gruppo,
          obiettivi: g.obiettivi,
          gradoMedio: g.gradoMedio,
          raggiunti: g.raggiunti,
          parzialmenteRaggiunti: g.parzialmenteRaggiunti,
          nonRaggiunti: g.nonRaggiunti,
          nonValutabili: g.nonValutabili,
        })),
      ]),
    ),
  };
}
