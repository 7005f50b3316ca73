// One flag layer: the simulate command, a question's `simulate:` field and the pure plan parser
// apply the same rules (sim/plan.ts) and word a problem the same way.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import yargs from 'yargs';
import { simulateFlags, simulatePlan } from '../../../src/commands/simulate-flags.js';
import { UsageError } from '../../../src/errors.js';
import { linkedRun } from '../../../src/sim/linked.js';
import { planSim } from '../../../src/sim/plan.js';
import { timelineSpark } from '../../../src/ui/sparkline.js';

function commandProblem(argv: string[]): string {
  try {
    simulatePlan(simulateFlags(yargs(argv)).strict().exitProcess(false).parseSync());
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}

describe('simulate flags: one set of rules', () => {
  it.each([
    [['--servers', '1e3'], { servers: '1e3' }],
    [['--users', '0'], { users: '0' }],
    [['--hot', '0.4'], { hot: '0.4' }],
    [['--fail', 's9@3'], { fail: ['s9@3'] }],
    [['--compare', 'sticky-cookie/nowhere'], { compare: 'sticky-cookie/nowhere' }],
  ])('%j: the command, the plan parser and a question field say the same', (argv, flags) => {
    const planned = planSim(flags);
    expect(planned.ok).toBe(false);
    const problems = planned.ok ? [] : planned.problems;
    expect(commandProblem(argv)).toBe(problems.join('\n'));
    const linked = linkedRun(argv.join(' '));
    expect(linked).toEqual({ ok: false, problem: problems.join('\n') });
  });

  it('the plan parser returns problems instead of throwing; events that do not fit are all listed', () => {
    const planned = planSim({ fail: ['s9@3'], add: ['s1@3'] });
    expect(planned).toEqual({
      ok: false,
      problems: ["--add must be a new server name (there is already a server named s1); got 's1@3'.", "--fail must be on one of the servers s1, s2, s3 (there is no s9); got 's9@3'."],
    });
  });

  it('a value flag given twice counts once, the last', () => {
    const args = simulateFlags(yargs(['--users', '3', '--users', '4', '--strategy', 'round-robin', '--strategy', 'ip-hash'])).parseSync();
    expect(args).toMatchObject({ users: '4', strategy: 'ip-hash' });
    expect(simulatePlan(args).config).toMatchObject({ strategy: 'ip-hash', traffic: { users: 4 } });
  });
});

describe('timeline sparkline', () => {
  it('matches the nine-level scale it replaced: · for nothing, at least ▁ for anything', () => {
    const SPARKS = ' ▁▂▃▄▅▆▇█';
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 30 }), (values) => {
        const top = Math.max(1, ...values);
        const old = values.map((x) => (x === 0 ? '·' : SPARKS[Math.max(1, Math.round((x / top) * 8))]!)).join('');
        expect(timelineSpark(values, top)).toBe(old);
      }),
    );
  });
});
