// Standalone page only: which .xlsx the pane works on (opened, or new), and the download of the result.
import { useState } from "react";
import type { Host } from "../app/host";
import { downloadBytes, readFileBytes, resultFileName } from "./download";
import type { PaneEnvironment } from "./hosts";
import { errorMessage } from "./state";
import { paneStrings } from "./strings";

export interface WorkbookFilesOptions {
  env: PaneEnvironment;
  host: Host | null;
  setNotice: (text: string | null) => void;
  setOpening: (on: boolean) => void;
  announce: (text: string) => void;
  /** A new workbook replaces the current one: everything shown so far belongs to the old one. */
  onSwitch: (host: Host) => void;
}

export function useWorkbookFiles({
  env,
  host,
  setNotice,
  setOpening,
  announce,
  onSwitch,
}: WorkbookFilesOptions) {
  const [name, setName] = useState<string | null>(null);

  const openWith = async (make: () => Promise<Host>, newName: string): Promise<void> => {
    setOpening(true);
    setNotice(null);
    try {
      const h = await make();
      onSwitch(h);
      setName(newName);
      announce(paneStrings.currentWorkbook(newName));
    } catch (e) {
      setNotice(paneStrings.openFailed(e instanceof Error ? e.message : String(e)));
    } finally {
      setOpening(false);
    }
  };

  const open = (file: File) => {
    const files = env.files;
    if (!files) return;
    if (!/\.xlsx$/i.test(file.name)) {
      setNotice(paneStrings.notXlsx);
      return;
    }
    void openWith(async () => files.open(await readFileBytes(file)), file.name);
  };

  const createNew = () => {
    const files = env.files;
    if (files) void openWith(() => files.createEmpty(), paneStrings.newWorkbookName);
  };

  const download = async () => {
    if (!env.files || !host) return;
    try {
      downloadBytes(
        await env.files.save(host),
        resultFileName(name === paneStrings.newWorkbookName ? null : name),
      );
    } catch (e) {
      setNotice(errorMessage(e));
    }
  };

  return { name, open, createNew, download: () => void download() };
}
