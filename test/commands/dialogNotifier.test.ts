import {
  DialogNotifier,
  noticeFromSearch,
  noticeUrl,
  type DialogUi,
} from "../../src/commands/dialogNotifier";
import type { Notice } from "../../src/commands/generaScheda";

const PAGE = "https://intranet.comune.it/scheda-peg/notifica.html";

const blocked: Notice = {
  kind: "blocked",
  title: "Scheda non generata",
  message: "La cartella non ha la struttura attesa (2 problemi bloccanti). Primi problemi:",
  details: [
    'Manca il foglio "Fasi" & la colonna =SOMMA(A1)?',
    "Riga 12: «Peso» non è un numero\nvalore: 33,5%",
  ],
};

type Handler = (arg: unknown) => void;

/** A stand-in for Office.context.ui that records what the notifier does with the dialog. */
function fakeUi(status: "succeeded" | "failed" = "succeeded") {
  const handlers = new Map<string, Handler>();
  const dialog = {
    close: jest.fn(),
    addEventHandler: jest.fn((type: string, h: Handler) => handlers.set(type, h)),
  };
  const calls: { url: string; options: Office.DialogOptions }[] = [];
  const ui: DialogUi = {
    displayDialogAsync(url, options, callback) {
      calls.push({ url, options });
      callback({
        status: status as unknown as Office.AsyncResultStatus,
        value: status === "succeeded" ? (dialog as unknown as Office.Dialog) : (undefined as never),
        error:
          status === "failed"
            ? ({ code: 12007, message: "aperta", name: "" } as Office.Error)
            : (undefined as never),
        asyncContext: undefined,
        diagnostics: undefined,
      });
    },
  };
  return { ui, dialog, handlers, calls };
}

describe("notice in the notification page's address", () => {
  it("round-trips kind, title, message and every detail line, whatever characters they hold", () => {
    const url = noticeUrl(PAGE, blocked);
    expect(url.startsWith(`${PAGE}?`)).toBe(true);
    expect(noticeFromSearch(new URL(url).search)).toEqual(blocked);
  });

  it("turns an unknown kind into an error notice", () => {
    expect(noticeFromSearch("?k=boh&t=x&m=y").kind).toBe("error");
  });
});

describe("DialogNotifier", () => {
  afterEach(() => jest.useRealTimers());

  it("opens the page on the same site and resolves when the page asks to close, closing the dialog", async () => {
    const { ui, dialog, handlers, calls } = fakeUi();
    const shown = new DialogNotifier(ui, PAGE).show(blocked);
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0].url).origin).toBe("https://intranet.comune.it");
    expect(calls[0].options.displayInIframe).toBe(true);
    let resolved = false;
    void shown.then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    handlers.get("dialogMessageReceived")?.({ message: "chiudi" });
    await shown;
    expect(dialog.close).toHaveBeenCalledTimes(1);
  });

  it("resolves without closing again when the user closes the window with its X", async () => {
    const { ui, dialog, handlers } = fakeUi();
    const shown = new DialogNotifier(ui, PAGE).show(blocked);
    handlers.get("dialogEventReceived")?.({ error: 12006 });
    await shown;
    expect(dialog.close).not.toHaveBeenCalled();
  });

  it("closes a success notice by itself after the short timeout, a problem only after the long one", async () => {
    jest.useFakeTimers();
    const success = fakeUi();
    const problem = fakeUi();
    const timeouts = { success: 1000, other: 60000 };
    const a = new DialogNotifier(success.ui, PAGE, timeouts).show({
      ...blocked,
      kind: "success",
      details: [],
    });
    const b = new DialogNotifier(problem.ui, PAGE, timeouts).show(blocked);
    jest.advanceTimersByTime(1500);
    await a;
    expect(success.dialog.close).toHaveBeenCalledTimes(1);
    expect(problem.dialog.close).not.toHaveBeenCalled();
    jest.advanceTimersByTime(60000);
    await b;
    expect(problem.dialog.close).toHaveBeenCalledTimes(1);
  });

  it("resolves when the dialog cannot be opened (e.g. one is already open)", async () => {
    const { ui, dialog } = fakeUi("failed");
    const log = jest.fn();
    await new DialogNotifier(ui, PAGE, undefined, log).show(blocked);
    expect(dialog.close).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalled();
  });

  it("resolves when displayDialogAsync throws or there is no dialog API at all", async () => {
    const throwing: DialogUi = {
      displayDialogAsync() {
        throw new Error("API not supported");
      },
    };
    await expect(new DialogNotifier(throwing, PAGE).show(blocked)).resolves.toBeUndefined();
    await expect(new DialogNotifier(undefined, PAGE).show(blocked)).resolves.toBeUndefined();
  });
});
