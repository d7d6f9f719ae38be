// Where the Excel host meets Office: how a batch runs (Excel.run, or against the test emulator), and
// which ExcelApi requirement sets this Excel offers. The pane and the ribbon command use these too.
import { AppError } from "../../app/errors";
import { excelMessages } from "../messages";

export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The requirement set the add-in needs. */
export const MIN_EXCEL_API = "1.9";
/** Range.getMergedAreasOrNullObject: merged cells in the way of computed columns are found in Excel too. */
export const MERGED_AREAS_API = "1.13";

/** Production runner: Excel.run against the workbook the add-in lives in. */
export const officeRunner: ExcelRunner = (batch) => Excel.run(batch);

/** True when this Excel offers ExcelApi `version` (false outside Office). */
export function isExcelApiSupported(
  version: string = MIN_EXCEL_API,
  office: typeof Office | undefined = globalThis.Office,
): boolean {
  try {
    return Boolean(office?.context?.requirements?.isSetSupported("ExcelApi", version));
  } catch {
    return false;
  }
}

/** Throws an AppError with the Italian explanation when this Excel lacks ExcelApi 1.9. */
export function checkExcelApi(office: typeof Office | undefined = globalThis.Office): void {
  if (!isExcelApiSupported(MIN_EXCEL_API, office)) throw new AppError("HOST", excelMessages.apiMissing);
}

/**
 * Test builds only: webpack's DefinePlugin replaces `process.env.SCHEDA_TEST_EXCEL_URL` with the URL of
 * the Excel emulator. Production builds do not define it; then `process` does not exist in the browser
 * and the lookup throws, which means "no test flag".
 */
export function testExcelUrl(): string | undefined {
  try {
    const url = process.env.SCHEDA_TEST_EXCEL_URL;
    return typeof url === "string" && url !== "" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** How the host reaches Excel: its runner and the requirement sets it may use. */
export interface ExcelConnection {
  run: ExcelRunner;
  supports(version: string): boolean;
}

/**
 * The workbook the add-in lives in; with a test URL, the emulator (which answers every call the host
 * makes, so every requirement set counts as present).
 */
export function excelConnection(testUrl: string | undefined = testExcelUrl()): ExcelConnection {
  if (testUrl) {
    return { run: (batch) => Excel.run(new Excel.RequestContext(testUrl), batch), supports: () => true };
  }
  return { run: officeRunner, supports: (version) => isExcelApiSupported(version) };
}
