// Problems grouped by sheet (in workbook order), errors first. In Excel a problem with a cell is a
// button that selects the cell; outside Excel the button shows the cell's sheet, address and current
// value instead. Workbook text is rendered as React text only.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { ReactElement } from "react";
import { useState } from "react";
import type { RawWorkbook } from "../../domain/model/raw";
import type { Problem } from "../../domain/rules/problems";
import { paneStrings } from "../strings";
import { cellDetails } from "./cellDetails";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  sheetName: { fontWeight: tokens.fontWeightSemibold },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    boxSizing: "border-box",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: "3px solid transparent",
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
  },
  button: {
    border: "none",
    borderLeft: "3px solid transparent",
    background: "transparent",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  errorItem: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warningItem: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  meta: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  message: { whiteSpace: "normal", overflowWrap: "anywhere" },
  detailsBox: {
    margin: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  pair: { display: "contents" },
  details: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    overflowWrap: "anywhere",
  },
  term: { color: tokens.colorNeutralForeground2 },
  definition: { margin: 0, minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface SheetGroup {
  sheet: string;
  problems: Problem[];
  errors: number;
  warnings: number;
}

/** Groups keep the order of the (already sorted) problems; inside a group errors come first. */
export function groupBySheet(problems: Problem[]): SheetGroup[] {
  const groups = new Map<string, SheetGroup>();
  for (const p of problems) {
    let g = groups.get(p.sheet);
    if (!g) groups.set(p.sheet, (g = { sheet: p.sheet, problems: [], errors: 0, warnings: 0 }));
    g.problems.push(p);
    if (p.severity === "error") g.errors++;
    else g.warnings++;
  }
  for (const g of groups.values()) {
    g.problems = [
      ...g.problems.filter((p) => p.severity === "error"),
      ...g.problems.filter((p) => p.severity !== "error"),
    ];
  }
  return [...groups.values()];
}

export interface ProblemListProps {
  problems: Problem[];
  /** The workbook as read: outside Excel a problem shows its cell's current value from it. */
  raw?: RawWorkbook;
  /** Excel: selects the problem's cell. Absent outside Excel, where a click shows the details. */
  onSelect?: (problem: Problem) => void;
}

export function ProblemList({ problems, raw, onSelect }: ProblemListProps): ReactElement {
  const styles = useStyles();
  const groups = groupBySheet(problems);
  const open = groups.filter((g) => g.errors > 0).map((g) => g.sheet);
  const [shown, setShown] = useState<string | null>(null);
  return (
    <Accordion
      multiple
      collapsible
      defaultOpenItems={open.length > 0 ? open : groups.slice(0, 1).map((g) => g.sheet)}
    >
      {groups.map((g) => (
        <AccordionItem key={g.sheet} value={g.sheet} data-testid={`sheet-${g.sheet}`}>
          <AccordionHeader>
            <span className={styles.header}>
              <span className={styles.sheetName}>{g.sheet}</span>
              {g.errors > 0 && (
                <Badge color="danger" appearance="filled" data-testid="errors">
                  {paneStrings.errorsBadge(g.errors)}
                </Badge>
              )}
              {g.warnings > 0 && (
                <Badge color="warning" appearance="tint" data-testid="warnings">
                  {paneStrings.warningsBadge(g.warnings)}
                </Badge>
              )}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list} aria-label={paneStrings.problemsListLabel(g.sheet)}>
              {g.problems.map((p, i) => {
                const id = `${g.sheet}-${i}`;
                return (
                  <li key={`${p.rule}-${p.cell ?? p.sheet}-${i}`} data-testid="problem" data-rule={p.rule}>
                    <ProblemItem
                      problem={p}
                      onSelect={onSelect}
                      expanded={shown === id}
                      onToggle={() => setShown(shown === id ? null : id)}
                    />
                    {!onSelect && shown === id && <Details problem={p} raw={raw} />}
                  </li>
                );
              })}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

function ProblemItem(props: {
  problem: Problem;
  onSelect?: (p: Problem) => void;
  expanded: boolean;
  onToggle: () => void;
}): ReactElement {
  const styles = useStyles();
  const { problem, onSelect } = props;
  const severityClass = problem.severity === "error" ? styles.errorItem : styles.warningItem;
  const content = (
    <>
      <span className={styles.meta}>
        <Badge size="small" appearance="tint" color={problem.severity === "error" ? "danger" : "warning"}>
          {problem.severity === "error" ? paneStrings.severityError : paneStrings.severityWarning}
        </Badge>
        <Caption1 className={styles.cell} data-testid="problem-cell">
          {problem.cell ?? problem.sheet + (problem.row == null ? ` (${paneStrings.wholeSheet})` : "")}
        </Caption1>
      </span>
      <span className={styles.message}>{problem.message}</span>
    </>
  );
  if (!problem.cell) return <div className={mergeClasses(styles.item, severityClass)}>{content}</div>;
  const cell = problem.cell;
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, styles.button, severityClass)}
      title={onSelect ? paneStrings.goToCell(cell) : paneStrings.showDetails(cell)}
      aria-expanded={onSelect ? undefined : props.expanded}
      onClick={() => (onSelect ? onSelect(problem) : props.onToggle())}
    >
      {content}
    </button>
  );
}

function Details({ problem, raw }: { problem: Problem; raw?: RawWorkbook }): ReactElement {
  const styles = useStyles();
  const d = cellDetails(problem, raw);
  const L = paneStrings.details;
  const rows: [string, string][] = [
    [L.sheet, problem.sheet],
    [L.cell, d.local],
    ...(problem.column ? [[L.column, problem.column] as [string, string]] : []),
    ...(problem.row != null ? [[L.row, String(problem.row)] as [string, string]] : []),
    [L.value, d.value === "" ? L.empty : d.value],
  ];
  return (
    <div className={styles.detailsBox} data-testid="problem-details">
      <dl className={styles.details}>
        {rows.map(([term, value]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.definition}>{value}</dd>
          </div>
        ))}
      </dl>
      <Caption1 className={styles.hint}>{L.hint}</Caption1>
    </div>
  );
}
