// The user guide served with the add-in: docs/guida.md turned into HTML by scripts/guide-html.js
// (headings, lists, tables, images, inline marks), with every image it shows present in docs/.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const guide = require("../../scripts/guide-html.js") as {
  markdownToHtml: (md: string) => string;
  guidePage: (md: string, csp: string) => string;
  guideImages: (md: string) => string[];
};

const ROOT = resolve(__dirname, "../..");
const MD = readFileSync(join(ROOT, "docs/guida.md"), "utf8");

test("the Markdown the guide uses becomes the right HTML, text escaped", () => {
  const html = guide.markdownToHtml(
    [
      "# Titolo",
      "",
      "Testo con **grassetto**, _corsivo_, `codice <b>` e [un link](altro.html).",
      "",
      "1. primo",
      "   segue",
      "   - sotto",
      "2. secondo",
      "",
      "| a | b |",
      "| --- | --- |",
      "| 1 | 2 |",
      "",
      "![figura](pane-idle.png)",
    ].join("\n"),
  );
  expect(html).toContain('<h1 id="titolo">Titolo</h1>');
  expect(html).toContain("<strong>grassetto</strong>");
  expect(html).toContain("<em>corsivo</em>");
  expect(html).toContain("<code>codice &lt;b&gt;</code>");
  expect(html).toContain('<a href="altro.html">un link</a>');
  expect(html.replace(/\n/g, "")).toContain(
    "<ol><li>primo segue<ul><li>sotto</li></ul></li><li>secondo</li></ol>",
  );
  expect(html).toContain('<th scope="col">a</th>');
  expect(html).toContain('<img src="pane-idle.png" alt="figura" />');
});

test("the whole guide converts: every heading, table and image, no Markdown left over", () => {
  const page = guide.guidePage(MD, "default-src 'self'");
  const headings = MD.split("\n").filter((l) => /^#{1,3}\s/.test(l)).length;
  expect((page.match(/<h[1-3] /g) ?? []).length).toBe(headings);
  expect((page.match(/<table>/g) ?? []).length).toBe((MD.match(/^\|[\s:-]*-{3,}/gm) ?? []).length);
  expect(page).not.toMatch(/\*\*|\]\(/);
  expect(page).toContain('<html lang="it">');
  expect(page).toContain("Content-Security-Policy");
  for (const image of guide.guideImages(MD))
    expect([image, existsSync(join(ROOT, "docs", image))]).toEqual([image, true]);
});
