// Web build of the add-in: task pane (also the standalone page), ribbon function file and the small
// notification page the ribbon command opens. Output: dist/web (static files, any HTTPS server).
//
// Environment variables read at build time:
//   SCHEDA_PEG_URL          production address of dist/web (https); replaces https://localhost:3000
//                           in the copied manifest.xml. Example:
//                           SCHEDA_PEG_URL=https://intranet.comune.it/scheda-peg npm run build
//   SCHEDA_TEST_EXCEL_URL   tests only: address of the Excel emulator. The pane receives it as
//                           process.env.SCHEDA_TEST_EXCEL_URL and the pages load office.js and the
//                           Excel library from a local copy instead of Microsoft's CDN.
//   PORT                    dev server port (default 3000).
//   SCHEDA_WEB_OUT          output folder instead of dist/web (tests build in parallel without
//                           overwriting each other).
"use strict";
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { guideImages, guidePage } = require("./scripts/guide-html");

// The user guide, served beside the pane (its "Guida" link): docs/guida.md as guida.html, with its images.
const GUIDE = path.join(__dirname, "docs/guida.md");

const DEV_URL = "https://localhost:3000";
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const OFFICE_JS_CDN = `${OFFICE_CDN}/lib/1/hosted/office.js`;
const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
// Where the local copy of office.js lives in dist/web (test builds only).
const LOCAL_OFFICE_DIR = "office-js";

function devPort() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`PORT non valida: ${process.env.PORT}`);
  return port;
}

/** The base URL the built manifest points at. */
function baseUrl(isProduction) {
  const configured = process.env.SCHEDA_PEG_URL;
  if (configured) {
    if (!/^https:\/\/[^\s"'<>]+$/.test(configured)) {
      throw new Error(`SCHEDA_PEG_URL deve essere un indirizzo https:// valido, trovato: ${configured}`);
    }
    return configured.replace(/\/+$/, "");
  }
  return isProduction ? DEV_URL : `https://localhost:${devPort()}`;
}

/**
 * The page policy: scripts only from our origin and the Office.js CDN; inline styles are needed by
 * Fluent UI (griffel inserts <style> rules at run time). No unsafe-eval: dev builds use plain
 * source maps, not eval.
 */
function contentSecurityPolicy({ isProduction, testExcelUrl }) {
  const connect = ["'self'", OFFICE_CDN];
  if (!isProduction) connect.push(`wss://localhost:${devPort()}`); // dev server live reload
  if (testExcelUrl) connect.push(new URL(testExcelUrl).origin);
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_CDN}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    `frame-src 'self' ${OFFICE_CDN}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * Finishes every page: the Content-Security-Policy <meta> first in <head> (a policy applies only to
 * what follows it), and office.js unless the template already loads it. In test builds office.js
 * comes from the local copy, followed by the Excel library, which office.js never loads by itself
 * outside Office.
 */
class OfficePagePlugin {
  constructor({ csp, local, excelPages }) {
    this.csp = csp;
    this.local = local;
    this.excelPages = excelPages;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap("OfficePagePlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("OfficePagePlugin", (data) => {
        let html = data.html;
        const cspMeta = `<meta http-equiv="Content-Security-Policy" content="${this.csp}" />`;
        html = /<meta charset[^>]*>/i.test(html)
          ? html.replace(/<meta charset[^>]*>/i, (m) => `${m}\n    ${cspMeta}`)
          : html.replace(/<head[^>]*>/i, (m) => `${m}\n    ${cspMeta}`);
        const officeSrc = this.local ? `${LOCAL_OFFICE_DIR}/office.js` : OFFICE_JS_CDN;
        if (this.local) html = html.split(OFFICE_JS_CDN).join(officeSrc);
        if (!/office(\.debug)?\.js/.test(html)) {
          html = html.replace("</head>", `  <script src="${officeSrc}"></script>\n  </head>`);
        }
        if (this.local && this.excelPages.includes(data.outputName)) {
          html = html.replace(
            `<script src="${officeSrc}"></script>`,
            `<script src="${officeSrc}"></script>\n    <script src="${LOCAL_OFFICE_DIR}/excel-web-16.00.js"></script>`,
          );
        }
        data.html = html;
        return data;
      });
    });
  }
}

// webpack calls this with (env, argv); only argv.mode matters here.
module.exports = (...args) => {
  const argv = args[1] ?? {};
  const mode = argv.mode ?? process.env.NODE_ENV ?? "production";
  const isProduction = mode === "production";
  const testExcelUrl = process.env.SCHEDA_TEST_EXCEL_URL || undefined;
  const csp = contentSecurityPolicy({ isProduction, testExcelUrl });
  const manifestUrl = baseUrl(isProduction);

  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template,
      chunks,
      scriptLoading: "defer",
    });

  const copies = [
    { from: "assets/icon-*.png", to: "assets/[name][ext]" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      // AppDomain is an origin (no path); every other address gets the full base URL.
      transform: (content) =>
        content
          .toString("utf8")
          .split(`<AppDomain>${DEV_URL}</AppDomain>`)
          .join(`<AppDomain>${new URL(manifestUrl).origin}</AppDomain>`)
          .split(DEV_URL)
          .join(manifestUrl),
    },
  ];
  copies.push({
    from: GUIDE,
    to: "guida.html",
    transform: (content) => guidePage(content.toString("utf8"), csp),
  });
  for (const image of guideImages(require("node:fs").readFileSync(GUIDE, "utf8"))) {
    copies.push({ from: path.join(__dirname, "docs", image), to: image });
  }
  if (testExcelUrl) {
    // Not o15apptofilemappingtable.js: with it, office.js outside Office goes on to load host code
    // that clashes with the Excel library ("Cannot redefine property: context").
    for (const file of [
      "office.js",
      "excel-web-16.00.js",
      "en-us/office_strings.js",
      "it-it/office_strings.js",
    ]) {
      copies.push({ from: path.join(OFFICE_JS_DIST, file), to: `${LOCAL_OFFICE_DIR}/${file}` });
    }
  }

  return {
    mode,
    target: "web",
    // Plain source maps: eval-based ones would need 'unsafe-eval' in the page policy.
    devtool: isProduction ? "source-map" : "cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      notifica: "./src/commands/notifica.ts",
    },
    output: {
      path: path.resolve(__dirname, process.env.SCHEDA_WEB_OUT || "dist/web"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      // Relative asset URLs, so the add-in can live in a sub-folder of an intranet server.
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js", ".json"],
      alias: {
        // JSZip's prebuilt browser bundle carries its own polyfills (stream, buffer), so the web build
        // needs no Node polyfills.
        jszip$: require.resolve("jszip/dist/jszip.min.js"),
      },
    },
    module: {
      noParse: /jszip[\\/]dist[\\/]jszip\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // esnext modules keep import() as a real split point; npm test does the type-check.
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } },
          },
        },
      ],
    },
    optimization: {
      // Only async chunks are split: the file host lands in the chunk the pane imports on demand
      // (standalone mode), never in what Excel loads first.
      splitChunks: { chunks: "async" },
    },
    performance: { hints: false }, // scripts/bundle-size.js measures the gzip figure that matters
    plugins: [
      new webpack.DefinePlugin({
        "process.env.SCHEDA_TEST_EXCEL_URL": testExcelUrl ? JSON.stringify(testExcelUrl) : "undefined",
      }),
      page("taskpane", "./src/taskpane/taskpane.html", ["taskpane"]),
      page("commands", "./src/commands/commands.html", ["commands"]),
      page("notifica", "./src/commands/notifica.html", ["notifica"]),
      new OfficePagePlugin({
        csp,
        local: Boolean(testExcelUrl),
        excelPages: ["taskpane.html", "commands.html"],
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: {
      port: devPort(),
      host: "localhost",
      headers: { "Content-Security-Policy": csp },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: false, webSocketURL: `wss://localhost:${devPort()}/ws` },
      devMiddleware: { writeToDisk: true },
      // server (https + certificate) is filled in by scripts/start.js
    },
  };
};

module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.DEV_URL = DEV_URL;
