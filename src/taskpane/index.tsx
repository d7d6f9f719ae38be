// Entry of the task pane and of the standalone page: Excel mode when Office.js reports Excel,
// otherwise the standalone page on .xlsx files.
import { createRoot } from "react-dom/client";
import { paneStrings } from "./strings";
import { App } from "./App";
import { detectEnvironment, loadSampleJson, xlsxFiles, type PaneEnvironment } from "./hosts";

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  let env: PaneEnvironment;
  try {
    env = await detectEnvironment();
  } catch (e) {
    // Never leave the user on "Avvio in corso…": fall back to the page that works on files.
    env = {
      mode: "standalone",
      host: null,
      loadSample: loadSampleJson,
      files: xlsxFiles,
      warning: paneStrings.unexpectedError(e instanceof Error ? e.message : String(e)),
    };
  }
  document.documentElement.dataset.mode = env.mode;
  createRoot(container).render(<App env={env} />);
}

void main();
