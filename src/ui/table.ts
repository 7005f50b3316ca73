// Text tables: `table` pads plain rows to their widest cell; `renderTable` also fits the columns to
// the terminal, with a style per line (colours are applied after padding, so alignment never
// depends on escape codes).
//
// Fitting, in order, until the table fits the width: leave out droppable columns (lowest rank
// first), use the columns' short headers (or earlier: see abbreviateAt), split the columns into several tables that repeat the
// leading ones (when `repeat` is set), cut shrinkable columns (with …). Whatever still does not fit
// is cut at the width: no line is ever wider than `width`.

export interface Column {
  header: string;
  /** A shorter header for narrow terminals. */
  short?: string;
  align?: 'left' | 'right';
  /** May be cut (with …), header included, when the table is wider than the terminal; the widest such column first. */
  shrink?: boolean;
  /** Narrowest a shrinkable column may get (default 4). */
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
  /** Short headers are used before columns of this drop rank (or higher) are left out; default: after all. */
  abbreviateAt?: number;
  /**
   * When the columns cannot fit side by side, split them into several tables, one under the other,
   * each repeating the first `repeat` columns (e.g. the request number and the user).
   */
  repeat?: number;
}

export function renderTable(columns: readonly Column[], rows: readonly TableRow[], opts: TableOptions): string[] {
  const gap = opts.gap ?? 2;
  const indent = opts.indent ?? 0;
  // Widest cell of each column, by a loop: a table may have 100,000 rows.
  const cellW = columns.map(() => 0);
  for (const r of rows) {
    if (!('cells' in r)) continue;
    for (let i = 0; i < columns.length; i++) {
      const len = r.cells[i]?.length ?? 0;
      if (len > cellW[i]!) cellW[i] = len;
    }
  }
  let short = false;
  const header = (i: number): string => (short ? (columns[i]!.short ?? columns[i]!.header) : columns[i]!.header);
  const natural = (i: number): number => Math.max(cellW[i]!, header(i).length);
  const minimum = (i: number): number => (columns[i]!.shrink ? Math.min(natural(i), columns[i]!.min ?? 4) : natural(i));
  const needed = (cols: readonly number[]): number => indent + cols.reduce((a, i) => a + minimum(i), 0) + gap * (cols.length - 1);

  let keep = columns.map((_, i) => i);
  const abbreviateAt = opts.abbreviateAt ?? Infinity;
  while (needed(keep) > opts.width) {
    const droppable = keep.filter((i) => columns[i]!.drop !== undefined);
    const victim = droppable.length > 0 ? droppable.reduce((a, b) => (columns[b]!.drop! < columns[a]!.drop! ? b : a)) : -1;
    if (!short && (victim < 0 || columns[victim]!.drop! >= abbreviateAt)) {
      short = true;
      continue;
    }
    if (victim < 0) break;
    keep = keep.filter((i) => i !== victim);
  }

  const groups: number[][] = [];
  const repeat = opts.repeat ?? 0;
  if (repeat > 0 && needed(keep) > opts.width && keep.length > repeat + 1) {
    const lead = keep.slice(0, repeat);
    let group = [...lead];
    for (const i of keep.slice(repeat)) {
      if (group.length > lead.length && needed([...group, i]) > opts.width) {
        groups.push(group);
        group = [...lead];
      }
      group.push(i);
    }
    groups.push(group);
  } else {
    groups.push(keep);
  }

  const out: string[] = [];
  groups.forEach((group, g) => {
    if (g > 0) out.push('');
    const widths = group.map(natural);
    fit(group.map((i) => columns[i]!), widths, opts.width - indent - gap * (group.length - 1));
    appendLines(out, renderGroup(group.map((i) => ({ ...columns[i]!, header: header(i) })), group, widths, rows, opts, gap));
  });
  return out;
}

function renderGroup(columns: readonly Column[], keep: readonly number[], widths: readonly number[], rows: readonly TableRow[], opts: TableOptions, gap: number): string[] {
  const indent = ' '.repeat(opts.indent ?? 0);
  const sep = ' '.repeat(gap);
  const line = (cells: readonly string[]): string => {
    let text = indent;
    for (let i = 0; i < cells.length; i++) {
      const w = widths[i]!;
      const cell = cut(cells[i]!, w);
      if (i > 0) text += sep;
      text += columns[i]!.align === 'right' ? cell.padStart(w) : i === cells.length - 1 ? cell : cell.padEnd(w);
    }
    return cut(text.trimEnd(), opts.width);
  };
  const out: string[] = [];
  const head = line(columns.map((c) => c.header));
  out.push(opts.headerStyle ? opts.headerStyle(head) : head);
  for (const r of rows) {
    const text = 'cells' in r ? line(keep.map((i) => r.cells[i] ?? '')) : indent + cut(r.separator, opts.width - indent.length);
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
      if (c.shrink && widths[i]! > (c.min ?? 4) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    });
    if (widest < 0) return;
    widths[widest] = widths[widest]! - 1;
    total--;
  }
}

export function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  if (width <= 1) return text.slice(0, Math.max(0, width));
  return text.slice(0, width - 1).trimEnd() + '…';
}

/** Appends lines one by one: `out.push(...lines)` overflows the call stack for long tables. */
export function appendLines(out: string[], lines: readonly string[]): string[] {
  for (const l of lines) out.push(l);
  return out;
}

/**
 * Columns padded to their widest cell, `gap` spaces apart; `right` marks right-aligned columns.
 * Width is counted in code points.
 */
export function table(rows: readonly (readonly string[])[], right: readonly boolean[] = [], gap = 2): string[] {
  const width = (s: string) => [...s].length;
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - width(cell));
        return right[i] ? pad + cell : cell + pad;
      })
      .join(' '.repeat(gap))
      .trimEnd(),
  );
}
