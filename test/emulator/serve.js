#!/usr/bin/env node
// Starts the Excel emulator on its own, for a page (Chromium) that loads Office.js from another
// localhost origin:  node test/emulator/serve.js [port]
// Prints the URL to give to `new Excel.RequestContext(url)`; GET <url>/state returns the workbook.
// The TypeScript sources are compiled on the fly with the project's own TypeScript.
const ts = require("typescript");
const fs = require("node:fs");

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const out = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2021,
      esModuleInterop: true,
    },
    fileName: filename,
  });
  module._compile(out.outputText, filename);
};

const { startEmulator } = require("./server.ts");
const { newSheet } = require("./model.ts");

const port = Number(process.argv[2] ?? 0);
startEmulator(port).then((emu) => {
  // Excel always opens a workbook with one sheet.
  emu.workbook.sheets.push(newSheet(emu.workbook, "Foglio1"));
  console.log(`EXCEL_EMULATOR_URL=${emu.url}`);
  const stop = () => emu.stop().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
});
