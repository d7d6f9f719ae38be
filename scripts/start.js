#!/usr/bin/env node
// npm start: builds the add-in (development), serves it at https://localhost:3000 with a local
// certificate (made here when none exists: no sudo, no prompt) and prints how to sideload it.
// npm stop, or Ctrl-C, ends it. Works on Linux too, where there is no Excel: the same address is
// the standalone page.
//
// Environment: PORT (default 3000); SCHEDA_CERT_DIR (where to keep the generated certificate,
// default .certs/); SCHEDA_PID_FILE (default .dev-server.pid); SCHEDA_WEB_OUT (build folder).
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const PID_FILE = path.resolve(ROOT, process.env.SCHEDA_PID_FILE || ".dev-server.pid");
const CERT_DIR = path.resolve(ROOT, process.env.SCHEDA_CERT_DIR || ".certs");
const OFFICE_CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

function port() {
  const value = Number(process.env.PORT || 3000);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    throw new Error(`PORT non valida: ${process.env.PORT}`);
  }
  return value;
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** Checked before building: the dev server reports a busy port only as an uncaught exception. */
function portFree(value) {
  const net = require("node:net");
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(value, "localhost", () => probe.close(() => resolve(true)));
  });
}

function portBusyMessage(value) {
  return `La porta ${value} è occupata: fermare l'altro server o usare un'altra porta, ad esempio PORT=3001 npm start.`;
}

/** A certificate already on this machine, or a new self-signed one for localhost in .certs/. */
function certificate() {
  const candidates = [
    { dir: CERT_DIR, cert: "localhost.crt", key: "localhost.key", ca: "localhost.crt" },
    // Made by `npx office-addin-dev-certs install` (Windows/macOS, where it can trust its CA).
    { dir: OFFICE_CERT_DIR, cert: "localhost.crt", key: "localhost.key", ca: "ca.crt" },
  ];
  for (const c of candidates) {
    const cert = path.join(c.dir, c.cert);
    const key = path.join(c.dir, c.key);
    if (fs.existsSync(cert) && fs.existsSync(key)) {
      return { cert, key, trust: path.join(c.dir, c.ca), created: false };
    }
  }
  const selfsigned = require("selfsigned");
  const pems = selfsigned.generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    days: 825,
    algorithm: "sha256",
    extensions: [
      // Its own authority, so the one file can be trusted as it is (browser or system store).
      { name: "basicConstraints", cA: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  fs.mkdirSync(CERT_DIR, { recursive: true });
  const cert = path.join(CERT_DIR, "localhost.crt");
  const key = path.join(CERT_DIR, "localhost.key");
  fs.writeFileSync(cert, pems.cert);
  fs.writeFileSync(key, pems.private, { mode: 0o600 });
  return { cert, key, trust: cert, created: true };
}

function instructions({ url, manifest, cert }) {
  const wef = "~/Library/Containers/com.microsoft.Excel/Data/Documents/wef";
  return [
    "",
    `Scheda PEG è in esecuzione su ${url}`,
    "",
    `Manifest da caricare in Excel: ${manifest}`,
    "",
    "Excel sul web (qualsiasi sistema, anche Linux):",
    "  1. aprire una cartella su https://www.office.com (OneDrive o SharePoint);",
    "  2. Home > Componenti aggiuntivi > Altri componenti aggiuntivi > I miei componenti aggiuntivi >",
    '     Carica il componente aggiuntivo personale ("Upload My Add-in") e scegliere il manifest indicato sopra;',
    "  3. nella scheda Home compare il gruppo Scheda PEG (Genera Scheda, Scheda PEG).",
    "",
    "Excel per Windows (desktop):",
    "  1. condividere una cartella di rete (es. \\\\PC\\manifest) e copiarvi il manifest;",
    "  2. File > Opzioni > Centro protezione > Impostazioni Centro protezione > Cataloghi di componenti",
    "     aggiuntivi attendibili: aggiungere l'indirizzo della cartella, spuntare Mostra nel menu, riavviare Excel;",
    "  3. Home > Componenti aggiuntivi > Altri componenti aggiuntivi > Cartella condivisa > Scheda PEG > Aggiungi",
    "     (nelle versioni meno recenti: Inserisci > Componenti aggiuntivi personali > Cartella condivisa).",
    "",
    "Excel per macOS (desktop):",
    `  1. copiare il manifest in ${wef} (creare la cartella se manca);`,
    "  2. riavviare Excel, poi Home > Componenti aggiuntivi: Scheda PEG è tra i componenti aggiuntivi per",
    "     sviluppatori (nelle versioni meno recenti: Inserisci > Componenti aggiuntivi personali).",
    "",
    `Certificato di sviluppo: ${cert.trust}${cert.created ? " (appena creato)" : ""}`,
    "  Excel e il browser devono considerarlo attendibile: aprire una volta la pagina qui sotto e accettare",
    "  l'avviso, oppure importare il certificato tra le autorità attendibili del sistema o del browser.",
    "",
    `Pagina autonoma (fuori da Excel, lavora su un file .xlsx): ${url}/taskpane.html`,
    "",
    "Per fermare il server: npm stop, oppure Ctrl-C.",
    "",
  ].join("\n");
}

async function main() {
  const listenPort = port();
  if (fs.existsSync(PID_FILE)) {
    const pid = Number(fs.readFileSync(PID_FILE, "utf8").trim());
    if (pid && pid !== process.pid && isRunning(pid)) {
      console.error(`Il server di sviluppo è già avviato (processo ${pid}). Per fermarlo: npm stop`);
      process.exit(1);
    }
    fs.rmSync(PID_FILE, { force: true }); // left by a run that did not end cleanly
  }

  if (!(await portFree(listenPort))) {
    console.error(portBusyMessage(listenPort));
    process.exit(1);
  }
  process.env.PORT = String(listenPort);
  const cert = certificate();
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = makeConfig({}, { mode: "development" });
  const compiler = webpack({ ...config, infrastructureLogging: { level: "warn" }, stats: "errors-warnings" });
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      port: listenPort,
      setupExitSignals: false,
      server: {
        type: "https",
        options: { key: fs.readFileSync(cert.key), cert: fs.readFileSync(cert.cert) },
      },
    },
    compiler,
  );

  const url = `https://localhost:${listenPort}`;
  const manifest =
    listenPort === 3000 && !process.env.SCHEDA_PEG_URL
      ? path.join(ROOT, "manifest.xml")
      : path.join(config.output.path, "manifest.xml");
  let announced = false;
  compiler.hooks.done.tap("scheda-peg-start", (stats) => {
    if (stats.hasErrors()) {
      console.error("Compilazione con errori: correggi il codice, il server ricompila da solo.");
      return;
    }
    if (!announced) {
      announced = true;
      console.log(instructions({ url, manifest, cert }));
    } else {
      console.log(`Ricompilato (${new Date().toLocaleTimeString("it-IT")}).`);
    }
  });

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nArresto del server (${signal})…`);
    try {
      // Open keep-alive connections could hold the stop for minutes: give it a few seconds.
      await Promise.race([server.stop(), new Promise((r) => setTimeout(r, 3000))]);
    } finally {
      fs.rmSync(PID_FILE, { force: true });
      console.log("Server fermato.");
      process.exit(0);
    }
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void shutdown(signal));

  console.log(`Compilazione di Scheda PEG e avvio di ${url} …`);
  await server.start();
  fs.writeFileSync(PID_FILE, `${process.pid}\n`);
}

main().catch((error) => {
  fs.rmSync(PID_FILE, { force: true });
  if (error && error.code === "EADDRINUSE") {
    console.error(portBusyMessage(process.env.PORT));
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
