#!/usr/bin/env node
// npm stop: ends the development server that npm start recorded in .dev-server.pid.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const PID_FILE = path.resolve(ROOT, process.env.SCHEDA_PID_FILE || ".dev-server.pid");
const WAIT_MS = 15000;

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Guards against a recycled pid: where /proc exists, the process must be our start script. */
function isOurServer(pid) {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!fs.existsSync("/proc")) return true;
  try {
    return fs.readFileSync(cmdline, "utf8").includes("start.js");
  } catch {
    return false;
  }
}

async function main() {
  if (!fs.existsSync(PID_FILE)) {
    console.log("Nessun server di sviluppo avviato (npm start).");
    return;
  }
  const pid = Number(fs.readFileSync(PID_FILE, "utf8").trim());
  if (!pid || !isRunning(pid) || !isOurServer(pid)) {
    fs.rmSync(PID_FILE, { force: true });
    console.log("Il server di sviluppo non era più in esecuzione.");
    return;
  }
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + WAIT_MS;
  while (isRunning(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isRunning(pid)) {
    console.error(`Il server (processo ${pid}) non si è fermato entro ${WAIT_MS / 1000} s.`);
    process.exit(1);
  }
  fs.rmSync(PID_FILE, { force: true });
  console.log("Server di sviluppo fermato.");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
