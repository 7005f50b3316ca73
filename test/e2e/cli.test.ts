// The command line as a user meets it: help, version, unknown commands and flags, exit codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli.js';
import { ROOT, runCli } from '../support/cli.js';
import { runMain } from '../support/main.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// The built binary, once: the process's exit code and streams are main()'s.
describe('the built binary', () => {
  it('--version prints the package version; a usage error exits 2 on stderr', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    const r = await runCli(['lst']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain("Unknown command 'lst'");
  });
});

// In-process through main(argv, ctx): only output and exit codes matter here.
describe('prepdeck command line', () => {
  it('--version prints the package version', async () => {
    const r = await runMain(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help lists every command with a description and examples', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['list', 'read <question>', 'validate', 'import <paths..>', 'simulate']) expect(r.stdout).toContain(`prepdeck ${cmd}`);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('prepdeck read sticky');
  });

  it.each(COMMANDS.flatMap((c) => [c.command.split(' ')[0]!, ...(c.aliases ?? [])]))('%s has its own --help', async (cmd) => {
    const r = await runMain([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stderr).toBe('');
  });

  it('with no command and no terminal, prints the help and exits 0', async () => {
    const r = await runMain([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Commands:');
  });

  it('an unknown command suggests the nearest and exits 2', async () => {
    const r = await runMain(['lst']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown command 'lst'");
    expect(r.stderr).toContain('Did you mean list?');
    expect(r.stdout).toBe('');
  });

  it('an unknown command after a global flag is named correctly', async () => {
    const r = await runMain(['--content', 'content', 'lsit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Unknown command 'lsit'. Did you mean list?");
  });

  it('an unknown command with no near match lists the commands', async () => {
    const r = await runMain(['xyzzy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown command 'xyzzy'\. Commands: list, read, explain, /);
  });

  // yargs' own complaints in our words, on one line that says where the command's help is.
  it.each([
    [['list', '--bogus'], "Unknown flag: --bogus. See 'prepdeck list --help'."],
    [['list', '--foo-bar=1'], "Unknown flag: --foo-bar. See 'prepdeck list --help'."],
    [['list', '-x'], "Unknown flag: -x. See 'prepdeck list --help'."],
    [['list', 'extra', 'more'], "Unexpected arguments: 'extra', 'more'. See 'prepdeck list --help'."],
    [['read'], "Missing <question>: prepdeck read <question>. See 'prepdeck read --help'."],
    [['simulate', '--users'], "--users needs a value. See 'prepdeck simulate --help'."],
    // With a default, a missing value would silently be the default (import into the current folder).
    [['import', 'no-such-docs', '--out'], "--out needs a value. See 'prepdeck import --help'."],
    [['import', 'no-such-docs', '--glob', '--out', 'x'], "--glob needs a value. See 'prepdeck import --help'."],
  ])('%j exits 2 with one line and no stack', async (argv, message) => {
    const r = await runMain(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.stdout).toBe('');
  });

  it('a bad value exits 2', async () => {
    const r = await runMain(['read', 'sticky', '--depth', 'medium']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("--depth must be one of super-brief, brief, detailed, all; got 'medium'.");
  });
});
