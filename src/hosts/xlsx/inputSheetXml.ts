// TEMPORARY stub until the serializer lands (not committed).
import type { InputTableSpec } from "../../domain/sheet";
import type { StylesPart } from "./styles";
export function renderInputSheetXml(
  _spec: InputTableSpec,
  _styles: StylesPart,
  _o: { fillRows: boolean; tableRelId: string; date1904: boolean },
): { chunks: string[] } {
  throw new Error("not yet");
}
