// Flag values -> a checked plan; bad values are usage errors naming the flag and the value.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { LIMITS, PlanProblem, parseCompare, parseEvents, parseServers } from '../../../src/sim/index.js';
import { plan, planFromArgv } from './helpers.js';

function usageMessage(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    // The plan's own problems, or the command's UsageError made of them.
    expect(err instanceof UsageError || err instanceof PlanProblem).toBe(true);
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

  // HAProxy's weight range is 0-256 (0 takes a server out of rotation); the lab's --weights take 1-256 too.
  it.each([
    ['a:1,b', [1, 1]],
    ['a:100,b:101', [100, 101]],
    ['a:256,b:255', [256, 255]],
  ])('--servers %s: weights %j', (text, weights) => {
    expect(parseServers(text).map((s) => s.weight)).toEqual(weights);
  });

  it('--add takes a weight up to 256 too', () => {
    expect(parseEvents('add', 's4:256@60')).toEqual([{ kind: 'add', server: 's4', at: 60, weight: 256 }]);
  });

  it.each([
    [() => parseServers('0'), "--servers must be a count from 1 to 256 or names with weights, e.g. 3 or a:2,b,c; got '0'."],
    [() => parseServers('a,a'), "--servers must be names given once each (a is named twice); got 'a,a'."],
    [() => parseServers('a:0'), `--servers must be names with weights from 1 to ${LIMITS.weight}, e.g. a:2,b,c ("0" is not a weight); got 'a:0'.`],
    [() => parseServers('a:257,b'), `--servers must be names with weights from 1 to 256, e.g. a:2,b,c ("257" is not a weight); got 'a:257,b'.`],
    [() => parseEvents('add', 's4:257@3'), `--add must be SERVER:WEIGHT@REQUEST with a weight from 1 to 256, e.g. s4:2@60 ("257" is not a weight); got 's4:257@3'.`],
    [() => parseServers('a:1.5'), `--servers must be names with weights from 1 to 256, e.g. a:2,b,c ("1.5" is not a weight); got 'a:1.5'.`],
    [() => plan({ fail: ['s9@3'] }), "--fail must be on one of the servers s1, s2, s3 (there is no s9); got 's9@3'."],
    [() => plan({ fail: ['s4@3'], add: ['s4@10'] }), "--fail must be at request 10 or later (s4 is only added then); got 's4@3'."],
    [() => plan({ add: ['s1@3'] }), "--add must be a new server name (there is already a server named s1); got 's1@3'."],
    [() => plan({ requests: '20', fail: ['s2@40'] }), "--fail must be at request 20 or earlier (the run has 20 requests); got 's2@40'."],
    [() => plan({ hot: '150%' }), "--hot must be a percentage from 0% to 100%, e.g. 40%; got '150%'."],
    [() => plan({ hot: 'lots' }), "--hot must be a percentage from 0% to 100%, e.g. 40%; got 'lots'."],
    [() => parseEvents('fail', 's2'), "--fail must be SERVER@REQUEST, e.g. s2@40; got 's2'."],
    [() => parseEvents('fail', 's2:3@4'), "--fail must be SERVER@REQUEST, e.g. s2@40 (only --add takes a weight); got 's2:3@4'."],
    [() => plan({ users: '0' }), "--users must be a whole number from 1 to 5,000,000; got '0'."],
    [() => plan({ users: '2.5' }), "--users must be a whole number from 1 to 5,000,000; got '2.5'."],
    [() => plan({ strategy: 'random' }), "--strategy must be one of round-robin, sticky-cookie, ip-hash, consistent-hash, least-connections; got 'random'."],
    [() => plan({ replicas: '5' }), "--replicas must be a whole number from 1 to 2 with 3 servers (the other servers a session is copied to); got '5'."],
    [
      () => parseCompare('sticky-cookie/redis', { strategy: 'sticky-cookie', store: 'local', rrMode: 'haproxy' }),
      `--compare must be configurations STRATEGY[/STORE[/RR-MODE]] separated by commas, where STORE is one of local, shared, replicated ("redis" is not); got 'sticky-cookie/redis'.`,
    ],
    [() => plan({ sequence: 'A,B', users: '4' }), '--sequence sets the users and requests itself; drop --users.'],
    [() => plan({}, { scenario: 'nope' }), "--scenario must be one of seed-example, hot-user, failover, scale-out, flash-sale; got 'nope'."],
    [() => plan({}, { step: true, json: true }), '--step is interactive'],
  ])('rejects bad values with a clear message (%#)', (f, message) => {
    expect(usageMessage(f)).toContain(message);
  });

  it('--hot and --cart take percentages', () => {
    expect(plan({ hot: '12.5%' }).config.traffic).toMatchObject({ hot: 0.125 });
    expect(plan({ hot: '40%', cart: '0%' }).config.traffic).toMatchObject({ hot: 0.4, cart: 0 });
  });

  it.each([
    // Without the sign, 0.4 would silently mean 0.4% when a fraction (40%) was probably meant.
    ['--hot', '0.4', "--hot must be a percentage with the % sign: 40% for a fraction of 0.4, or 0.4% for 0.4 percent; got '0.4'."],
    ['--hot', '40', "--hot must be a percentage with the % sign, e.g. 40%; got '40'."],
    ['--cart', '0.5', "--cart must be a percentage with the % sign: 50% for a fraction of 0.5, or 0.5% for 0.5 percent; got '0.5'."],
  ])('%s %s without the %% sign is refused, saying why', (flag, text, message) => {
    expect(usageMessage(() => plan({ [flag.slice(2)]: text }))).toContain(message);
  });

  it('--hot needs 2 users or more: with one user A sends every request', () => {
    expect(usageMessage(() => plan({ users: '1', hot: '40%' }))).toBe("--hot must be 0% with fewer than 2 users (with 1 user, A sends every request); got '40%'.");
    expect(usageMessage(() => plan({ users: '1' }, { scenario: 'hot-user' }))).toBe(
      "--hot must be 0% with fewer than 2 users (with 1 user, A sends every request; the hot-user scenario sets --hot 50%: add --hot 0% to turn it off); got '50%'.",
    );
    expect(plan({ users: '1', hot: '0%' }).config.traffic).toMatchObject({ users: 1, hot: 0 });
    expect(plan({ users: '2', hot: '40%' }).config.traffic).toMatchObject({ users: 2, hot: 0.4 });
  });

  it.each([
    ['seed', 'abc', "--seed must be a whole number from 0 to 4,294,967,295; got 'abc'."],
    ['users', 'abc', "--users must be a whole number from 1 to 5,000,000; got 'abc'."],
    ['requests', '1.5', "--requests must be a whole number from 1 to 100,000,000; got '1.5'."],
    ['requests', '1e3', "--requests must be a whole number from 1 to 100,000,000; got '1e3'."],
    ['replicas', 'x', "--replicas must be a whole number from 1 to 256; got 'x'."],
    ['max-idle', 'soon', "--max-idle must be a whole number from 1 to 100,000,000; got 'soon'."],
    ['max-idle', '', "--max-idle must be a whole number from 1 to 100,000,000; got ''."],
    ['users', ' 3x ', "--users must be a whole number from 1 to 5,000,000; got ' 3x '."],
    ['seed', '-1', "--seed must be a whole number from 0 to 4,294,967,295; got '-1'."],
  ])('--%s %j: the message quotes the value as typed', (flag, value, message) => {
    expect(usageMessage(() => planFromArgv([`--${flag}=${value}`, '--store', 'replicated']))).toBe(message);
  });

  it('numbers are read from their text', () => {
    const p = planFromArgv(['--users', '12', '--requests', ' 80 ', '--seed', '007', '--max-idle', '5', '--replicas', '2', '--store', 'replicated']);
    expect(p.config.traffic).toMatchObject({ users: 12, requests: 80, seed: 7 });
    expect(p.config).toMatchObject({ maxIdle: 5, replicas: 2 });
  });

  it(`--trace and --step keep at most ${LIMITS.trace.toLocaleString('en-US')} requests, and say why`, () => {
    expect(plan({ requests: String(LIMITS.trace) }, { trace: true }).trace).toBe(true);
    expect(usageMessage(() => plan({ requests: '200000' }, { trace: true }))).toBe(
      '--trace keeps every request in memory and prints it, so it takes at most 100,000 requests; this run has 200,000 requests. ' +
        'Drop --trace to get the per-server figures and the summary, or lower --requests.',
    );
    expect(usageMessage(() => plan({ requests: '60000', compare: 'sticky-cookie/local,round-robin/shared' }, { trace: true }))).toContain(
      'at most 100,000 requests across all configurations; this run has 60,000 requests × 2 configurations = 120,000.',
    );
    expect(usageMessage(() => plan({ requests: '5000000' }, { step: true }))).toContain('--step keeps every request in memory');
    // Without a trace, long runs are fine: memory depends on users and servers only.
    expect(plan({ requests: '5000000' }).config.traffic).toMatchObject({ requests: 5_000_000 });
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
    const p = plan({ seed: '7', store: 'shared' }, { scenario: 'seed-example' });
    expect(p.config.traffic).toMatchObject({ kind: 'sequence', seed: 7 });
    expect(p.config.store).toBe('shared');
    expect(p.scenario?.name).toBe('seed-example');
    // --users replaces the scenario's sequence with random traffic.
    expect(plan({ users: '9' }, { scenario: 'seed-example' }).config.traffic).toMatchObject({ kind: 'random', users: 9 });
  });

  it('reads the command line through the command\'s flags: kebab-case names, repeated events collected, the last of a repeated value', () => {
    const p = planFromArgv(['--rr-mode', 'nginx', '--fail', 's2@5', '--max-idle', '4', '--servers', '3', '--servers', '4', '--json']);
    expect(p.config).toMatchObject({ rrMode: 'nginx', maxIdle: 4 });
    expect(p.config.servers).toHaveLength(4);
    expect(p.json).toBe(true);
  });

  it.each(['1e3', '2.5', '0x10', '.5', 'Infinity', '1e3,2e3', 'a,1.5'])('--servers %s: numeric-looking but not a whole number is an error', (text) => {
    const message = usageMessage(() => parseServers(text));
    expect(message).toMatch(/^--servers must be a count from 1 to 256 or names with weights, e.g. 3 or a:2,b,c/);
    expect(message.endsWith(`; got '${text}'.`)).toBe(true);
  });

  it('--servers +3 and 3 are counts; names may hold digits and dots', () => {
    expect(parseServers('+3')).toHaveLength(3);
    expect(parseServers('10.0.0.1,10.0.0.2').map((s) => s.name)).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(parseServers('s1e3').map((s) => s.name)).toEqual(['s1e3']);
  });

  it('refuses up front a run whose memory need is out of proportion, stating the limit', () => {
    const message = usageMessage(() => plan({ users: '5000000', servers: '256', store: 'replicated', replicas: '255' }));
    expect(message).toBe(
      'This run would need about 4.9 GiB of memory (5,000,000 users, each session copied to 255 replicas); a run may take at most 1.0 GiB. Lower --users or --replicas.',
    );
    // The same users with the local store, or fewer replicas, fit.
    expect(plan({ users: '5000000', servers: '256' }).config.traffic).toMatchObject({ users: 5_000_000 });
    expect(plan({ users: '1000000', servers: '256', store: 'replicated', replicas: '100' }).config.replicas).toBe(100);
  });

  it('counts the replicated store inside --compare too', () => {
    const message = usageMessage(() => plan({ users: '5000000', servers: '256', replicas: '255', compare: 'sticky-cookie/local,round-robin/replicated' }));
    expect(message).toContain('each session copied to 255 replicas');
  });
});
