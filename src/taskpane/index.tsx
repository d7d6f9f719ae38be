// Entry of the task pane and of the standalone page: Excel mode when Office.js reports Excel,
// otherwise the standalone page on .xlsx files.
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectEnvironment } from "./hosts";

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const env = await detectEnvironment();
  document.documentElement.dataset.mode = env.mode;
  createRoot(container).render(<App env={env} />);
}

void main();
