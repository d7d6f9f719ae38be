// npm start / npm stop on a machine without Excel: certificate made without prompting, the add-in
// served over https, sideloading instructions printed, and a clean end by npm stop or Ctrl-C.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { get } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "scheda-start-"));
const certDir = join(work, "certs");
const pidFile = join(work, "dev-server.pid");

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function env(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOME: work, // no ~/.office-addin-dev-certs: the script must make its own certificate
    SCHEDA_CERT_DIR: certDir,
    SCHEDA_PID_FILE: pidFile,
    SCHEDA_WEB_OUT: join(work, "web"),
    SCHEDA_PEG_URL: "",
    SCHEDA_TEST_EXCEL_URL: "",
  };
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(port: number): Promise<Started> {
  const child = spawn(process.execPath, [join(ROOT, "scripts/start.js")], {
    cwd: ROOT,
    env: env(port),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm start non pronto in 100 s:\n${out}`)), 100_000);
    const check = setInterval(() => {
      if (out.includes("Pagina autonoma")) {
        clearInterval(check);
        clearTimeout(timer);
        done({ child, output: () => out, exited });
      } else if (child.exitCode !== null) {
        clearInterval(check);
        clearTimeout(timer);
        fail(new Error(`npm start è uscito (${child.exitCode}):\n${out}`));
      }
    }, 200);
  });
}

/** GET over TLS verified against the generated certificate (it is its own authority). */
function fetchHttps(
  port: number,
  path: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const ca = readFileSync(join(certDir, "localhost.crt"));
  return new Promise((done, fail) => {
    get({ host: "localhost", port, path, ca, servername: "localhost", agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    }).on("error", fail);
  });
}

/** Runs scripts/stop.js without blocking this process (which must keep reading the server's output). */
function stopServer(port: number): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, "scripts/stop.js")],
      { cwd: ROOT, env: env(port) },
      (error, stdout, stderr) => done({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe("npm start / npm stop", () => {
  let running: Started | null = null;

  afterEach(() => {
    if (running && running.child.exitCode === null) running.child.kill("SIGKILL");
    running = null;
  });

  it("creates a certificate, serves the add-in over https, prints the sideloading steps; npm stop ends it", async () => {
    const port = await freePort();
    running = await start(port);
    const out = running.output();
    expect(existsSync(join(certDir, "localhost.crt"))).toBe(true);
    expect(existsSync(join(certDir, "localhost.key"))).toBe(true);
    expect(readFileSync(pidFile, "utf8").trim()).toBe(String(running.child.pid));

    // What a user needs to read: manifest, the three ways to sideload, certificate, standalone page.
    expect(out).toContain(join(work, "web", "manifest.xml"));
    expect(out).toContain("Carica il componente aggiuntivo personale");
    expect(out).toContain("Cataloghi di componenti");
    expect(out).toContain("Library/Containers/com.microsoft.Excel/Data/Documents/wef");
    expect(out).toContain(join(certDir, "localhost.crt"));
    expect(out).toContain(`https://localhost:${port}/taskpane.html`);

    const pane = await fetchHttps(port, "/taskpane.html");
    expect(pane.status).toBe(200);
    expect(pane.body).toContain('id="root"');
    expect(String(pane.headers["content-security-policy"])).toContain(
      "script-src 'self' https://appsforoffice.microsoft.com",
    );
    const commands = await fetchHttps(port, "/commands.html");
    expect(commands.status).toBe(200);
    // The pane's bundle is served too. Other files changing meanwhile make the server rebuild with new
    // hashed names, so the page is read again when its script has just been replaced.
    let scriptStatus = 0;
    for (let attempt = 0; attempt < 5 && scriptStatus !== 200; attempt++) {
      const page = attempt === 0 ? pane : await fetchHttps(port, "/taskpane.html");
      const src = /<script defer(?:="defer")? src="(taskpane\.[^"]+\.js)"/.exec(page.body)?.[1];
      expect(src).toBeDefined();
      scriptStatus = (await fetchHttps(port, `/${src}`)).status;
      if (scriptStatus !== 200) await new Promise((r) => setTimeout(r, 3000));
    }
    expect(scriptStatus).toBe(200);
    const manifest = await fetchHttps(port, "/manifest.xml");
    expect(manifest.body).toContain(`https://localhost:${port}/commands.html`);
    expect((await fetchHttps(port, "/assets/icon-80.png")).status).toBe(200);

    const stop = await stopServer(port);
    expect(`${stop.stdout}${stop.stderr}`).toContain("fermato");
    expect(stop.status).toBe(0);
    expect(await running.exited).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
    await expect(fetchHttps(port, "/taskpane.html")).rejects.toThrow();
  });

  it("reuses the certificate on the next start and ends cleanly on Ctrl-C", async () => {
    const certBefore = statSync(join(certDir, "localhost.crt")).mtimeMs;
    const port = await freePort();
    running = await start(port);
    expect(running.output()).not.toContain("appena creato");
    expect(statSync(join(certDir, "localhost.crt")).mtimeMs).toBe(certBefore);
    expect((await fetchHttps(port, "/notifica.html")).status).toBe(200);
    running.child.kill("SIGINT");
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain("Server fermato.");
    expect(existsSync(pidFile)).toBe(false);
  });

  it("npm stop without a running server says so and succeeds", async () => {
    const stop = await stopServer(1);
    expect(stop.status).toBe(0);
    expect(stop.stdout).toContain("Nessun server");
  });
});
