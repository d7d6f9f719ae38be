#!/usr/bin/env node
"use strict";
// The CLI is compiled to dist/node by `npm run build:node` (run by `npm ci` through "prepare").
const { main } = require("../dist/node/cli/main.js");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`Errore interno: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
