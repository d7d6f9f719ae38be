import { AppError, SchedaService, type GenerateResult } from "../../src/app/service";
import type { Host } from "../../src/app/host";
import type { Plan } from "../../src/domain/model/model";
import type { Problem } from "../../src/domain/rules/problems";
import {
  describeResult,
  MAX_LISTED_PROBLEMS,
  runGeneraScheda,
  type Notice,
  type Notifier,
} from "../../src/commands/generaScheda";

function problem(n: number, blocking = true): Problem {
  return {
    severity: blocking ? "error" : "warning",
    rule: blocking ? "SHEET_MISSING" : "NO_PHASES",
    sheet: "Fasi",
    row: null,
    column: null,
    cell: null,
    objective: null,
    message: `Problema numero ${n}`,
  };
}

function result(opts: {
  blocking?: number;
  errors?: number;
  warnings?: number;
  objectives?: number;
  pages?: number;
}) {
  const blocking = Array.from({ length: opts.blocking ?? 0 }, (_, i) => problem(i + 1));
  return {
    check: {
      plan: {} as Plan,
      problems: blocking,
      errors: opts.errors ?? blocking.length,
      warnings: opts.warnings ?? 0,
      blocking,
    },
    rollups: null,
    objectives: opts.objectives ?? 0,
    pages: opts.pages ?? 0,
  } as GenerateResult;
}

class RecordingNotifier implements Notifier {
  notices: Notice[] = [];
  async show(notice: Notice): Promise<void> {
    this.notices.push(notice);
  }
}

function event() {
  return { completed: jest.fn() };
}

describe("runGeneraScheda (ribbon command Genera Scheda)", () => {
  it("generates, reports the counts and completes on success", async () => {
    const ev = event();
    const notifier = new RecordingNotifier();
    const generate = jest.fn(async () => result({ objectives: 33, pages: 12 }));
    const notice = await runGeneraScheda(ev, {
      isSupported: () => true,
      createService: () => ({ generate }),
      notifier,
    });
    expect(generate).toHaveBeenCalledTimes(1);
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(notice.kind).toBe("success");
    expect(notice.message).toContain("33 obiettivi");
    expect(notice.message).toContain("12 pagine");
    expect(notice.details).toEqual([]);
    expect(notifier.notices).toEqual([notice]);
  });

  it("uses the singular for one objective on one page", () => {
    const notice = describeResult(result({ objectives: 1, pages: 1 }));
    expect(notice.message).toContain("1 obiettivo ");
    expect(notice.message).toContain("1 pagina");
  });

  it("mentions errors and warnings found by the check when the Scheda was still generated", () => {
    const notice = describeResult(result({ objectives: 2, pages: 3, errors: 4, warnings: 1 }));
    expect(notice.kind).toBe("warning");
    expect(notice.details).toHaveLength(1);
    expect(notice.details[0]).toContain("4 errori");
    expect(notice.details[0]).toContain("1 avviso");
  });

  it("lists the first blocking problems and completes when generation is blocked", async () => {
    const ev = event();
    const notifier = new RecordingNotifier();
    const notice = await runGeneraScheda(ev, {
      isSupported: () => true,
      createService: () => ({ generate: async () => result({ blocking: 5 }) }),
      notifier,
    });
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(notice.kind).toBe("blocked");
    expect(notice.message).toContain("5 problemi bloccanti");
    expect(notice.details.slice(0, MAX_LISTED_PROBLEMS)).toEqual([
      "Problema numero 1",
      "Problema numero 2",
      "Problema numero 3",
    ]);
    expect(notice.details).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(notice.details[MAX_LISTED_PROBLEMS]).toContain("altri 2");
    expect(notifier.notices).toHaveLength(1);
  });

  it("lists every blocking problem when there are few, with no 'altri' line", () => {
    const notice = describeResult(result({ blocking: 2 }));
    expect(notice.details).toEqual(["Problema numero 1", "Problema numero 2"]);
  });

  it("reports an unexpected failure and still completes", async () => {
    const ev = event();
    const notifier = new RecordingNotifier();
    const log = jest.fn();
    const notice = await runGeneraScheda(ev, {
      isSupported: () => true,
      createService: () => ({
        generate: async () => {
          throw new Error("RichApi.Error: connessione persa");
        },
      }),
      notifier,
      log,
    });
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(notice.kind).toBe("error");
    expect(notice.message).toContain("connessione persa");
    expect(notice.message).toContain("errore imprevisto");
    expect(log).toHaveBeenCalled();
    expect(notifier.notices).toEqual([notice]);
  });

  it("shows an AppError's own Italian message as it is", async () => {
    const ev = event();
    const notifier = new RecordingNotifier();
    const notice = await runGeneraScheda(ev, {
      isSupported: () => true,
      createService: () => ({
        generate: async () => {
          throw new AppError("HOST", "Il foglio Scheda è protetto: togliere la protezione e riprovare.");
        },
      }),
      notifier,
    });
    expect(notice.message).toBe("Il foglio Scheda è protetto: togliere la protezione e riprovare.");
    expect(notice.details).toEqual([]);
    expect(ev.completed).toHaveBeenCalledTimes(1);
  });

  it("completes even when creating the service throws synchronously", async () => {
    const ev = event();
    const notice = await runGeneraScheda(ev, {
      isSupported: () => true,
      createService: () => {
        throw new TypeError("Excel is not defined");
      },
      notifier: new RecordingNotifier(),
    });
    expect(notice.kind).toBe("error");
    expect(ev.completed).toHaveBeenCalledTimes(1);
  });

  it("does not run on Excel without ExcelApi 1.9, says so and completes", async () => {
    const ev = event();
    const generate = jest.fn();
    const notifier = new RecordingNotifier();
    const notice = await runGeneraScheda(ev, {
      isSupported: () => false,
      createService: () => ({ generate }),
      notifier,
    });
    expect(generate).not.toHaveBeenCalled();
    expect(notice.message).toContain("ExcelApi 1.9");
    expect(ev.completed).toHaveBeenCalledTimes(1);
  });

  it("completes even when the notification cannot be shown", async () => {
    const ev = event();
    const log = jest.fn();
    await runGeneraScheda(ev, {
      isSupported: () => true,
      createService: () => ({ generate: async () => result({ objectives: 1, pages: 1 }) }),
      notifier: {
        show: async () => {
          throw new Error("12007");
        },
      },
      log,
    });
    expect(ev.completed).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("notifica"), expect.any(Error));
  });

  it("completes only after the notification is closed (so Office keeps the dialog open)", async () => {
    const ev = event();
    let close: () => void = () => undefined;
    const shown = new Promise<void>((resolve) => (close = resolve));
    const run = runGeneraScheda(ev, {
      isSupported: () => true,
      createService: () => ({ generate: async () => result({ objectives: 1, pages: 1 }) }),
      notifier: { show: () => shown },
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(ev.completed).not.toHaveBeenCalled();
    close();
    await run;
    expect(ev.completed).toHaveBeenCalledTimes(1);
  });

  it("reports a host failure from the real application service and completes", async () => {
    const failingHost = {
      kind: "excel",
      readWorkbook: async () => {
        throw Object.assign(new Error("La richiesta è stata rifiutata"), { code: "AccessDenied" });
      },
    } as unknown as Host;
    const ev = event();
    const notifier = new RecordingNotifier();
    const notice = await runGeneraScheda(ev, {
      isSupported: () => true,
      createService: () => new SchedaService(failingHost),
      notifier,
    });
    expect(notice.kind).toBe("error");
    expect(notice.message).toContain("La richiesta è stata rifiutata");
    expect(notice.message).toContain("(codice AccessDenied)");
    expect(notice.details).toEqual([expect.stringContaining("Riprovare")]);
    expect(ev.completed).toHaveBeenCalledTimes(1);
  });
});
