// What the lab runs with (LabOptions, checked by the command layer: commands/lab-flags.ts), its
// defaults and limits, and the names it gives things. Pure: no I/O, cheap to import.
import type { RrMode, Strategy } from '../sim/model.js';

export const BALANCERS = ['builtin', 'haproxy'] as const;
export type BalancerKind = (typeof BALANCERS)[number];

export const LAB_STORES = ['memory', 'redis'] as const;
export type LabStore = (typeof LAB_STORES)[number];

export const SCRIPTS = ['sticky', 'failover', 'scale-out'] as const;
export type ScriptName = (typeof SCRIPTS)[number];

export const LAB_DEFAULTS = {
  backends: 3,
  port: 8080,
  host: '127.0.0.1',
  balancer: 'builtin' as BalancerKind,
  store: 'memory' as LabStore,
  redisUrl: 'redis://127.0.0.1:6379',
  strategy: 'sticky-cookie' as Strategy,
  rrMode: 'haproxy' as RrMode,
};

export const LAB_LIMITS = {
  /** Backends at most, counting the ones added while the lab runs (HAProxy gets this many server slots). */
  backends: 16,
  /** Request bodies larger than this are refused with 413. */
  bodyBytes: 16 * 1024,
  /** Cart item names. */
  itemChars: 40,
  userChars: 32,
  cartItems: 50,
  /** Sessions a backend keeps in memory; the oldest are dropped beyond this. */
  memorySessions: 10_000,
  /** A backend's weight, as HAProxy's `weight` (1-256; 0 would take it out of rotation). */
  weight: 256,
};

export interface LabOptions {
  backends: number;
  port: number;
  host: string;
  allowRemote: boolean;
  balancer: BalancerKind;
  store: LabStore;
  redisUrl: string;
  strategy: Strategy;
  rrMode: RrMode;
  /** One weight per starting backend (all 1 unless --weights); a backend added later gets 1. */
  weights: readonly number[];
}

/** 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '[::1]' || h === '0:0:0:0:0:0:0:1') return true;
  const m = /^(?:::ffff:)?127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((p) => Number(p) <= 255);
}

/** The URL without any password, for messages. */
export function redactUrl(u: string): string {
  try {
    const url = new URL(u);
    if (url.password) url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    return u;
  }
}

/** Backend names: s1, s2, … as in `prepdeck simulate --servers N`. */
export function backendName(i: number): string {
  return `s${i + 1}`;
}

/** The backends HAProxy keeps as disabled slots for the lab to add later: every name after the first `running`. */
export function spareNames(running: number): string[] {
  const names: string[] = [];
  for (let i = running; i < LAB_LIMITS.backends; i++) names.push(backendName(i));
  return names;
}
