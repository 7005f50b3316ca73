// The top-level help: every command, option and first example, laid out to the width at word
// boundaries, example commands broken only between whole arguments.
import { describe, expect, it } from 'vitest';
import { ABOUT, HELP } from '../../../src/about.js';
import { COMMANDS } from '../../../src/cli.js';
import { renderHelp } from '../../../src/ui/help.js';
import { memoryOutput } from '../../../src/ui/terminal.js';
import { displayWidth } from '../../../src/ui/text.js';

const unwrap = (text: string) => text.replace(/ \\\n\s*/g, ' ').replace(/\s+/g, ' ');

describe('renderHelp', () => {
  it('describes the commands the parser has, with the same words', () => {
    expect(COMMANDS.map((c) => c.command)).toEqual(Object.values(ABOUT).map((a) => a.command));
    for (const spec of COMMANDS) expect(spec).toMatchObject(ABOUT[spec.command.split(' ')[0] as keyof typeof ABOUT]);
  });

  it.each([40, 60, 80, 100, 120])('at %i columns: every command, alias, option and first example, no line too wide', (columns) => {
    const text = renderHelp(HELP, memoryOutput({ columns }));
    const flat = unwrap(text);
    for (const cmd of HELP.commands) {
      expect(flat).toContain(`prepdeck ${cmd.command}`);
      expect(flat).toContain(unwrap(cmd.describe));
      for (const alias of cmd.aliases ?? []) expect(flat).toContain(alias);
      expect(flat).toContain(cmd.examples[0]![0].replace('$0', 'prepdeck'));
    }
    for (const flag of ['--content DIR', '-h, --help', '-v, --version']) expect(flat).toContain(flag);
    for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(Math.min(columns, 100));
  });

  it('breaks an example command only between arguments, continued with \\', () => {
    const text = renderHelp(HELP, memoryOutput({ columns: 40 }));
    const lines = text.split('\n');
    const at = lines.findLastIndex((l) => l.startsWith('  prepdeck simulate'));
    expect(lines[at]).toBe('  prepdeck simulate \\');
    // The continuation under the command, the description deeper: the two never look alike.
    expect(lines[at + 1]).toBe('    --scenario seed-example');
    expect(lines[at + 2]).toMatch(/^ {6}three servers/);
  });

  it('has colour only where the output has it', () => {
    expect(renderHelp(HELP, memoryOutput({ columns: 80 }))).not.toContain('\u001b[');
    expect(renderHelp(HELP, memoryOutput({ columns: 80, color: true }))).toContain('\u001b[');
  });
});
