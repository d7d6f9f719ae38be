/**
 * @jest-environment jsdom
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { noticeUrl } from "../../src/commands/dialogNotifier";
import { renderNotice, startNoticePage } from "../../src/commands/noticePage";

const template = readFileSync(join(__dirname, "../../src/commands/notifica.html"), "utf8");

function loadTemplate(): void {
  const body = /<body>([\s\S]*)<\/body>/.exec(template)?.[1] ?? "";
  document.body.replaceChildren();
  document.body.insertAdjacentHTML("afterbegin", body);
}

describe("notifica.html", () => {
  beforeEach(loadTemplate);

  it("shows title, message and details as plain text, never as markup", () => {
    renderNotice(document, {
      kind: "blocked",
      title: "Scheda non generata",
      message: "Primi problemi:",
      details: ['<img src=x onerror="alert(1)">', "Riga 12: Peso non valido"],
    });
    expect(document.getElementById("title")?.textContent).toBe("Scheda non generata");
    expect(document.getElementById("message")?.textContent).toBe("Primi problemi:");
    const items = Array.from(document.querySelectorAll("#details li")).map((li) => li.textContent);
    expect(items).toEqual(['<img src=x onerror="alert(1)">', "Riga 12: Peso non valido"]);
    expect(document.querySelector("#details img")).toBeNull();
    expect(document.getElementById("notice")?.dataset.kind).toBe("blocked");
  });

  it("hides the empty detail list", () => {
    renderNotice(document, { kind: "success", title: "Scheda generata", message: "ok", details: [] });
    expect(document.getElementById("details")?.hidden).toBe(true);
  });

  it("reads the notice from its address and labels the close button in Italian", () => {
    const url = noticeUrl("https://localhost:3000/notifica.html", {
      kind: "success",
      title: "Scheda generata",
      message: "La Scheda contiene 33 obiettivi su 12 pagine: si trova nel foglio Scheda.",
      details: [],
    });
    window.history.replaceState(null, "", new URL(url).search);
    startNoticePage();
    expect(document.getElementById("message")?.textContent).toContain("33 obiettivi");
    expect(document.getElementById("close")?.textContent).toBe("Chiudi");
  });
});
