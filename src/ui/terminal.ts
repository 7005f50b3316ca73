// The terminal as the rest of the program sees it: where text goes, how wide it is, whether to colour.
import { createColors } from 'picocolors';

export type Colors = ReturnType<typeof createColors>;

export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Columns to wrap to: the terminal's width, or 80 when unknown. */
  readonly columns: number;
  /** The terminal's height, when known (practice fits a card's back to it). */
  readonly rows?: number;
  readonly color: boolean;
  readonly c: Colors;
}

interface WritableLike {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

/** Colour only on a terminal without NO_COLOR; FORCE_COLOR (other than 0/false) forces it on. */
export function wantsColor(isTTY: boolean, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (force === '0' || force === 'false') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

export function terminalWidth(columns: number | undefined, env: Record<string, string | undefined>): number {
  const fromEnv = Number(env.COLUMNS);
  const width = columns && columns > 0 ? columns : Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80;
  return Math.max(20, Math.min(width, 200));
}

export function makeOutput(stream: WritableLike, env: Record<string, string | undefined>): Output {
  const isTTY = Boolean(stream.isTTY);
  const color = wantsColor(isTTY, env);
  return {
    write: (text) => void stream.write(text),
    isTTY,
    columns: terminalWidth(stream.columns, env),
    ...(isTTY && stream.rows && stream.rows > 0 ? { rows: stream.rows } : {}),
    color,
    c: createColors(color),
  };
}

/** An Output that collects text; for tests and for rendering into a string. */
export function memoryOutput(opts: { color?: boolean; columns?: number; rows?: number; isTTY?: boolean } = {}): Output & { text(): string } {
  let buf = '';
  const color = opts.color ?? false;
  return {
    write: (t) => void (buf += t),
    isTTY: opts.isTTY ?? false,
    columns: opts.columns ?? 80,
    ...(opts.rows ? { rows: opts.rows } : {}),
    color,
    c: createColors(color),
    text: () => buf,
  };
}
