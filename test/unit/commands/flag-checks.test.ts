// The shared flag checks (src/commands/flag-checks.ts) and the command line that uses them: one
// message style, `NAME must be …; got 'typed'.`, exit 2, before any command runs.
import { readdirSync } from 'node:fs';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { checkOneOf, checkText, checkWholeNumber, checkWholeNumbers, oneOf, wholeNumber, yargsFailure } from '../../../src/commands/flag-checks.js';
import { DEPTHS } from '../../../src/content/model.js';
import { ExitCode, UsageError } from '../../../src/errors.js';
import { tempDir } from '../../support/cli.js';
import { runMain } from '../../support/main.js';

/** The value a check returns, or the message of the UsageError it throws. */
function outcome<T>(check: () => T): T | string {
  try {
    return check();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as UsageError).message;
  }
}

describe('checkWholeNumber', () => {
  it.each([
    ['5', 1, undefined, 5],
    [' 7 ', 0, undefined, 7],
    [12, 0, 20, 12],
    ['0', 0, 1000, 0],
    ['1000', 0, 1000, 1000],
    ['1001', 0, 1000, "--n must be a whole number from 0 to 1000; got '1001'."],
    ['0', 1, undefined, "--n must be a whole number of at least 1; got '0'."],
    ['-1', 0, undefined, "--n must be a whole number of 0 or more; got '-1'."],
    ['2.5', 1, undefined, "--n must be a whole number of at least 1; got '2.5'."],
    [2.5, 1, undefined, "--n must be a whole number of at least 1; got '2.5'."],
    ['3x', 1, undefined, "--n must be a whole number of at least 1; got '3x'."],
    ['1e3', 1, undefined, "--n must be a whole number of at least 1; got '1e3'."],
    ['', 1, undefined, "--n must be a whole number of at least 1; got ''."],
    ['99999999999999999999', 1, undefined, "--n must be a whole number of at least 1; got '99999999999999999999'."],
    [true, 0, undefined, "--n must be a whole number of 0 or more; got 'true'."],
  ])('%j in [%d, %s] -> %j', (value, min, max, expected) => {
    expect(outcome(() => checkWholeNumber('--n', value, min, max))).toEqual(expected);
  });
});

describe('checkWholeNumbers', () => {
  it.each([
    ['2,1,1', [2, 1, 1]],
    [' 3 , 4 ', [3, 4]],
    [5, [5]],
    ['2,x,1', "--w must be whole numbers from 1 to 9 separated by commas, like 2,1,1; got '2,x,1'."],
    ['0,1', "--w must be whole numbers from 1 to 9 separated by commas, like 2,1,1; got '0,1'."],
    ['', "--w must be whole numbers from 1 to 9 separated by commas, like 2,1,1; got ''."],
    ['1,,2', "--w must be whole numbers from 1 to 9 separated by commas, like 2,1,1; got '1,,2'."],
  ])('%j -> %j', (value, expected) => {
    expect(outcome(() => checkWholeNumbers('--w', value, 1, 9, '2,1,1'))).toEqual(expected);
  });
});

describe('checkOneOf', () => {
  it.each([
    ['brief', 'brief'],
    ['super-brief', 'super-brief'],
    ['Brief', "--depth must be one of super-brief, brief, detailed; got 'Brief'."],
    ['medium', "--depth must be one of super-brief, brief, detailed; got 'medium'."],
    ['', "--depth must be one of super-brief, brief, detailed; got ''."],
    [3, "--depth must be one of super-brief, brief, detailed; got '3'."],
  ])('%j -> %j', (value, expected) => {
    expect(outcome(() => checkOneOf('--depth', value, DEPTHS))).toEqual(expected);
  });
});

describe('checkText', () => {
  const lower = (v: string) => (/^[a-z]+$/i.test(v) ? v.toLowerCase() : null);
  it.each([
    ['Abc', 'abc'],
    ['a b', "--name must be letters; got 'a b'."],
    [1, "--name must be letters; got '1'."],
  ])('%j -> %j', (value, expected) => {
    expect(outcome(() => checkText('--name', value, 'letters', lower))).toEqual(expected);
  });
});

describe('the checks as yargs coerce', () => {
  // async: yargs throws the failure handler's error at once, not as a rejection.
  const parse = async (argv: string[]) =>
    yargs(argv)
      .option('n', { type: 'string', coerce: wholeNumber('n', 1, 9) })
      .option('depth', { choices: DEPTHS, coerce: oneOf('depth', DEPTHS) })
      .strict()
      .exitProcess(false)
      .fail(yargsFailure((msg) => `yargs: ${msg}`))
      .parseAsync();

  it('hand typed values over, the last of a repeated flag winning', async () => {
    const args = await parse(['--n', '3', '--n', '4', '--depth', 'brief', '--depth', 'detailed']);
    expect(args.n).toBe(4);
    expect(args.depth).toBe('detailed');
  });

  it.each([
    [['--n', 'abc'], "--n must be a whole number from 1 to 9; got 'abc'."],
    [['--n', '4', '--n', '10'], "--n must be a whole number from 1 to 9; got '10'."],
    [['--depth', 'medium'], "--depth must be one of super-brief, brief, detailed; got 'medium'."],
    [['--bogus'], 'yargs: Unknown argument: bogus'],
  ])('%j: the check\'s own UsageError reaches the user as written', async (argv, message) => {
    const err = await parse(argv).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toBe(message);
  });
});

describe('the command line checks every flag before a command runs', () => {
  it.each([
    [['read', 'sticky', '--depth', 'medium'], "--depth must be one of super-brief, brief, detailed, all; got 'medium'."],
    [['quiz', '--count', 'abc'], "--count must be a whole number of at least 1; got 'abc'."],
    [['quiz', '--count', ''], "--count must be a whole number of at least 1; got ''."],
    [['quiz', '--count', '0'], "--count must be a whole number of at least 1; got '0'."],
    [['quiz', '--count', '2.5'], "--count must be a whole number of at least 1; got '2.5'."],
    [['quiz', '--count', '3', '--count', '-1'], "--count must be a whole number of at least 1; got '-1'."],
    [['quiz', '--depth', 'verbose'], "--depth must be one of super-brief, brief, detailed; got 'verbose'."],
    [['practice', '--new', 'lots'], "--new must be a whole number of 0 or more; got 'lots'."],
    [['practice', '--new', '-1'], "--new must be a whole number of 0 or more; got '-1'."],
    [['practice', '--depth', 'x'], "--depth must be one of super-brief, brief, detailed; got 'x'."],
    [['progress', 'bogus'], "action must be one of show, reset, export, import; got 'bogus'."],
    [['config', 'set', 'depth', 'x'], "depth must be one of super-brief, brief, detailed; got 'x'."],
    [['config', 'set', 'new-per-day', '5x'], "new-per-day must be a whole number from 0 to 1000; got '5x'."],
    [['simulate', '--strategy', 'random'], "--strategy must be one of round-robin, sticky-cookie, ip-hash, consistent-hash, least-connections; got 'random'."],
    [['lab', '--balancer', 'nginx'], "--balancer must be one of builtin, haproxy; got 'nginx'."],
    [['lab', '--port', 'abc'], "--port must be a whole number from 0 to 65535; got 'abc'."],
    // A text flag typed without its value: '' (or `true` for --depth) would reach the command.
    [['list', '--deck'], "--deck must be a deck id; got ''."],
    [['list', '--deck', '--json'], "--deck must be a deck id; got ''."],
    [['progress', '--deck'], "--deck must be a deck id; got ''."],
    [['read', 'sticky', '--depth'], "--depth must be one of super-brief, brief, detailed, all; got ''."],
    [['practice', '--depth'], "--depth must be one of super-brief, brief, detailed; got ''."],
    [['quiz', '--question'], "--question must be a question id, list number or title words; got ''."],
    [['quiz', '--seed'], "--seed must be some text or a number; got ''."],
    [['practice', '--unsuspend'], "--unsuspend must be a card key, as 'progress' lists it; got ''."],
    [['list', '--content'], "--content must be a folder; got ''."],
    [['list', '--content', 'content', '--content', ' '], "--content must be a folder; got ' '."],
    [['import', 'no-such-docs', '--deck'], "--deck must be a deck id; got ''."],
    [['lab', '--balancer'], "--balancer must be one of builtin, haproxy; got ''."],
    [['lab', '--store'], "--store must be one of memory, redis; got ''."],
    [['lab', '--strategy', '--port', '0'], "--strategy must be one of round-robin, sticky-cookie, ip-hash, consistent-hash, least-connections; got ''."],
    [['lab', '--rr-mode'], "--rr-mode must be one of haproxy, nginx; got ''."],
    [['lab', '--script'], "--script must be one of sticky, failover, scale-out; got ''."],
  ])('%j: exit 2, one line, progress untouched', async (argv, message) => {
    const home = tempDir('prepdeck-flags-');
    try {
      const r = await runMain(argv, { home: home.path });
      expect(r.code).toBe(ExitCode.usage);
      expect(r.stderr.trim()).toBe(message);
      expect(readdirSync(home.path)).toEqual([]);
    } finally {
      home.remove();
    }
  });
});

describe('a switch typed with a value', () => {
  const refused = (flag: string, value: string) => `--${flag} must be true or false (a switch takes no value); got '${value}'.`;
  // Every boolean flag of every command: yargs would read each of these values as false.
  it.each([
    [['list', '--json=yes'], refused('json', 'yes')],
    [['list', '--json=1'], refused('json', '1')],
    [['list', '--json=TRUE'], refused('json', 'TRUE')],
    [['list', '--json='], refused('json', '')],
    [['read', 'sticky', '--json=on'], refused('json', 'on')],
    [['practice', '--cram=x'], refused('cram', 'x')],
    [['import', 'no-such-docs', '--update=maybe'], refused('update', 'maybe')],
    [['import', 'no-such-docs', '--force=0'], refused('force', '0')],
    [['progress', '--json=no'], refused('json', 'no')],
    [['progress', '--path=1'], refused('path', '1')],
    [['progress', 'reset', '--yes=y'], refused('yes', 'y')],
    [['progress', 'export', 'x.json', '--force=yes'], refused('force', 'yes')],
    [['simulate', '--list=1'], refused('list', '1')],
    [['simulate', '--json=yes'], refused('json', 'yes')],
    [['simulate', '--trace=all'], refused('trace', 'all')],
    [['simulate', '--step=1'], refused('step', '1')],
    [['lab', '--allow-remote=yes'], refused('allow-remote', 'yes')],
    [['lab', '--print-config=1'], refused('print-config', '1')],
    [['lab', '--printConfig=1'], refused('print-config', '1')],
    [['lab', '--script', 'sticky', '--json=yes'], refused('json', 'yes')],
  ])('%j: exit 2, one line, nothing run', async (argv, message) => {
    const home = tempDir('prepdeck-switch-');
    try {
      const r = await runMain(argv, { home: home.path });
      expect(r.code).toBe(ExitCode.usage);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toBe(message);
      expect(readdirSync(home.path)).toEqual([]);
    } finally {
      home.remove();
    }
  });

  it.each([
    [['list', '--json=true'], true],
    [['list', '--json'], true],
    [['list', '--json=false'], false],
    [['list'], false],
    // After `--` nothing is a flag.
    [['list', '--json', '--', '--json=yes'], true],
  ])('%j: accepted, JSON %s', async (argv, json) => {
    const r = await runMain(argv);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(ExitCode.ok);
    expect(r.stdout.trimStart().startsWith('{') || r.stdout.trimStart().startsWith('[')).toBe(json);
  });
});
