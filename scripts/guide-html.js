// docs/guida.md → guida.html, served with the add-in (the pane's "Guida" link). A small converter for
// the Markdown the guide uses — headings, paragraphs, lists (one level of nesting), tables, images,
// links, bold, italic, code — so the build needs no Markdown library. Text is HTML-escaped first.
"use strict";

function escapeHtml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Inline Markdown of one escaped line: code spans first (their content stays literal). */
function inline(text) {
  const codes = [];
  let s = escapeHtml(text).replace(/`([^`]+)`/g, (_m, c) => {
    codes.push(c);
    return `\u0000${codes.length - 1}\u0000`;
  });
  s = s
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, '<img src="$2" alt="$1" />')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[\s(])_(.+?)_(?=[\s.,;:)]|$)/g, "$1<em>$2</em>")
    .replace(/(^|[\s(])\*(?!\s)(.+?)\*(?=[\s.,;:)]|$)/g, "$1<em>$2</em>")
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, "$1");
  // eslint-disable-next-line no-control-regex -- the placeholders are NUL-delimited on purpose
  return s.replace(/\u0000(\d+)\u0000/g, (_m, i) => `<code>${codes[Number(i)]}</code>`);
}

function slug(text) {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

function cells(row) {
  return row
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** Markdown → HTML body. */
function markdownToHtml(md) {
  const lines = md.replace(/\r\n?/g, "\n").split("\n");
  const out = [];
  let i = 0;
  const isList = (l) => /^(\s*)([-*]|\d+\.)\s+/.test(l);
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      const level = h[1].length;
      out.push(`<h${level} id="${slug(h[2])}">${inline(h[2])}</h${level}>`);
      i++;
      continue;
    }
    if (/^\|/.test(line) && i + 1 < lines.length && /^\|?\s*:?-{3,}/.test(lines[i + 1])) {
      const head = cells(line);
      i += 2;
      const body = [];
      while (i < lines.length && /^\|/.test(lines[i])) body.push(cells(lines[i++]));
      out.push(
        "<table><thead><tr>" +
          head.map((c) => `<th scope="col">${inline(c)}</th>`).join("") +
          "</tr></thead><tbody>" +
          body.map((r) => "<tr>" + r.map((c) => `<td>${inline(c)}</td>`).join("") + "</tr>").join("") +
          "</tbody></table>",
      );
      continue;
    }
    if (isList(line)) {
      i = list(lines, i, out);
      continue;
    }
    const para = [lines[i++].trim()];
    while (
      i < lines.length &&
      lines[i].trim() !== "" &&
      !/^#{1,6}\s/.test(lines[i]) &&
      !isList(lines[i]) &&
      !/^\|/.test(lines[i])
    ) {
      para.push(lines[i++].trim());
    }
    out.push(`<p>${inline(para.join(" "))}</p>`);
  }
  return out.join("\n");
}

/** A list starting at lines[i] (items at its indentation; deeper items nest); returns the next line. */
function list(lines, start, out) {
  const first = /^(\s*)([-*]|\d+\.)\s+/.exec(lines[start]);
  const indent = first[1].length;
  const ordered = /\d/.test(first[2]);
  out.push(ordered ? "<ol>" : "<ul>");
  let i = start;
  while (i < lines.length) {
    const m = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(lines[i]);
    if (!m || m[1].length !== indent) break;
    const text = [m[3]];
    i++;
    const nested = [];
    while (i < lines.length && lines[i].trim() !== "") {
      const sub = /^(\s*)([-*]|\d+\.)\s+/.exec(lines[i]);
      if (sub && sub[1].length > indent) {
        i = list(lines, i, nested);
        continue;
      }
      if (sub || !/^\s+/.test(lines[i])) break;
      text.push(lines[i++].trim());
    }
    out.push(`<li>${inline(text.join(" "))}${nested.join("")}</li>`);
    if (i < lines.length && lines[i].trim() === "" && i + 1 < lines.length) {
      const after = /^(\s*)([-*]|\d+\.)\s+/.exec(lines[i + 1]);
      if (after && after[1].length === indent) i++;
    }
  }
  out.push(ordered ? "</ol>" : "</ul>");
  return i;
}

/** The whole page: title from the first heading, the page policy, a readable narrow layout. */
function guidePage(md, csp) {
  const title = (/^#\s+(.*)$/m.exec(md) || [null, "Guida"])[1];
  return `<!doctype html>
<html lang="it">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <style>
      body { font-family: "Segoe UI", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif;
        line-height: 1.5; color: #242424; margin: 0 auto; padding: 16px; max-width: 60rem; }
      h1, h2, h3 { line-height: 1.25; color: #0f548c; }
      img { max-width: 100%; height: auto; border: 1px solid #d1d1d1; }
      table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
      th, td { border: 1px solid #d1d1d1; padding: 4px 8px; text-align: left; vertical-align: top; }
      th { background: #f0f0f0; }
      code { background: #f0f0f0; padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
      a { color: #0f548c; }
    </style>
  </head>
  <body>
    <main>
${markdownToHtml(md)}
    </main>
  </body>
</html>
`;
}

/** Images the guide shows (copied beside guida.html by the build). */
function guideImages(md) {
  return [...md.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((src) => !/^[a-z]+:/i.test(src));
}

module.exports = { markdownToHtml, guidePage, guideImages, inline };
