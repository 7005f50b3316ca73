// The shared checks behind every command's flags. Each check returns the typed value or throws one
// UsageError (exit 2) in one style, `NAME must be …; got 'typed'.`, quoting what was typed (worded
// by lib/flag-message.ts, which the simulator's plan parser uses too). The `coerce` wrappers below
// put them in the yargs builders (src/cli.ts, lab-flags.ts, simulate-flags.ts), so a handler
// receives numbers as numbers and a depth as a Depth; settings typed as text (`config set depth
// brief`) go through the same checks. Loaded on every start: keep it free of heavy imports.
import { UsageError } from '../errors.js';
import { mustBe } from '../lib/flag-message.js';

/**
 * yargs turns an error thrown in `coerce` into its own YError that keeps only the message; the
 * failure handler (`yargsFailure`) takes the original back so it reaches the user exactly as written.
 */
let pending: UsageError | null = null;

/** A repeated flag arrives as an array: the last one wins, as usual on command lines. */
export function lastValue(v: unknown): unknown {
  return Array.isArray(v) ? v[v.length - 1] : v;
}

/** `from 1 to 16`, `of at least 1`, `of 0 or more`: the range a whole number must be in. */
function range(min: number, max: number): string {
  if (max < Number.MAX_SAFE_INTEGER) return `from ${min} to ${max}`;
  return min === 0 ? 'of 0 or more' : `of at least ${min}`;
}

/** Text made of digits only (no sign, point or exponent) as a number; NaN for anything else. */
function digits(v: unknown): number {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  return /^\d+$/.test(text) ? Number(text) : NaN;
}

/** A whole number in [min, max] (no upper bound by default), as typed or as a number. */
export function checkWholeNumber(name: string, v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = digits(v);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(mustBe(name, `a whole number ${range(min, max)}`, v));
  return n;
}

/** A comma-separated list of whole numbers in [min, max] (`2,1,1`). */
export function checkWholeNumbers(name: string, v: unknown, min: number, max: number, example: string): number[] {
  const parts = typeof v === 'string' ? v.split(',') : typeof v === 'number' ? [String(v)] : [];
  const ns = parts.map(digits);
  if (ns.length === 0 || ns.some((n) => !Number.isSafeInteger(n) || n < min || n > max)) {
    throw new UsageError(mustBe(name, `whole numbers ${range(min, max)} separated by commas, like ${example}`, v));
  }
  return ns;
}

/** One of `choices`, exactly as listed. */
export function checkOneOf<T extends string>(name: string, v: unknown, choices: readonly T[]): T {
  if (typeof v === 'string' && (choices as readonly string[]).includes(v)) return v as T;
  throw new UsageError(mustBe(name, `one of ${choices.join(', ')}`, v));
}

/** Text that `accept` takes (it may normalise it; null refuses), else `NAME must be WHAT`. */
export function checkText(name: string, v: unknown, what: string, accept: (v: string) => string | null): string {
  const ok = typeof v === 'string' ? accept(v) : null;
  if (ok === null) throw new UsageError(mustBe(name, what, v));
  return ok;
}

/**
 * A switch typed with a value (`--json=yes`): yargs reads every value but `true` as false, so
 * `--json=1` would quietly print text. `true` and `false` are kept (scripts write them); anything
 * else is refused. Looked for in what was typed, since `coerce` only ever sees the boolean; the
 * switches are the command's own boolean options (`switches`), so no list is kept by hand.
 */
export function checkSwitches(argv: readonly string[], switches: readonly string[]): void {
  const end = argv.indexOf('--');
  for (const arg of end < 0 ? argv : argv.slice(0, end)) {
    const typed = /^--([^=]+)=(.*)$/s.exec(arg);
    if (!typed) continue;
    // yargs takes `--printConfig` for `--print-config`.
    const name = typed[1]!.replace(/[A-Z]/g, (l) => `-${l.toLowerCase()}`);
    const value = typed[2]!;
    if (switches.includes(name) && value !== 'true' && value !== 'false') {
      throw new UsageError(mustBe(`--${name}`, 'true or false (a switch takes no value)', value));
    }
  }
}

/** A check as a yargs `coerce` for `--flag`: the last of a repeated flag, its error kept for `yargsFailure`. */
export function coerce<T>(check: (v: unknown) => T): (raw: unknown) => T {
  return (raw) => {
    try {
      return check(lastValue(raw));
    } catch (err) {
      if (err instanceof UsageError) pending = err;
      throw err;
    }
  };
}

/** `coerce` for a whole number in [min, max] (no upper bound by default). */
export function wholeNumber(flag: string, min: number, max?: number): (raw: unknown) => number {
  return coerce((v) => checkWholeNumber(`--${flag}`, v, min, max));
}

/** `coerce` for a comma-separated list of whole numbers in [min, max]. */
export function wholeNumbers(flag: string, min: number, max: number, example: string): (raw: unknown) => number[] {
  return coerce((v) => checkWholeNumbers(`--${flag}`, v, min, max, example));
}

/**
 * `coerce` for a flag with `choices`: checked here so the message has the one style (yargs would
 * check the choice after coercing, in its own words); `choices` stays for --help.
 */
export function oneOf<T extends string>(flag: string, choices: readonly T[]): (raw: unknown) => T {
  return coerce((v) => checkOneOf(`--${flag}`, v, choices));
}

/** `coerce` for text that `accept` takes. */
export function text(flag: string, what: string, accept: (v: string) => string | null): (raw: unknown) => string {
  return coerce((v) => checkText(`--${flag}`, v, what, accept));
}

/** `coerce` for free text (a deck id, a seed): the last of a repeated flag, as text. */
export const lastText = (raw: unknown): string => String(lastValue(raw));

// A text flag typed without its value (`--deck --json`, `--deck` last) arrives as ''.
const given = (v: string): string | null => (v.trim() === '' ? null : v);

/** `coerce` for free text that must be given (a deck id, a seed): the last of a repeated flag. */
export function someText(flag: string, what: string): (raw: unknown) => string {
  return text(flag, what, given);
}

/** `coerce` for a repeatable flag (`--content A --content B`): every value given, as a list. */
export function someTexts(flag: string, what: string): (raw: unknown) => string[] {
  const one = coerce((v) => checkText(`--${flag}`, v, what, given));
  return (raw) => (Array.isArray(raw) ? raw : [raw]).map(one);
}

/** The `.fail()` handler of a yargs parser: every complaint becomes a UsageError (exit 2), worded by `describe`. */
export function yargsFailure(describe: (msg: string) => string): (msg: string | null, err: Error | undefined) => never {
  return (msg, err) => {
    // yargs' own complaints (e.g. a flag missing its value) arrive as a YError: usage, not a bug.
    if (err && err.name !== 'YError') throw err;
    const text = msg ?? err?.message ?? 'Invalid arguments.';
    const ours = pending;
    pending = null;
    if (ours && ours.message === text) throw ours;
    throw new UsageError(describe(text));
  };
}
