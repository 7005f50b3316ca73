// The top-level help (`prepdeck --help`, and `prepdeck` without a terminal), laid out like every
// other screen: to the terminal's width, at word boundaries, with example commands broken only
// between whole arguments. It needs no argument parser, so `--help` starts as fast as `--version`
// (yargs alone is most of a command's start-up); each command's own `--help` is yargs'.
import type { Output } from './terminal.js';
import { displayWidth, hang, layoutCommand, wrap } from './text.js';

/** What the help says of a command (src/about.ts): the parser is given the same. */
export interface CommandInfo {
  command: string;
  aliases?: string[];
  describe: string;
  examples: [string, string][];
}

/** A flag every command takes. */
export interface OptionInfo {
  flags: string;
  describe: string;
}

export interface HelpInfo {
  name: string;
  usage: string;
  summary: string;
  commands: readonly CommandInfo[];
  options: readonly OptionInfo[];
}

type Out = Pick<Output, 'c' | 'columns'>;

export function renderHelp(help: HelpInfo, out: Out): string {
  const width = Math.max(20, Math.min(out.columns, 100));
  const { c } = out;
  const named = (text: string) => text.replaceAll('$0', help.name);
  const sections = [
    `${c.bold('Usage:')} ${help.name} ${help.usage}`,
    wrap(help.summary, width),
    section(c.bold('Commands:'), columns(help.commands.map((cmd) => [`${help.name} ${cmd.command}`, described(cmd)]), width)),
    section(c.bold('Options:'), columns(help.options.map((o) => [o.flags, o.describe]), width)),
    section(c.bold('Examples:'), help.commands.map((cmd) => example(named(cmd.examples[0]![0]), cmd.examples[0]![1], width, c.dim)).join('\n')),
    wrap(`Each command has its own help and more examples: ${help.name} <command> --help`, width),
  ];
  return sections.join('\n\n') + '\n';
}

function described(cmd: CommandInfo): string {
  return cmd.aliases?.length ? `${cmd.describe} (also: ${cmd.aliases.join(', ')})` : cmd.describe;
}

function section(title: string, body: string): string {
  return `${title}\n${body}`;
}

/**
 * Names and descriptions in two columns, each description hanging beside its name; below its name
 * when the names column would leave the descriptions too little room.
 */
function columns(rows: readonly [string, string][], width: number): string {
  const nameWidth = Math.max(...rows.map(([name]) => displayWidth(name))) + 4;
  const side = width - nameWidth >= 32;
  return rows
    .map(([name, text]) => {
      if (side) return hang(`  ${name}`.padEnd(nameWidth), text, width, { minBody: 1 });
      return [`  ${name}`, ...wrap(text, width - 6).split('\n').map((l) => `      ${l}`)].join('\n');
    })
    .join('\n');
}

/** An example: the command, ready to copy, then what it does below it. */
function example(command: string, what: string, width: number, dim: (s: string) => string): string {
  const lines = layoutCommand(command, width - 2, 2).map((l) => `  ${l}`);
  return [...lines, ...wrap(what, width - 6).split('\n').map((l) => dim(`      ${l}`))].join('\n');
}
