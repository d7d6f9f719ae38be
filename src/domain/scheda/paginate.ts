// Row blocks and page planning. A block is a group of rows that must stay on one page (a phase's
// rows, a paragraph, a heading with what follows). The planner fills pages up to PAGE_BUDGET,
// starting each page with the section's page header and, inside a table or a long text, with the
// rows that block says to repeat (table header, "(segue)" heading).
import type { CellContent } from "../model/sheet";

export interface LayoutCell {
  /** 1-based column. */
  col: number;
  content: CellContent;
  style: string;
  /** Columns and rows the cell spans (merged), default 1. */
  colSpan?: number;
  rowSpan?: number;
}

export interface LayoutRow {
  height: number;
  cells: LayoutCell[];
}

export interface Block {
  rows: LayoutRow[];
  /** Never end a page with this block: it goes to the next page with the block after it. */
  keepWithNext?: boolean;
  /** Rows shown first on a page that this block opens (after the page header). */
  repeat?: LayoutRow[];
}

export interface Section {
  /** Page header rows: first page, continuation pages. */
  header: (continued: boolean) => LayoutRow[];
  blocks: Block[];
}

export const heightOf = (rows: LayoutRow[]): number => rows.reduce((s, r) => s + r.height, 0);

/** Splits a section into pages of rows; every page fits in `budget` points unless one block alone is taller. */
export function paginate(section: Section, budget: number): LayoutRow[][] {
  const pages: LayoutRow[][] = [];
  let page: LayoutRow[] = [...section.header(false)];
  let used = heightOf(page);
  let hasContent = false;
  const { blocks } = section;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    // A chain of keep-with-next blocks travels with the first block that may end a page.
    let need = heightOf(block.rows);
    for (let j = i; blocks[j]?.keepWithNext && j + 1 < blocks.length; j++)
      need += heightOf(blocks[j + 1].rows);
    if (hasContent && used + need > budget) {
      pages.push(page);
      page = [...section.header(true), ...(block.repeat ?? [])];
      used = heightOf(page);
    }
    page.push(...block.rows);
    used += heightOf(block.rows);
    hasContent = true;
  }
  pages.push(page);
  return pages;
}
