// Every message the simulator's plan parser gives about a flag's value, in the one flag style
// (`--flag must be …; got '…'.`, as the command layer's checks): the whole text, table-driven, for
// the command line and a question's `simulate:` field alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkedRun } from '../../../src/sim/linked.js';
import { LIMITS, planSim, type PlanOptions, type SimFlags } from '../../../src/sim/plan.js';

/** The plan parser's problems for these flags, one per line. */
function problems(flags: SimFlags, opts: PlanOptions = {}): string {
  const planned = planSim(flags, opts);
  if (planned.ok) throw new Error(`expected ${JSON.stringify(flags)} to be refused`);
  return planned.problems.join('\n');
}

const STRATEGIES = 'round-robin, sticky-cookie, ip-hash, consistent-hash, least-connections';
const SERVERS = `a count from 1 to ${LIMITS.servers} or names with weights, e.g. 3 or a:2,b,c`;
const COMPARE = 'configurations STRATEGY[/STORE[/RR-MODE]] separated by commas';
const W = LIMITS.weight;

const CASES: [string, SimFlags, PlanOptions, string][] = [
  // Whole numbers: not a number and out of range read the same.
  ['users text', { users: 'abc' }, {}, "--users must be a whole number from 1 to 5,000,000; got 'abc'."],
  ['users zero', { users: '0' }, {}, "--users must be a whole number from 1 to 5,000,000; got '0'."],
  ['users too many', { users: '5000001' }, {}, "--users must be a whole number from 1 to 5,000,000; got '5000001'."],
  ['requests with a point', { requests: '1.5' }, {}, "--requests must be a whole number from 1 to 100,000,000; got '1.5'."],
  ['seed negative', { seed: '-1' }, {}, "--seed must be a whole number from 0 to 4,294,967,295; got '-1'."],
  ['max-idle empty', { maxIdle: '' }, {}, "--max-idle must be a whole number from 1 to 100,000,000; got ''."],
  ['replicas text', { replicas: 'x' }, {}, `--replicas must be a whole number from 1 to ${LIMITS.servers}; got 'x'.`],
  ['replicas over the servers', { replicas: '5', store: 'replicated' }, {}, "--replicas must be a whole number from 1 to 2 with 3 servers (the other servers a session is copied to); got '5'."],
  ['replicas with one server', { servers: '1', replicas: '1' }, {}, "--replicas must be left out with 1 server (there is no other server to copy a session to); got '1'."],
  // Choices.
  ['strategy', { strategy: 'random' }, {}, `--strategy must be one of ${STRATEGIES}; got 'random'.`],
  ['store', { store: 'redis' }, {}, "--store must be one of local, shared, replicated; got 'redis'."],
  ['rr-mode', { rrMode: 'apache' }, {}, "--rr-mode must be one of haproxy, nginx; got 'apache'."],
  ['scenario', {}, { scenario: 'nope' }, "--scenario must be one of seed-example, hot-user, failover, scale-out, flash-sale; got 'nope'."],
  // Percentages.
  ['hot over 100%', { hot: '150%' }, {}, "--hot must be a percentage from 0% to 100%, e.g. 40%; got '150%'."],
  ['cart text', { cart: 'half' }, {}, "--cart must be a percentage from 0% to 100%, e.g. 40%; got 'half'."],
  ['hot as a fraction', { hot: '0.4' }, {}, "--hot must be a percentage with the % sign: 40% for a fraction of 0.4, or 0.4% for 0.4 percent; got '0.4'."],
  ['hot without %', { hot: '40' }, {}, "--hot must be a percentage with the % sign, e.g. 40%; got '40'."],
  ['hot with one user', { users: '1', hot: '40%' }, {}, "--hot must be 0% with fewer than 2 users (with 1 user, A sends every request); got '40%'."],
  // Servers.
  ['servers zero', { servers: '0' }, {}, `--servers must be ${SERVERS}; got '0'.`],
  ['servers too many', { servers: String(LIMITS.servers + 1) }, {}, `--servers must be ${SERVERS}; got '${LIMITS.servers + 1}'.`],
  ['servers numeric-looking', { servers: '1e3' }, {}, `--servers must be ${SERVERS}; got '1e3'.`],
  ['servers bad name', { servers: 'a,b!' }, {}, `--servers must be ${SERVERS} ("b!" is not a name: use letters, digits, _ . -); got 'a,b!'.`],
  ['servers number among names', { servers: 'a,1.5' }, {}, `--servers must be ${SERVERS} ("1.5" is a number: give a count alone or names); got 'a,1.5'.`],
  ['servers named twice', { servers: 'a,a' }, {}, "--servers must be names given once each (a is named twice); got 'a,a'."],
  ['servers weight', { servers: 'a:0,b' }, {}, `--servers must be names with weights from 1 to ${W}, e.g. a:2,b,c ("0" is not a weight); got 'a:0,b'.`],
  // Events: their form, then whether they fit the run.
  ['fail without @', { fail: ['s2'] }, {}, "--fail must be SERVER@REQUEST, e.g. s2@40; got 's2'."],
  ['drain bad server', { drain: ['s 1@4'] }, {}, `--drain must be SERVER@REQUEST, e.g. s2@40 ("s 1" is not a server name); got 's 1@4'.`],
  ['recover with a weight', { recover: ['s2:3@4'] }, {}, "--recover must be SERVER@REQUEST, e.g. s2@40 (only --add takes a weight); got 's2:3@4'."],
  ['fail at request 0', { fail: ['s1@3,s2@0'] }, {}, `--fail must be SERVER@REQUEST, e.g. s2@40 ("0" is not a request number of 1 or more); got 's1@3,s2@0'.`],
  ['add without @', { add: ['s4'] }, {}, "--add must be SERVER[:WEIGHT]@REQUEST, e.g. s4@60 or s4:2@60; got 's4'."],
  ['add weight', { add: ['s4:0@5'] }, {}, `--add must be SERVER:WEIGHT@REQUEST with a weight from 1 to ${W}, e.g. s4:2@60 ("0" is not a weight); got 's4:0@5'.`],
  ['fail unknown server', { fail: ['s9@3'] }, {}, "--fail must be on one of the servers s1, s2, s3 (there is no s9); got 's9@3'."],
  ['fail after the run', { requests: '20', fail: ['s2@40'] }, {}, "--fail must be at request 20 or earlier (the run has 20 requests); got 's2@40'."],
  ['fail before added', { fail: ['s4@3'], add: ['s4@10'] }, {}, "--fail must be at request 10 or later (s4 is only added then); got 's4@3'."],
  ['add a name in use', { add: ['s1@3'] }, {}, "--add must be a new server name (there is already a server named s1); got 's1@3'."],
  // Sequences and comparisons.
  ['sequence bad name', { sequence: 'A,B!' }, {}, `--sequence must be user names (letters, digits, _ . -) separated by commas, e.g. A,B,C,A ("B!" is not a user name); got 'A,B!'.`],
  ['compare empty', { compare: ',' }, {}, `--compare must be ${COMPARE}, e.g. sticky-cookie/local,round-robin/shared; got ','.`],
  ['compare too many', { compare: 'round-robin,'.repeat(7) }, {}, `--compare must be at most 6 configurations (7 given); got '${'round-robin,'.repeat(7)}'.`],
  ['compare too many parts', { compare: 'a/b/c/d' }, {}, `--compare must be ${COMPARE} ("a/b/c/d" has too many parts); got 'a/b/c/d'.`],
  ['compare strategy', { compare: 'foo/local,round-robin/shared' }, {}, `--compare must be ${COMPARE}, where STRATEGY is one of ${STRATEGIES} ("foo" is not); got 'foo/local,round-robin/shared'.`],
  ['compare store', { compare: 'sticky-cookie/redis' }, {}, `--compare must be ${COMPARE}, where STORE is one of local, shared, replicated ("redis" is not); got 'sticky-cookie/redis'.`],
  ['compare rr-mode', { compare: 'sticky-cookie/local/apache' }, {}, `--compare must be ${COMPARE}, where RR-MODE is one of haproxy, nginx ("apache" is not); got 'sticky-cookie/local/apache'.`],
];

describe("simulator flag messages: `--flag must be …; got '…'.`", () => {
  it.each(CASES)('%s', (_name, flags, opts, message) => {
    expect(problems(flags, opts)).toBe(message);
    expect(message).toMatch(/^--[a-z-]+ must be .+; got '.*'\.$/s);
  });

  it('events that do not fit are all listed, one line each, in the same style', () => {
    expect(problems({ fail: ['s9@3'], add: ['s1@3'] })).toBe(
      "--add must be a new server name (there is already a server named s1); got 's1@3'.\n--fail must be on one of the servers s1, s2, s3 (there is no s9); got 's9@3'.",
    );
  });

  it('a very long --sequence is quoted by its start', () => {
    const text = Array.from({ length: LIMITS.sequence + 1 }, () => 'A').join(',');
    expect(problems({ sequence: text })).toBe(`--sequence must be at most 100,000 user names (100,001 given); got '${text.slice(0, 60)}…'.`);
  });

  it.each([
    ['--users abc', "--users must be a whole number from 1 to 5,000,000; got 'abc'"],
    ['--servers 1e3', `--servers must be ${SERVERS}; got '1e3'`],
    ['--compare ip-hash/local,foo', `--compare must be ${COMPARE}, where STRATEGY is one of ${STRATEGIES} ("foo" is not); got 'ip-hash/local,foo'`],
  ])('a question\'s `simulate: %s` gets the same message', (field, message) => {
    expect(linkedRun(field)).toEqual({ ok: false, problem: `${message}.` });
  });

  it('any refused value of a single-value flag gets one line in the style, quoting the value whole', () => {
    const FLAGS = ['servers', 'users', 'requests', 'hot', 'cart', 'strategy', 'rrMode', 'store', 'replicas', 'maxIdle', 'seed', 'sequence', 'compare'] as const;
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^[0-9a-z.,:@%/ -]{0,12}$/));
    fc.assert(
      fc.property(fc.constantFrom(...FLAGS), value, (flag, v) => {
        const planned = planSim({ [flag]: v });
        if (planned.ok) return;
        expect(planned.problems).toHaveLength(1);
        expect(planned.problems[0]).toMatch(/^--[a-z-]+ must be .+; got '.*'\.$/s);
        expect(planned.problems[0]!.endsWith(`; got '${v}'.`)).toBe(true);
      }),
    );
  });
});
