// Why a file cannot be opened as a workbook, in Italian (the file host's own errors; what it refuses
// to write is an AppError with a hostMessages text, as in the Excel host).
import { fileOpenMessages } from "../messages";

export type XlsxOpenReason = "empty" | "encrypted" | "notXlsx" | "corrupt";

/** The bytes are not a workbook we can read; `message` is Italian and says why. */
export class XlsxOpenError extends Error {
  constructor(readonly reason: XlsxOpenReason) {
    super(
      reason === "empty"
        ? fileOpenMessages.openEmpty
        : reason === "encrypted"
          ? fileOpenMessages.openEncrypted
          : reason === "notXlsx"
            ? fileOpenMessages.openNotXlsx
            : fileOpenMessages.openCorrupt,
    );
    this.name = "XlsxOpenError";
  }
}
