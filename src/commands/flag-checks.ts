// The shared checks behind every command's flags, for yargs' `coerce`: each returns the typed value
// or throws one UsageError in one style, `--flag must be … (got 'typed')`, quoting what was typed.
// Commands adopt these instead of parsing their own flags (see commands/lab-flags.ts).
import { UsageError } from '../errors.js';

/**
 * yargs turns an error thrown in `coerce` into its own YError that keeps only the message; the
 * failure handler (`yargsFailure`) takes the original back so it reaches the user exactly as written.
 */
let pending: UsageError | null = null;

/** A flag's value is wrong: the error to throw from a `coerce` or a cross-flag check. */
export function flagError(message: string): UsageError {
  pending = new UsageError(message);
  return pending;
}

/** A repeated flag arrives as an array: the last one wins, as usual on command lines. */
export function lastValue(v: unknown): unknown {
  return Array.isArray(v) ? v[v.length - 1] : v;
}

/** `coerce` for a whole number in [min, max], read from text so a mistake is quoted as typed. */
export function wholeNumber(flag: string, min: number, max: number): (v: unknown) => number {
  return (raw) => {
    const v = lastValue(raw);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < min || n > max) throw flagError(`--${flag} must be a whole number from ${min} to ${max} (got '${String(v)}').`);
    return n;
  };
}

/** `coerce` for a comma-separated list of whole numbers in [min, max] (`2,1,1`), quoted as typed when wrong. */
export function wholeNumbers(flag: string, min: number, max: number, example: string): (v: unknown) => number[] {
  return (raw) => {
    const v = lastValue(raw);
    const parts = typeof v === 'string' ? v.split(',').map((p) => p.trim()) : typeof v === 'number' ? [String(v)] : [];
    const ns = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
    if (ns.length === 0 || ns.some((n) => !Number.isInteger(n) || n < min || n > max)) {
      throw flagError(`--${flag} must be whole numbers from ${min} to ${max} separated by commas, like ${example} (got '${String(v)}').`);
    }
    return ns;
  };
}

/** `coerce` for text that `accept` takes (it may normalise it; null refuses), else `--flag must be WHAT`. */
export function text(flag: string, what: string, accept: (v: string) => string | null): (v: unknown) => string {
  return (raw) => {
    const v = lastValue(raw);
    const ok = typeof v === 'string' ? accept(v) : null;
    if (ok === null) throw flagError(`--${flag} must be ${what} (got '${String(v)}').`);
    return ok;
  };
}

/** `coerce` for a `choices` flag: the last of a repeated flag, typed as one of `choices` (yargs checks the choice after coercing). */
export function lastOf<T extends string>(_choices: readonly T[]): (raw: unknown) => T {
  return (raw) => lastValue(raw) as T;
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
