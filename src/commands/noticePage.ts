// The notification page's behaviour (entry: notifica.ts). The notice comes in the query string and is
// shown as text only (it may quote workbook content).
import { ribbonMessages } from "./strings";
import { noticeFromSearch } from "./dialogNotifier";
import type { Notice } from "./generaScheda";

export function renderNotice(doc: Document, notice: Notice): void {
  const main = doc.getElementById("notice");
  if (main) main.dataset.kind = notice.kind;
  const title = doc.getElementById("title");
  if (title) title.textContent = notice.title;
  const message = doc.getElementById("message");
  if (message) message.textContent = notice.message;
  const list = doc.getElementById("details");
  if (list) {
    list.replaceChildren(
      ...notice.details.map((line) => {
        const item = doc.createElement("li");
        item.textContent = line;
        return item;
      }),
    );
    list.hidden = notice.details.length === 0;
  }
  doc.title = `${ribbonMessages.pageTitle} – ${notice.title}`;
}

/** Asks the command (the dialog's opener) to close the dialog; outside Office just closes the window. */
function requestClose(): void {
  try {
    const ui = typeof Office !== "undefined" ? Office.context?.ui : undefined;
    if (ui?.messageParent) {
      ui.messageParent("chiudi");
      return;
    }
  } catch {
    // not inside an Office dialog
  }
  window.close();
}

export function startNoticePage(): void {
  renderNotice(document, noticeFromSearch(window.location.search));
  const button = document.getElementById("close");
  if (button) {
    button.textContent = ribbonMessages.close;
    button.addEventListener("click", requestClose);
    button.focus();
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") requestClose();
  });

  // messageParent works only after Office.onReady; the text is shown before.
  if (typeof Office !== "undefined") void Office.onReady();
}
