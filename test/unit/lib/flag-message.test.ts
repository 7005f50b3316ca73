// The one wording of a bad flag value: `NAME must be WHAT; got 'TYPED'.`
import { describe, expect, it } from 'vitest';
import { checkOneOf, checkWholeNumber } from '../../../src/commands/flag-checks.js';
import { mustBe } from '../../../src/lib/flag-message.js';
import { planSim } from '../../../src/sim/plan.js';

describe('mustBe', () => {
  it.each([
    ['--users', 'a whole number from 1 to 9', 'abc', "--users must be a whole number from 1 to 9; got 'abc'."],
    ['--users', 'a whole number from 1 to 9', '', "--users must be a whole number from 1 to 9; got ''."],
    ['--users', 'a whole number from 1 to 9', ' 3 x', "--users must be a whole number from 1 to 9; got ' 3 x'."],
    ['depth', 'one of brief, standard', 7, "depth must be one of brief, standard; got '7'."],
    ['--name', 'a name', "it's", "--name must be a name; got 'it's'."],
  ])('%s / %j / %j', (name, what, typed, expected) => {
    expect(mustBe(name, what, typed)).toBe(expected);
  });

  it('the command layer and the simulator word a bad value the same way', () => {
    const fromCommands = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(fromCommands(() => checkWholeNumber('--users', 'x', 1, 9))).toBe(mustBe('--users', 'a whole number from 1 to 9', 'x'));
    expect(fromCommands(() => checkOneOf('--strategy', 'x', ['a', 'b']))).toBe(mustBe('--strategy', 'one of a, b', 'x'));
    expect(planSim({ strategy: 'x' })).toEqual({ ok: false, problems: [mustBe('--strategy', 'one of round-robin, sticky-cookie, ip-hash, consistent-hash, least-connections', 'x')] });
  });
});
