// Flag values -> a checked plan; bad values are usage errors naming the flag and the value.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { parseCompare, parseEvents, parsePercent, parseServers, plan, planFromArgs } from '../../../src/sim/index.js';

function usageMessage(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('simulate flags', () => {
  it('defaults: 3 servers, sticky-cookie, local store, haproxy mode, 6 users, 30 requests, seed 1', () => {
    const p = plan({});
    expect(p.config.servers.map((s) => s.name)).toEqual(['s1', 's2', 's3']);
    expect(p.config).toMatchObject({ strategy: 'sticky-cookie', store: 'local', rrMode: 'haproxy', replicas: 1, maxIdle: 0 });
    expect(p.config.traffic).toEqual({ kind: 'random', users: 6, requests: 30, hot: 0, cart: 0.5, seed: 1 });
    expect(p.variants).toBeNull();
  });

  it('without --requests a run goes on 20 requests past its last event', () => {
    expect(plan({ fail: ['s2@40'] }).config.traffic).toMatchObject({ requests: 60 });
    expect(plan({ drain: ['s1@10'] }).config.traffic).toMatchObject({ requests: 30 });
  });

  it('--servers takes a count or names with weights', () => {
    expect(parseServers('2')).toEqual([{ name: 's1', weight: 1 }, { name: 's2', weight: 1 }]);
    expect(parseServers('a:2,b:1,c')).toEqual([{ name: 'a', weight: 2 }, { name: 'b', weight: 1 }, { name: 'c', weight: 1 }]);
  });

  it.each([
    [() => parseServers('0'), '--servers 0: need at least 1 server.'],
    [() => parseServers('a,a'), '--servers a,a: a is named twice.'],
    [() => parseServers('a:0'), 'weight "0" must be a whole number from 1 to 100'],
    [() => plan({ fail: ['s9@3'] }), '--fail s9@3: no server named s9 (servers: s1, s2, s3)'],
    [() => plan({ fail: ['s4@3'], add: ['s4@10'] }), '--fail s4@3: s4 is only added at request 10'],
    [() => plan({ add: ['s1@3'] }), '--add s1@3: there is already a server named s1'],
    [() => plan({ requests: 20, fail: ['s2@40'] }), '--fail s2@40: the run has only 20 requests'],
    [() => parsePercent('--hot', '150%'), '--hot 150%: must be a percentage from 0% to 100%, e.g. 40%.'],
    [() => parsePercent('--hot', 'lots'), '--hot lots: must be a percentage'],
    [() => parseEvents('fail', 's2'), '--fail s2: write SERVER@REQUEST, e.g. --fail s2@40.'],
    [() => parseEvents('fail', 's2:3@4'), 'only --add takes a weight'],
    [() => plan({ users: 0 }), '--users 0: must be a whole number from 1'],
    [() => plan({ users: 2.5 }), '--users 2.5: must be a whole number'],
    [() => plan({ requests: Number.NaN }), '--requests NaN: must be a whole number'],
    [() => plan({ strategy: 'random' }), '--strategy random: choose one of round-robin, sticky-cookie'],
    [() => plan({ replicas: 5 }), '--replicas 5: a session can be copied to at most 2 other servers here.'],
    [() => parseCompare('sticky-cookie/redis', { strategy: 'sticky-cookie', store: 'local', rrMode: 'haproxy' }), 'store must be one of local, shared, replicated'],
    [() => plan({ sequence: 'A,B', users: 4 }), '--sequence sets the users and requests itself; drop --users.'],
    [() => plan({}, { scenario: 'nope' }), '--scenario nope: no such scenario'],
    [() => plan({}, { step: true, json: true }), '--step is interactive'],
  ])('rejects bad values with a clear message (%#)', (f, message) => {
    expect(usageMessage(f)).toContain(message);
  });

  it('--hot and --cart take percentages', () => {
    expect(parsePercent('--hot', '40%')).toBe(0.4);
    expect(parsePercent('--hot', '12.5')).toBe(0.125);
    expect(plan({ hot: '40%', cart: '0%' }).config.traffic).toMatchObject({ hot: 0.4, cart: 0 });
  });

  it('events are repeatable and comma-separated; --add takes a weight', () => {
    expect(parseEvents('add', 's4:3@60,s5@70')).toEqual([
      { kind: 'add', server: 's4', at: 60, weight: 3 },
      { kind: 'add', server: 's5', at: 70, weight: 1 },
    ]);
    const p = plan({ fail: ['s2@10', 's3@12'], recover: ['s2@20'] });
    expect(p.config.events.map((e) => `${e.kind} ${e.server}@${e.at}`)).toEqual(['fail s2@10', 'fail s3@12', 'recover s2@20']);
  });

  it('--compare lists STRATEGY[/STORE[/RR-MODE]], defaulting to --store and --rr-mode', () => {
    expect(parseCompare('sticky-cookie/local,round-robin,sticky-cookie/shared/nginx', { strategy: 'sticky-cookie', store: 'replicated', rrMode: 'haproxy' })).toEqual([
      { strategy: 'sticky-cookie', store: 'local', rrMode: 'haproxy' },
      { strategy: 'round-robin', store: 'replicated', rrMode: 'haproxy' },
      { strategy: 'sticky-cookie', store: 'shared', rrMode: 'nginx' },
    ]);
  });

  it('--sequence creates users as they first appear', () => {
    expect(plan({ sequence: 'A,B,C,A,A,D' }).config.traffic).toEqual({ kind: 'sequence', sequence: ['A', 'B', 'C', 'A', 'A', 'D'], cart: 0.5, seed: 1 });
  });

  it('a scenario is a preset that explicit flags override', () => {
    const p = plan({ seed: 7, store: 'shared' }, { scenario: 'seed-example' });
    expect(p.config.traffic).toMatchObject({ kind: 'sequence', seed: 7 });
    expect(p.config.store).toBe('shared');
    expect(p.scenario?.name).toBe('seed-example');
    // --users replaces the scenario's sequence with random traffic.
    expect(plan({ users: 9 }, { scenario: 'seed-example' }).config.traffic).toMatchObject({ kind: 'random', users: 9 });
  });

  it('reads yargs arguments in kebab-case and camelCase, arrays for repeated flags', () => {
    const p = planFromArgs({ _: ['simulate'], 'rr-mode': 'nginx', rrMode: 'nginx', fail: ['s2@5'], 'max-idle': 4, servers: '4', json: true });
    expect(p.config).toMatchObject({ rrMode: 'nginx', maxIdle: 4 });
    expect(p.config.servers).toHaveLength(4);
    expect(p.json).toBe(true);
  });
});
