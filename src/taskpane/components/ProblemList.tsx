// Problems grouped by sheet (in workbook order), errors first; a problem with a cell is a button that
// selects that cell in Excel. Workbook text is rendered as React text only.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactElement } from "react";
import { paneStrings } from "../strings";
import type { Problem } from "../../domain/rules/problems";

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
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
  },
  button: {
    minWidth: 0,
    fontWeight: tokens.fontWeightRegular,
    justifyContent: "flex-start",
  },
  errorItem: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warningItem: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  meta: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  message: { whiteSpace: "normal", overflowWrap: "anywhere" },
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
    if (!g) {
      g = { sheet: p.sheet, problems: [], errors: 0, warnings: 0 };
      groups.set(p.sheet, g);
    }
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
  /** Absent when the host cannot select cells (standalone page): problems are then plain text. */
  onSelect?: (problem: Problem) => void;
}

export function ProblemList({ problems, onSelect }: ProblemListProps): ReactElement {
  const styles = useStyles();
  const groups = groupBySheet(problems);
  const open = groups.filter((g) => g.errors > 0).map((g) => g.sheet);
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
              {g.problems.map((p, i) => (
                <li key={`${p.rule}-${p.cell ?? p.sheet}-${i}`} data-testid="problem" data-rule={p.rule}>
                  <ProblemItem problem={p} onSelect={onSelect} />
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

function ProblemItem({ problem, onSelect }: { problem: Problem; onSelect?: (p: Problem) => void }) {
  const styles = useStyles();
  const severityClass = problem.severity === "error" ? styles.errorItem : styles.warningItem;
  const content = (
    <span className={`${styles.item} ${severityClass}`}>
      <span className={styles.meta}>
        <Badge size="small" appearance="tint" color={problem.severity === "error" ? "danger" : "warning"}>
          {problem.severity === "error" ? paneStrings.severityError : paneStrings.severityWarning}
        </Badge>
        <Caption1 className={styles.cell} data-testid="problem-cell">
          {problem.cell ?? problem.sheet + (problem.row == null ? ` (${paneStrings.wholeSheet})` : "")}
        </Caption1>
      </span>
      <span className={styles.message}>{problem.message}</span>
    </span>
  );
  if (onSelect && problem.cell) {
    return (
      <Button
        appearance="subtle"
        className={styles.button}
        style={{ padding: 0, width: "100%", height: "auto" }}
        title={paneStrings.goToCell(problem.cell)}
        onClick={() => onSelect(problem)}
      >
        {content}
      </Button>
    );
  }
  return content;
}
