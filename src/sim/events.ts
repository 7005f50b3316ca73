// Events during a run (fail, recover, drain, add) and their checks.
import { mustBe } from '../lib/flag-message.js';
import type { ServerSpec, SimEvent } from './model.js';

/** Same request: add first (so it can be failed at once), then fail, drain, recover; else as given. */
const KIND_ORDER = { add: 0, fail: 1, drain: 2, recover: 3 } as const;

export function sortEvents(events: readonly SimEvent[]): SimEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at - b.e.at || KIND_ORDER[a.e.kind] - KIND_ORDER[b.e.kind] || a.i - b.i)
    .map(({ e }) => e);
}

export function eventLabel(e: SimEvent): string {
  switch (e.kind) {
    case 'fail':
      return `${e.server} fails`;
    case 'recover':
      return `${e.server} recovers`;
    case 'drain':
      return `${e.server} starts draining`;
    case 'add':
      return `${e.server} is added${e.weight && e.weight !== 1 ? ` (weight ${e.weight})` : ''}`;
  }
}

export function eventFlag(e: SimEvent): string {
  return `--${e.kind} ${eventValue(e)}`;
}

/** The value of an event's flag: `s2@40`, `s4:2@60`. */
function eventValue(e: SimEvent): string {
  return `${e.server}${e.kind === 'add' && e.weight && e.weight !== 1 ? `:${e.weight}` : ''}@${e.at}`;
}

/** A problem with one event in the flag style, quoting the event (`--fail must be …; got 's9@3'.`). */
function eventProblem(e: SimEvent, what: string): string {
  return mustBe(`--${e.kind}`, what, eventValue(e));
}

/**
 * Problems with events against the servers and the run length, one message each:
 * unknown servers, servers used before they are added, names added twice, requests out of range.
 */
export function checkEvents(servers: readonly ServerSpec[], events: readonly SimEvent[], requests: number): string[] {
  const problems: string[] = [];
  const initial = new Set(servers.map((s) => s.name));
  const addedAt = new Map<string, number>();
  for (const e of events) {
    if (e.kind !== 'add') continue;
    if (initial.has(e.server) || addedAt.has(e.server)) problems.push(eventProblem(e, `a new server name (there is already a server named ${e.server})`));
    else addedAt.set(e.server, e.at);
  }
  const known = [...initial, ...addedAt.keys()];
  for (const e of events) {
    if (!Number.isInteger(e.at) || e.at < 1) problems.push(eventProblem(e, 'at request 1 or later'));
    else if (e.at > requests) problems.push(eventProblem(e, `at request ${requests} or earlier (the run has ${requests} requests)`));
    if (e.kind === 'add') continue;
    const added = addedAt.get(e.server);
    if (!initial.has(e.server) && added === undefined) {
      problems.push(eventProblem(e, `on one of the servers ${known.join(', ')} (there is no ${e.server})`));
    } else if (added !== undefined && e.at < added) {
      problems.push(eventProblem(e, `at request ${added} or later (${e.server} is only added then)`));
    }
  }
  return problems;
}
