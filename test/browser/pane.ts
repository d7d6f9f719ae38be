// Checks the browser tests make on the pane in any state: nothing scrolls sideways, popups open inside
// the viewport, axe finds no serious or critical violation, the keyboard reaches what it needs.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

/** The pane widths of Excel: Mac 270, Windows 320, web 350 (Office.TaskPane defaults). */
export const PANE_WIDTHS = [270, 320, 350] as const;

const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core on the page as it is (WCAG 2.0/2.1 A and AA rules); serious and critical violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ")),
      }));
  });
}

/** The page is not wider than the viewport (nothing scrolls sideways). */
export async function sideways(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    clientWidth: document.documentElement.clientWidth,
  }));
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box of every visible popup (listbox, menu, dialog, tooltip) and the viewport. */
export async function popupBoxes(page: Page): Promise<{ boxes: Box[]; width: number; height: number }> {
  return page.evaluate(() => {
    const els = Array.from(
      document.querySelectorAll<HTMLElement>("[role=listbox], [role=menu], [role=dialog], [role=tooltip]"),
    ).filter((el) => el.getClientRects().length > 0);
    return {
      boxes: els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }),
      width: document.documentElement.clientWidth,
      height: window.innerHeight,
    };
  });
}

export function outside(p: { boxes: Box[]; width: number; height: number }): Box[] {
  return p.boxes.filter(
    (b) => b.left < 0 || b.top < 0 || b.right > p.width + 0.5 || b.bottom > p.height + 0.5,
  );
}

/** What the focused element is called (its label, or its text). */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "";
    const label = (el as HTMLInputElement).labels?.[0]?.textContent;
    if (label) return label.trim();
    const labelled = el.getAttribute("aria-labelledby");
    const byId = labelled
      ? labelled
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" ")
      : "";
    return (el.getAttribute("aria-label") || byId || el.textContent || el.tagName).trim();
  });
}

/**
 * Presses Tab until the focus is on an element whose name matches (at most `max` presses), so the test
 * proves the keyboard gets there; returns the number of presses.
 */
export async function tabTo(page: Page, name: RegExp, max = 60): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press("Tab");
    if (name.test(await focusedName(page))) return i;
  }
  throw new Error(`Tab non raggiunge ${name} in ${max} passi (ultimo: ${await focusedName(page)})`);
}

/**
 * The focused element shows a focus indicator: an outline, box shadow or focus pseudo-element on it,
 * or (Fluent's text fields and combobox) the bottom bar its wrapper draws while focus is within.
 */
export async function focusVisible(page: Page): Promise<boolean> {
  await page.waitForTimeout(300); // Fluent animates the indicator in
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || !el.matches(":focus-visible")) return false;
    const drawn = (s: CSSStyleDeclaration) =>
      (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) ||
      (s.boxShadow !== "none" && s.boxShadow !== "");
    const pseudo = (s: CSSStyleDeclaration) =>
      s.content !== "none" &&
      s.content !== "normal" &&
      ((s.borderStyle !== "none" && parseFloat(s.borderWidth) > 0) ||
        (s.borderBottomStyle !== "none" && parseFloat(s.borderBottomWidth) > 0)) &&
      !/^matrix\(0,/.test(s.transform);
    let node: HTMLElement | null = el;
    for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
      if (depth === 0 && drawn(getComputedStyle(node))) return true;
      if (pseudo(getComputedStyle(node, "::after")) || pseudo(getComputedStyle(node, "::before")))
        return true;
    }
    return false;
  });
}
