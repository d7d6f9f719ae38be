// Notifications for the ribbon command. Excel has no notification bar for add-ins (Outlook's
// NotificationMessages do not exist there), so the command opens a small Office dialog (DialogApi 1.1,
// every Excel with ExcelApi 1.9) on notifica.html, which shows the notice as text. The command waits
// until the dialog is closed before it completes: completing first would let Office unload the
// function file and the dialog with it.
import type { Notice, Notifier } from "./generaScheda";

/** The part of Office.context.ui the notifier uses. */
export interface DialogUi {
  displayDialogAsync(
    startAddress: string,
    options: Office.DialogOptions,
    callback: (result: Office.AsyncResult<Office.Dialog>) => void,
  ): void;
}

export interface DialogTimeouts {
  /** A success notice closes by itself after this long (ms). */
  success: number;
  /** Problems stay longer, but not forever: the ribbon button is blocked while a dialog is open. */
  other: number;
}

export const DEFAULT_TIMEOUTS: DialogTimeouts = { success: 15_000, other: 300_000 };

// Office enums as literals: the notifier must also load where Office is not defined (tests).
const FAILED = "failed" as unknown as Office.AsyncResultStatus;
const MESSAGE_RECEIVED = "dialogMessageReceived" as unknown as Office.EventType;
const EVENT_RECEIVED = "dialogEventReceived" as unknown as Office.EventType;

/** The address of notifica.html carrying the notice in its query string. */
export function noticeUrl(pageUrl: string, notice: Notice): string {
  const url = new URL(pageUrl);
  url.search = "";
  url.searchParams.set("k", notice.kind);
  url.searchParams.set("t", notice.title);
  url.searchParams.set("m", notice.message);
  for (const line of notice.details) url.searchParams.append("d", line);
  return url.toString();
}

/** Reads a notice back from notifica.html's query string (unknown kinds become "error"). */
export function noticeFromSearch(search: string): Notice {
  const params = new URLSearchParams(search);
  const kind = params.get("k");
  return {
    kind: kind === "success" || kind === "warning" || kind === "blocked" ? kind : "error",
    title: params.get("t") ?? "",
    message: params.get("m") ?? "",
    details: params.getAll("d"),
  };
}

export class DialogNotifier implements Notifier {
  constructor(
    private readonly ui: DialogUi | undefined,
    private readonly pageUrl: string,
    private readonly timeouts: DialogTimeouts = DEFAULT_TIMEOUTS,
    private readonly log: (message: string, detail?: unknown) => void = () => undefined,
  ) {}

  show(notice: Notice): Promise<void> {
    return new Promise<void>((resolve) => {
      const ui = this.ui;
      if (!ui) {
        this.log("Scheda PEG: finestra di notifica non disponibile", notice);
        resolve();
        return;
      }
      let dialog: Office.Dialog | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let done = false;
      const finish = (closeDialog: boolean) => {
        if (done) return;
        done = true;
        if (timer !== undefined) clearTimeout(timer);
        if (closeDialog && dialog) {
          try {
            dialog.close();
          } catch (error) {
            this.log("Scheda PEG: chiusura della notifica non riuscita", error);
          }
        }
        resolve();
      };
      try {
        ui.displayDialogAsync(
          noticeUrl(this.pageUrl, notice),
          { height: 35, width: 30, displayInIframe: true },
          (result) => {
            if (result.status === FAILED || !result.value) {
              this.log("Scheda PEG: notifica non aperta", result.error);
              finish(false);
              return;
            }
            dialog = result.value;
            // The page's "Chiudi" button sends a message; the X of the window raises an event.
            dialog.addEventHandler(MESSAGE_RECEIVED, () => finish(true));
            dialog.addEventHandler(EVENT_RECEIVED, () => finish(false));
            timer = setTimeout(
              () => finish(true),
              notice.kind === "success" ? this.timeouts.success : this.timeouts.other,
            );
          },
        );
      } catch (error) {
        this.log("Scheda PEG: notifica non aperta", error);
        finish(false);
      }
    });
  }
}
