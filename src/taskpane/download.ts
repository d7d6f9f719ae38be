// Offers bytes as a file download (standalone page).
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** `piano.xlsx` → `piano-scheda.xlsx`, as the CLI names its output. */
export function resultFileName(name: string | null): string {
  if (!name) return "scheda-peg.xlsx";
  const base = name.replace(/\.xlsx$/i, "");
  return `${base}-scheda.xlsx`;
}

export function readFileBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("lettura del file non riuscita"));
    reader.readAsArrayBuffer(file);
  });
}
