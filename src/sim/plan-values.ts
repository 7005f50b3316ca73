// The values of simulate flags, one flag at a time: server lists, events, percentages, whole
// numbers, sequences and --compare lists, read from the text as typed. Pure: a bad value throws a
// PlanProblem naming the flag and quoting the value; plan.ts turns those into a list of problems.
import {
  RR_MODES,
  STORES,
  STRATEGIES,
  type EventKind,
  type RrMode,
  type ServerSpec,
  type SimEvent,
  type Store,
  type Strategy,
  type Variant,
} from './model.js';

/** One thing wrong with the flags, worded for the person who typed them. */
export class PlanProblem extends Error {
  override name = 'PlanProblem';
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

export const LIMITS = {
  servers: 256,
  /** HAProxy's `weight` range is 0-256 (0 takes a server out of rotation): 1-256, as the lab's --weights. */
  weight: 256,
  users: 5_000_000,
  requests: 100_000_000,
  sequence: 100_000,
  compare: 6,
  /** Requests kept (and printed) one by one with --trace or --step, all configurations together. */
  trace: 100_000,
};

const NAME = /^[A-Za-z0-9_.-]{1,24}$/;

export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

export function usage(flag: string, value: string, why: string): PlanProblem {
  return new PlanProblem(`${flag} ${value}: ${why}.`);
}

export function numberedServers(count: number): ServerSpec[] {
  return Array.from({ length: count }, (_, i) => ({ name: `s${i + 1}`, weight: 1 }));
}

/** `3` (servers s1..s3) or `a:2,b:1,c` (names with optional weights). */
export function parseServers(text: string): ServerSpec[] {
  const t = text.trim();
  if (/^[+-]?\d+$/.test(t)) {
    const count = Number(t);
    if (count < 1) throw usage('--servers', text, 'need at least 1 server');
    if (count > LIMITS.servers) throw usage('--servers', text, `at most ${LIMITS.servers} servers`);
    return numberedServers(count);
  }
  // A count is a bare whole number: 1e3, 2.5 or 0x10 would otherwise become one server with that name.
  if (looksNumeric(t)) throw usage('--servers', shown(text), 'a count must be a whole number, e.g. --servers 3 (or give names: --servers a,b,c)');
  const out: ServerSpec[] = [];
  for (const part of t.split(',')) {
    const m = /^([^:]*)(?::(.*))?$/.exec(part.trim())!;
    const name = m[1]!;
    if (!NAME.test(name)) throw usage('--servers', text, `"${name}" is not a server name (letters, digits, _ . -)`);
    if (looksNumeric(name)) throw usage('--servers', text, `"${name}": give a count alone (--servers 3) or names (--servers a,b,c)`);
    if (out.some((s) => s.name === name)) throw usage('--servers', text, `${name} is named twice`);
    const weight = m[2] === undefined ? 1 : weightOf('--servers', text, m[2]);
    out.push({ name, weight });
  }
  if (out.length > LIMITS.servers) throw usage('--servers', text, `at most ${LIMITS.servers} servers`);
  return out;
}

/** Text JavaScript would read as a number (1e3, 2.5, .5, 0x10, Infinity): never a server name. */
function looksNumeric(text: string): boolean {
  return text.trim() !== '' && !Number.isNaN(Number(text));
}

function weightOf(flag: string, text: string, w: string): number {
  if (!/^\d+$/.test(w) || Number(w) < 1 || Number(w) > LIMITS.weight) {
    throw usage(flag, text, `weight "${w}" must be a whole number from 1 to ${LIMITS.weight}`);
  }
  return Number(w);
}

/** `s2@40`, several separated by commas; `--add` also takes `s4:2@60` (a weight). */
export function parseEvents(kind: EventKind, text: string): SimEvent[] {
  const flag = `--${kind}`;
  return text.split(',').map((part) => {
    const m = /^([^@:]+)(?::([^@]*))?@(.*)$/.exec(part.trim());
    if (!m) throw usage(flag, text, `write SERVER@REQUEST, e.g. ${flag} s2@40`);
    const server = m[1]!;
    if (!NAME.test(server)) throw usage(flag, text, `"${server}" is not a server name`);
    if (m[2] !== undefined && kind !== 'add') throw usage(flag, text, 'only --add takes a weight');
    if (!/^\d+$/.test(m[3]!) || Number(m[3]) < 1) throw usage(flag, text, `"${m[3]!}" is not a request number (1 or more)`);
    const e: SimEvent = { kind, server, at: Number(m[3]) };
    if (kind === 'add') e.weight = m[2] === undefined ? 1 : weightOf(flag, text, m[2]);
    return e;
  });
}

/**
 * `40%` or `12.5%`: a share from 0% to 100%, returned as 0..1. The % sign is required: `0.4` could mean
 * 0.4% or a fraction (40%), so it is refused with a message that offers both readings.
 */
export function percent(flag: string, text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  const v = m ? Number(m[1]) : NaN;
  if (!(v >= 0 && v <= 100)) throw usage(flag, shown(text), 'must be a percentage from 0% to 100%, e.g. 40%');
  if (m![2] !== '%') {
    const digits = m![1]!;
    const why =
      v > 0 && v < 1
        ? `write a percentage with the % sign: ${flag} ${Math.round(v * 1e6) / 1e4}% for a fraction of ${digits}, or ${flag} ${digits}% for ${digits} percent`
        : `write a percentage with the % sign, e.g. ${flag} ${digits}%`;
    throw usage(flag, shown(text), why);
  }
  return v / 100;
}

/** A whole number from min to max, given as text: errors quote the text as typed. */
export function integer(flag: string, text: string, min: number, max: number): number {
  const range = `from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  const t = text.trim();
  if (!/^[+-]?\d+$/.test(t)) throw usage(flag, shown(text), `not a whole number; give one ${range}`);
  const v = Number(t);
  if (v < min || v > max) throw usage(flag, shown(text), `must be a whole number ${range}`);
  return v;
}

/** A value as the user typed it; quoted when it would otherwise be invisible or ambiguous. */
function shown(text: string): string {
  return text === '' || /\s/.test(text) ? JSON.stringify(text) : text;
}

export function choice<T extends string>(flag: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw usage(flag, v, `choose one of ${allowed.join(', ')}`);
  return v as T;
}

export function parseSequence(text: string): string[] {
  const names = text.split(',').map((s) => s.trim());
  for (const n of names) if (!NAME.test(n)) throw usage('--sequence', text, `"${n}" is not a user name (letters, digits, _ . -)`);
  if (names.length > LIMITS.sequence) throw usage('--sequence', '…', `at most ${LIMITS.sequence.toLocaleString('en-US')} requests`);
  return names;
}

/** `sticky-cookie/local,round-robin/shared`; each part STRATEGY[/STORE][/RR-MODE]. */
export function parseCompare(text: string, defaults: Variant): Variant[] {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length < 1) throw usage('--compare', text, 'give configurations like sticky-cookie/local,round-robin/shared');
  if (parts.length > LIMITS.compare) throw usage('--compare', text, `compare at most ${LIMITS.compare} configurations`);
  return parts.map((p) => {
    const [strategy, store, mode, ...rest] = p.split('/');
    const where = `"${p}"`;
    if (rest.length > 0) throw usage('--compare', text, `${where}: write STRATEGY/STORE or STRATEGY/STORE/RR-MODE`);
    if (!(STRATEGIES as readonly string[]).includes(strategy!)) throw usage('--compare', text, `${where}: strategy must be one of ${STRATEGIES.join(', ')}`);
    if (store !== undefined && !(STORES as readonly string[]).includes(store)) throw usage('--compare', text, `${where}: store must be one of ${STORES.join(', ')}`);
    if (mode !== undefined && !(RR_MODES as readonly string[]).includes(mode)) throw usage('--compare', text, `${where}: rr-mode must be one of ${RR_MODES.join(', ')}`);
    return { strategy: strategy as Strategy, store: (store as Store | undefined) ?? defaults.store, rrMode: (mode as RrMode | undefined) ?? defaults.rrMode };
  });
}
