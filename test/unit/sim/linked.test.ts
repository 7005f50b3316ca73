// The `simulate:` front-matter field: only simulate flags the simulator accepts, shell-safe, small.
import { describe, expect, it } from 'vitest';
import { LINKED_LIMITS, linkedRun, type LinkedRun } from '../../../src/sim/linked.js';

function problem(field: string): string {
  const linked = linkedRun(field);
  if (linked.ok) throw new Error(`expected '${field}' to be refused`);
  return linked.problem;
}

function accepted(field: string): LinkedRun {
  const linked = linkedRun(field);
  if (!linked.ok) throw new Error(`expected '${field}' to be accepted: ${linked.problem}`);
  return linked.run;
}

describe('a content-linked simulation', () => {
  it.each([
    ['--scenario seed-example', ['--scenario', 'seed-example']],
    ['  --scenario   failover  ', ['--scenario', 'failover']],
    ['--compare ip-hash/local,consistent-hash/local --servers 4 --users 1000 --requests 5000 --add s5@2500', null],
    ['--servers=a:2,b --fail a@10 --fail b@20 --hot 40%', null],
    ['--scenario seed-example --step', null],
  ])('accepts %s', (field, argv) => {
    const run = accepted(field);
    if (argv) expect(run.argv).toEqual(argv);
    expect(run.plan.config.servers.length).toBeGreaterThan(0);
  });

  it('repeated events all count, as on the command line', () => {
    expect(accepted('--fail s1@10 --fail s2@20').plan.config.events.map((e) => e.server)).toEqual(['s1', 's2']);
  });

  it.each([
    ['--scenario seed-example; rm -rf ~', "'seed-example;': only letters, digits"],
    ['--scenario=seed-example;rm', "'--scenario=seed-example;rm': only letters"],
    ['--scenario seed-example && curl x', "'&&': only letters"],
    ['--scenario $(reboot)', "'$(reboot)': only letters"],
    ['--scenario `id`', "'`id`': only letters"],
    ["--servers 'a b'", "''a': only letters"],
    ['rm -rf', "'rm' is not a flag"],
    ['--scenario seed-example rm', "'rm' is not a flag"],
    ['--scenario nope', "--scenario must be one of seed-example, hot-user, failover, scale-out, flash-sale; got 'nope'."],
    ['--servers 1e3', "--servers must be a count from 1 to 256 or names with weights, e.g. 3 or a:2,b,c; got '1e3'."],
    ['--users', '--users needs a value'],
    ['--users --servers 3', '--users needs a value'],
    ['--json', '--json is not a simulate flag a question can link to'],
    ['--list', '--list is not a simulate flag'],
    ['--help', '--help is not a simulate flag'],
    ['--no-trace', '--no-trace is not a simulate flag'],
    ['--step=yes', '--step takes no value'],
    ['', 'give the flags of a simulate run'],
    ['--seed -5', '--seed needs a value'],
  ])('refuses %j', (field, message) => {
    expect(problem(field)).toContain(message);
  });

  it.each([
    [`--servers ${LINKED_LIMITS.servers + 1}`, `${LINKED_LIMITS.servers + 1} servers (at most ${LINKED_LIMITS.servers})`],
    [`--servers ${LINKED_LIMITS.servers} --add x@5`, `${LINKED_LIMITS.servers + 1} servers`],
    ['--users 10001', '10,001 users (at most 10,000)'],
    ['--requests 20001', '20,001 requests (at most 20,000)'],
    ['--users 5000000 --servers 256 --store replicated --replicas 255', 'This run would need about 4.9 GiB'],
  ])('caps what a question may ask for: %s', (field, message) => {
    expect(problem(field)).toContain(message);
  });

  it('allows a run at the caps', () => {
    const { plan } = accepted(`--servers ${LINKED_LIMITS.servers} --users ${LINKED_LIMITS.users} --requests ${LINKED_LIMITS.requests}`);
    expect(plan.config.traffic).toMatchObject({ users: LINKED_LIMITS.users, requests: LINKED_LIMITS.requests });
  });
});
