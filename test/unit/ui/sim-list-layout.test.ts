// `prepdeck simulate --list`: each scenario's command is laid out by text.ts layoutCommand, so it
// breaks only between whole arguments (QA: `--recover` / `s2@30` on two lines, a --compare list cut
// after a comma) and, pasted into a shell, runs the scenario.
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, scenarioCommand, type Scenario } from '../../../src/sim/index.js';
import { renderScenarioList } from '../../../src/ui/sim-legend.js';
import { displayWidth } from '../../../src/ui/text.js';
import { plan, planFromArgv } from '../sim/helpers.js';

/** The lines of one scenario's command in the list: from its `prepdeck simulate` to the blank line. */
function commandLines(list: string, s: Scenario): string[] {
  const lines = list.split('\n');
  const from = lines.findIndex((l, i) => l.trim() === s.name && i > 0);
  const start = lines.findIndex((l, i) => i > from && l.trimStart().startsWith('prepdeck simulate'));
  const end = lines.findIndex((l, i) => i > start && l === '');
  return lines.slice(start, end);
}

/** The command's arguments, as a shell reads it (none of the scenarios' arguments is quoted). */
const argsOf = (command: string): string[] => command.split(' ').slice(2);

describe('simulate --list lays out each command between whole arguments', () => {
  const cases = SCENARIOS.flatMap((s) => [40, 47, 60, 72, 80, 100, 120].map((columns): [string, number, Scenario] => [s.name, columns, s]));

  it.each(cases)('%s at %i columns', (_name, columns, s) => {
    const list = renderScenarioList(SCENARIOS, { c: createColors(false), columns });
    const lines = commandLines(list, s);
    const args = new Set(argsOf(scenarioCommand(s)));
    lines.forEach((line, i) => {
      expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
      // Every line but the last goes on with the shell's continuation; each holds whole arguments only.
      const body = i < lines.length - 1 ? line.replace(/ \\$/, '') : line;
      if (i < lines.length - 1) expect(line).toMatch(/ \\$/);
      for (const word of body.trim().split(' ').filter((w) => w !== 'prepdeck' && w !== 'simulate')) expect(args, `"${word}" in ${line}`).toContain(word);
    });
    // Pasted back into a shell, the lines make the scenario's command again.
    expect(lines.join('\n').replace(/ \\\n */g, ' ').trim()).toBe(scenarioCommand(s));
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s: the printed command runs the same simulation as --scenario', (_name, s) => {
    const printed = planFromArgv(argsOf(scenarioCommand(s)));
    const named = plan({}, { scenario: s.name });
    expect(printed.config).toEqual(named.config);
    expect(printed.variants).toEqual(named.variants);
  });

  it('repeated --compare flags make one list', () => {
    const once = planFromArgv(['--compare', 'sticky-cookie/local,round-robin/shared,ip-hash/local']);
    const repeated = planFromArgv(['--compare', 'sticky-cookie/local', '--compare', 'round-robin/shared,ip-hash/local']);
    expect(repeated.variants).toEqual(once.variants);
  });
});
