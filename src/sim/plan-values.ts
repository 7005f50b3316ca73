// The values of simulate flags, one flag at a time: server lists, events, percentages, whole
// numbers, sequences and --compare lists, read from the text as typed. Pure: a bad value throws a
// PlanProblem in the one flag style (`--flag must be …; got '…'.`, lib/flag-message.ts), quoting the
// value as typed; plan.ts turns those into a list of problems.
import { mustBe } from '../lib/flag-message.js';
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

/** `FLAG must be WHAT; got 'TYPED'.` as a PlanProblem. */
export function badValue(flag: string, typed: string, what: string): PlanProblem {
  return new PlanProblem(mustBe(flag, what, typed));
}

export function numberedServers(count: number): ServerSpec[] {
  return Array.from({ length: count }, (_, i) => ({ name: `s${i + 1}`, weight: 1 }));
}

/** What --servers takes, with an example; `why` names the part that is wrong. */
function serversWhat(why?: string): string {
  return `a count from 1 to ${LIMITS.servers} or names with weights, e.g. 3 or a:2,b,c${why ? ` (${why})` : ''}`;
}

/** `3` (servers s1..s3) or `a:2,b:1,c` (names with optional weights). */
export function parseServers(text: string): ServerSpec[] {
  const t = text.trim();
  if (/^[+-]?\d+$/.test(t)) {
    const count = Number(t);
    if (count < 1 || count > LIMITS.servers) throw badValue('--servers', text, serversWhat());
    return numberedServers(count);
  }
  // A count is a bare whole number: 1e3, 2.5 or 0x10 would otherwise become one server with that name.
  if (looksNumeric(t)) throw badValue('--servers', text, serversWhat());
  const out: ServerSpec[] = [];
  for (const part of t.split(',')) {
    const m = /^([^:]*)(?::(.*))?$/.exec(part.trim())!;
    const name = m[1]!;
    if (!NAME.test(name)) throw badValue('--servers', text, serversWhat(`"${name}" is not a name: use letters, digits, _ . -`));
    if (looksNumeric(name)) throw badValue('--servers', text, serversWhat(`"${name}" is a number: give a count alone or names`));
    if (out.some((s) => s.name === name)) throw badValue('--servers', text, `names given once each (${name} is named twice)`);
    const weight = m[2] === undefined ? 1 : weightOf('--servers', text, m[2]);
    out.push({ name, weight });
  }
  if (out.length > LIMITS.servers) throw badValue('--servers', text, `at most ${LIMITS.servers} servers (${out.length} given)`);
  return out;
}

/** Text JavaScript would read as a number (1e3, 2.5, .5, 0x10, Infinity): never a server name. */
function looksNumeric(text: string): boolean {
  return text.trim() !== '' && !Number.isNaN(Number(text));
}

function weightOf(flag: string, text: string, w: string): number {
  if (!/^\d+$/.test(w) || Number(w) < 1 || Number(w) > LIMITS.weight) {
    const [form, example] = flag === '--add' ? ['SERVER:WEIGHT@REQUEST with a weight', 's4:2@60'] : ['names with weights', 'a:2,b,c'];
    throw badValue(flag, text, `${form} from 1 to ${LIMITS.weight}, e.g. ${example} ("${w}" is not a weight)`);
  }
  return Number(w);
}

/** What an event flag takes, with an example; `why` names the part that is wrong. */
function eventWhat(kind: EventKind, why: string): string {
  const form = kind === 'add' ? 'SERVER[:WEIGHT]@REQUEST, e.g. s4@60 or s4:2@60' : 'SERVER@REQUEST, e.g. s2@40';
  return `${form}${why ? ` (${why})` : ''}`;
}

/** `s2@40`, several separated by commas; `--add` also takes `s4:2@60` (a weight). */
export function parseEvents(kind: EventKind, text: string): SimEvent[] {
  const flag = `--${kind}`;
  return text.split(',').map((part) => {
    const m = /^([^@:]+)(?::([^@]*))?@(.*)$/.exec(part.trim());
    if (!m) throw badValue(flag, text, eventWhat(kind, ''));
    const server = m[1]!;
    if (!NAME.test(server)) throw badValue(flag, text, eventWhat(kind, `"${server}" is not a server name`));
    if (m[2] !== undefined && kind !== 'add') throw badValue(flag, text, eventWhat(kind, 'only --add takes a weight'));
    if (!/^\d+$/.test(m[3]!) || Number(m[3]) < 1) throw badValue(flag, text, eventWhat(kind, `"${m[3]!}" is not a request number of 1 or more`));
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
  if (!(v >= 0 && v <= 100)) throw badValue(flag, text, 'a percentage from 0% to 100%, e.g. 40%');
  if (m![2] !== '%') {
    const digits = m![1]!;
    const what =
      v > 0 && v < 1
        ? `a percentage with the % sign: ${Math.round(v * 1e6) / 1e4}% for a fraction of ${digits}, or ${digits}% for ${digits} percent`
        : `a percentage with the % sign, e.g. ${digits}%`;
    throw badValue(flag, text, what);
  }
  return v / 100;
}

/** A whole number from min to max, given as text: errors quote the text as typed. */
export function integer(flag: string, text: string, min: number, max: number): number {
  const t = text.trim();
  const v = /^[+-]?\d+$/.test(t) ? Number(t) : NaN;
  if (!(v >= min && v <= max)) throw badValue(flag, text, `a whole number ${range(min, max)}`);
  return v;
}

/** `from 1 to 5,000,000`. */
export function range(min: number, max: number): string {
  return `from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
}

export function choice<T extends string>(flag: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw badValue(flag, v, `one of ${allowed.join(', ')}`);
  return v as T;
}

export function parseSequence(text: string): string[] {
  const names = text.split(',').map((s) => s.trim());
  const what = 'user names (letters, digits, _ . -) separated by commas, e.g. A,B,C,A';
  for (const n of names) if (!NAME.test(n)) throw badValue('--sequence', clipped(text), `${what} ("${n}" is not a user name)`);
  if (names.length > LIMITS.sequence) {
    throw badValue('--sequence', clipped(text), `at most ${LIMITS.sequence.toLocaleString('en-US')} user names (${names.length.toLocaleString('en-US')} given)`);
  }
  return names;
}

/** A long value (a sequence may be a megabyte) quoted by its start only. */
function clipped(text: string): string {
  return text.length <= CLIP ? text : `${text.slice(0, CLIP)}…`;
}

const CLIP = 60;

/** What --compare takes; `why` names the configuration that is wrong. */
function compareWhat(why: string): string {
  return `configurations STRATEGY[/STORE[/RR-MODE]] separated by commas${why}`;
}

/** `sticky-cookie/local,round-robin/shared`; each part STRATEGY[/STORE][/RR-MODE]. */
export function parseCompare(text: string, defaults: Variant): Variant[] {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length < 1) throw badValue('--compare', text, compareWhat(', e.g. sticky-cookie/local,round-robin/shared'));
  if (parts.length > LIMITS.compare) throw badValue('--compare', text, `at most ${LIMITS.compare} configurations (${parts.length} given)`);
  return parts.map((p) => {
    const [strategy, store, mode, ...rest] = p.split('/');
    const oneOf = (part: string, list: readonly string[], typed: string) => compareWhat(`, where ${part} is one of ${list.join(', ')} ("${typed}" is not)`);
    if (rest.length > 0) throw badValue('--compare', text, compareWhat(` ("${p}" has too many parts)`));
    if (!(STRATEGIES as readonly string[]).includes(strategy!)) throw badValue('--compare', text, oneOf('STRATEGY', STRATEGIES, strategy!));
    if (store !== undefined && !(STORES as readonly string[]).includes(store)) throw badValue('--compare', text, oneOf('STORE', STORES, store));
    if (mode !== undefined && !(RR_MODES as readonly string[]).includes(mode)) throw badValue('--compare', text, oneOf('RR-MODE', RR_MODES, mode));
    return { strategy: strategy as Strategy, store: (store as Store | undefined) ?? defaults.store, rrMode: (mode as RrMode | undefined) ?? defaults.rrMode };
  });
}
