// Charts for the Excel emulator: the part of the chart API the add-in uses (worksheet.charts.add,
// chart name/title/legend/setPosition, series name/setXAxisValues/hasDataLabels/fill, point fill,
// value axis bounds). A chart remembers what it was given, for tests to read through /state.
import { areaAddress, type Rect, type SheetState } from "./model";

export interface ChartState {
  type: string;
  /** Source data and categories as "A1:B2" on the chart's sheet. */
  source: string;
  seriesBy: string;
  name?: string;
  title?: string;
  legendVisible?: boolean;
  position?: { start: string; end: string };
  series: {
    name?: string;
    xValues?: string;
    hasDataLabels?: boolean;
    fill?: string;
    pointFills: Record<number, string>;
  };
  valueAxis: { minimum?: number; maximum?: number };
}

const charts = new WeakMap<SheetState, ChartState[]>();

/** The charts of a sheet, in creation order. */
export function chartsOf(sheet: SheetState): ChartState[] {
  let list = charts.get(sheet);
  if (!list) charts.set(sheet, (list = []));
  return list;
}

export type ChartObj =
  | { t: "ChartCollection"; sheet: SheetState }
  | { t: "Chart"; sheet: SheetState; chart: ChartState }
  | { t: "ChartTitle"; chart: ChartState }
  | { t: "ChartLegend"; chart: ChartState }
  | { t: "ChartSeriesCollection"; chart: ChartState }
  | { t: "ChartSeries"; chart: ChartState }
  | { t: "ChartSeriesFormat"; chart: ChartState }
  | { t: "ChartPointsCollection"; chart: ChartState }
  | { t: "ChartPoint"; chart: ChartState; index: number }
  | { t: "ChartPointFormat"; chart: ChartState; index: number }
  | { t: "ChartFill"; chart: ChartState; index: number | null }
  | { t: "ChartAxes"; chart: ChartState }
  | { t: "ChartAxis"; chart: ChartState };

export function isChartObj(o: { t: string }): o is ChartObj {
  return o.t.startsWith("Chart");
}

type RangeLike = { t: string; sheet?: SheetState; rect?: Rect };
function rangeArg(v: unknown, what: string): string {
  const r = v as RangeLike | null;
  if (!r || r.t !== "Range" || !r.rect) throw new Error(`${what}: serve un oggetto Range`);
  return areaAddress(r.rect);
}

/** Navigation (ObjectPathType 4) from a chart object; null when not modelled. */
export function chartNavigate(o: ChartObj, name: string): ChartObj | null {
  if (o.t === "Chart") {
    if (name === "Title") return { t: "ChartTitle", chart: o.chart };
    if (name === "Legend") return { t: "ChartLegend", chart: o.chart };
    if (name === "Series") return { t: "ChartSeriesCollection", chart: o.chart };
    if (name === "Axes") return { t: "ChartAxes", chart: o.chart };
  }
  if (o.t === "ChartSeries") {
    if (name === "Points") return { t: "ChartPointsCollection", chart: o.chart };
    if (name === "Format") return { t: "ChartSeriesFormat", chart: o.chart };
  }
  if (o.t === "ChartSeriesFormat" && name === "Fill") return { t: "ChartFill", chart: o.chart, index: null };
  if (o.t === "ChartPoint" && name === "Format")
    return { t: "ChartPointFormat", chart: o.chart, index: o.index };
  if (o.t === "ChartPointFormat" && name === "Fill")
    return { t: "ChartFill", chart: o.chart, index: o.index };
  if (o.t === "ChartAxes" && name === "ValueAxis") return { t: "ChartAxis", chart: o.chart };
  return null;
}

/** A method call on a chart object; undefined when not modelled. */
export function chartMethod(o: ChartObj, name: string, args: unknown[]): ChartObj | null | undefined {
  if (o.t === "ChartCollection" && name === "Add") {
    const chart: ChartState = {
      type: String(args[0]),
      source: rangeArg(args[1], "charts.add"),
      seriesBy: String(args[2] ?? "Auto"),
      series: { pointFills: {} },
      valueAxis: {},
    };
    chartsOf(o.sheet).push(chart);
    return { t: "Chart", sheet: o.sheet, chart };
  }
  if (o.t === "Chart" && name === "SetPosition") {
    o.chart.position = { start: String(args[0]), end: String(args[1] ?? args[0]) };
    return null;
  }
  if (o.t === "ChartSeriesCollection" && name === "GetItemAt" && Number(args[0]) === 0)
    return { t: "ChartSeries", chart: o.chart };
  if (o.t === "ChartSeries" && name === "SetXAxisValues") {
    o.chart.series.xValues = rangeArg(args[0], "setXAxisValues");
    return null;
  }
  if (o.t === "ChartPointsCollection" && name === "GetItemAt")
    return { t: "ChartPoint", chart: o.chart, index: Number(args[0]) };
  if (o.t === "ChartFill" && name === "SetSolidColor") {
    const color = String(args[0]).replace(/^#/, "").toUpperCase();
    if (o.index === null) o.chart.series.fill = color;
    else o.chart.series.pointFills[o.index] = color;
    return null;
  }
  return undefined;
}

/** A property write on a chart object; false when not modelled. */
export function chartSet(o: ChartObj, name: string, v: unknown): boolean {
  if (o.t === "Chart" && name === "Name") o.chart.name = String(v);
  else if (o.t === "ChartTitle" && name === "Text") o.chart.title = String(v);
  else if (o.t === "ChartLegend" && name === "Visible") o.chart.legendVisible = Boolean(v);
  else if (o.t === "ChartSeries" && name === "Name") o.chart.series.name = String(v);
  else if (o.t === "ChartSeries" && name === "HasDataLabels") o.chart.series.hasDataLabels = Boolean(v);
  else if (o.t === "ChartAxis" && name === "Minimum") o.chart.valueAxis.minimum = Number(v);
  else if (o.t === "ChartAxis" && name === "Maximum") o.chart.valueAxis.maximum = Number(v);
  else return false;
  return true;
}
