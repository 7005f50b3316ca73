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

  it('an unknown flag exits 2 with a clear message and no stack', async () => {
    const r = await runMain(['list', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown argument: bogus');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a flag missing its value exits 2 without a stack', async () => {
    const r = await runMain(['simulate', '--users']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Not enough arguments following: users');
    expect(r.stderr).not.toContain('internal error');
  });

  it('a bad value exits 2', async () => {
    const r = await runMain(['read', 'sticky', '--depth', 'medium']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("--depth must be one of super-brief, brief, detailed, all; got 'medium'.");
  });
});
