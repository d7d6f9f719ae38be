// The project's own reference stays true: every relative link in the docs resolves to a file (and a
// heading when it names one), and every rule code the engine can report has its section in rules.md.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { RULES } from "../../src/domain/rules/problems";

const ROOT = resolve(__dirname, "../..");

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? markdownFiles(p) : name.endsWith(".md") ? [p] : [];
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    out.add(
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-"),
    );
  }
  return out;
}

const docs = [...markdownFiles(join(ROOT, "docs")), join(ROOT, "README.md")];

test("every relative link of the docs resolves, anchors included", () => {
  const broken: string[] = [];
  for (const file of docs) {
    const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const link = m[1];
      if (/^(https?:|mailto:)/.test(link)) continue;
      const [path, anchor] = link.split("#");
      const target = path === "" ? file : resolve(dirname(file), path);
      if (!existsSync(target)) {
        broken.push(`${file.slice(ROOT.length + 1)}: ${link}`);
        continue;
      }
      if (anchor && target.endsWith(".md") && !anchors(readFileSync(target, "utf8")).has(anchor)) {
        broken.push(`${file.slice(ROOT.length + 1)}: ${link} (no such heading)`);
      }
    }
  }
  expect(broken).toEqual([]);
});

test("every rule code has its section in docs/reference/rules.md", () => {
  const rules = readFileSync(join(ROOT, "docs/reference/rules.md"), "utf8");
  const documented = new Set([...rules.matchAll(/^### ([A-Z_]+)\s*$/gm)].map((m) => m[1]));
  const codes = Object.keys(RULES);
  expect(codes.length).toBeGreaterThan(20);
  expect(codes.filter((c) => !documented.has(c))).toEqual([]);
});
