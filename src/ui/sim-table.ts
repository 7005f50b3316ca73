// A small text table for the simulator: plain cells, widths fitted to the terminal, and a style per
// line (colours are applied after padding, so alignment never depends on escape codes).

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** May be cut (with …) when the table is wider than the terminal; the widest such column first. */
  shrink?: boolean;
  /** Narrowest a shrinkable column may get. */
  min?: number;
  /** When shrinking is not enough, columns with a drop rank are left out, lowest rank first. */
  drop?: number;
}

export type TableRow = { cells: string[]; style?: (line: string) => string } | { separator: string; style?: (line: string) => string };

export interface TableOptions {
  width: number;
  gap?: number;
  indent?: number;
  headerStyle?: (line: string) => string;
}

export function renderTable(allColumns: readonly Column[], allRows: readonly TableRow[], opts: TableOptions): string[] {
  const gap = opts.gap ?? 2;
  let keep = allColumns.map((_, i) => i);
  const natural = (i: number): number =>
    Math.max(allColumns[i]!.header.length, ...allRows.map((r) => ('cells' in r ? (r.cells[i]?.length ?? 0) : 0)));
  const minimum = (i: number): number => {
    const c = allColumns[i]!;
    return c.shrink ? Math.min(natural(i), Math.max(c.min ?? 4, c.header.length)) : natural(i);
  };
  const room = (cols: number[]): number => opts.width - (opts.indent ?? 0) - gap * (cols.length - 1);
  while (keep.reduce((a, i) => a + minimum(i), 0) > room(keep)) {
    const droppable = keep.filter((i) => allColumns[i]!.drop !== undefined);
    if (droppable.length === 0) break;
    const victim = droppable.reduce((a, b) => (allColumns[b]!.drop! < allColumns[a]!.drop! ? b : a));
    keep = keep.filter((i) => i !== victim);
  }
  const columns = keep.map((i) => allColumns[i]!);
  const rows: TableRow[] = allRows.map((r) => ('cells' in r ? { ...r, cells: keep.map((i) => r.cells[i] ?? '') } : r));
  const indent = ' '.repeat(opts.indent ?? 0);
  const widths = columns.map((c) => c.header.length);
  for (const r of rows) {
    if (!('cells' in r)) continue;
    r.cells.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  fit(columns, widths, opts.width - indent.length - gap * (columns.length - 1));
  const line = (cells: readonly string[]): string =>
    indent +
    cells
      .map((cell, i) => {
        const w = widths[i]!;
        const text = cut(cell, w);
        const last = i === cells.length - 1;
        return columns[i]?.align === 'right' ? text.padStart(w) : last ? text : text.padEnd(w);
      })
      .join(' '.repeat(gap))
      .trimEnd();
  const out: string[] = [];
  const head = line(columns.map((c) => c.header));
  out.push(opts.headerStyle ? opts.headerStyle(head) : head);
  for (const r of rows) {
    const text = 'cells' in r ? line(r.cells) : indent + cut(r.separator, opts.width - indent.length);
    out.push(r.style ? r.style(text) : text);
  }
  return out;
}

/** Shrinks shrinkable columns (widest first) until the total fits, never below their minimum. */
function fit(columns: readonly Column[], widths: number[], room: number): void {
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > room) {
    let widest = -1;
    columns.forEach((c, i) => {
      if (c.shrink && widths[i]! > Math.max(c.min ?? 4, c.header.length) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    });
    if (widest < 0) return;
    widths[widest] = widths[widest]! - 1;
    total--;
  }
}

export function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= 1) return text.slice(0, width);
  return text.slice(0, width - 1).trimEnd() + '…';
}
