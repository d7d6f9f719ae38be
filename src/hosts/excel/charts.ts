// Charts of a generated sheet (Riepilogo) through Office.js (ExcelApi 1.7+): one clustered bar or
// column chart per ChartDescription, over the sheet's own cells, placed over its cells. Queued on the
// batch like the rest of the sheet (no sync of its own).
import { columnLetter } from "../../domain/model/raw";
import type { ChartDescription } from "../../domain/model/sheet";
import { ACTION_OVERHEAD, NAV_OVERHEAD, RANGE_OVERHEAD, type Batcher } from "./batch";

const hex = (c: string) => `#${c.replace(/^#/, "").toUpperCase()}`;
const cellOf = (p: { row: number; col: number }) => `${columnLetter(p.col)}${p.row}`;

export async function renderCharts(
  b: Batcher,
  ws: () => Excel.Worksheet,
  charts: ChartDescription[] | undefined,
): Promise<void> {
  for (const c of charts ?? []) {
    await b.reserve(3 * RANGE_OVERHEAD + (12 + c.colors.length) * (ACTION_OVERHEAD + NAV_OVERHEAD));
    const sheet = ws();
    // One series: the values are one row (series by rows) or one column (by columns).
    const [from, to] = c.values.split(":");
    const oneRow = from.replace(/\D/g, "") === (to ?? from).replace(/\D/g, "");
    const chart = sheet.charts.add(
      (c.kind === "bar" ? "BarClustered" : "ColumnClustered") as Excel.ChartType,
      sheet.getRange(c.values),
      (oneRow ? "Rows" : "Columns") as Excel.ChartSeriesBy,
    );
    chart.name = c.name;
    chart.title.text = c.title;
    chart.legend.visible = false;
    const series = chart.series.getItemAt(0);
    series.name = c.seriesName;
    series.setXAxisValues(sheet.getRange(c.categories));
    series.hasDataLabels = true;
    series.format.fill.setSolidColor(hex(c.colors[0] ?? "5B9BD5"));
    if (c.colors.length > 1)
      c.colors.forEach((color, i) => series.points.getItemAt(i).format.fill.setSolidColor(hex(color)));
    if (c.axis?.min !== undefined) chart.axes.valueAxis.minimum = c.axis.min;
    if (c.axis?.max !== undefined) chart.axes.valueAxis.maximum = c.axis.max;
    chart.setPosition(cellOf(c.from), cellOf(c.to));
  }
}
