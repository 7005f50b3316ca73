import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { isLoopback, redactUrl } from '../../../src/lab/options.js';
import { labFlags, labPlan, type LabPlan } from '../../../src/commands/lab-flags.js';
import { yargsFailure } from '../../../src/commands/flag-checks.js';

/** The lab's flags as the command line delivers them: parsed and coerced by yargs, then planned. */
async function plan(argv: string[]): Promise<LabPlan> {
  const args = await labFlags(yargs(argv)).strict().exitProcess(false).fail(yargsFailure((msg) => msg)).parseAsync();
  return labPlan(args);
}

describe('labPlan', () => {
  it('defaults: 3 backends on 127.0.0.1:8080, built-in balancer, sticky-cookie, memory', async () => {
    expect(await plan([])).toEqual({
      options: {
        backends: 3,
        port: 8080,
        host: '127.0.0.1',
        allowRemote: false,
        balancer: 'builtin',
        store: 'memory',
        redisUrl: 'redis://127.0.0.1:6379',
        strategy: 'sticky-cookie',
        rrMode: 'haproxy',
        weights: [1, 1, 1],
      },
      printConfig: false,
      script: null,
      json: false,
    });
  });

  it('a script picks a free port unless one is given', async () => {
    expect((await plan(['--script', 'sticky'])).options.port).toBe(0);
    expect((await plan(['--script', 'sticky', '--port', '9000'])).options.port).toBe(9000);
  });

  it('reads kebab-case and camelCase flags; the last of a repeated flag wins', async () => {
    const p = await plan(['--rr-mode', 'nginx', '--redisUrl', 'redis://127.0.0.1:7000', '--store', 'redis', '--backends', '2', '--backends', '5', '--balancer', 'haproxy', '--balancer', 'builtin']);
    expect(p.options).toMatchObject({ rrMode: 'nginx', redisUrl: 'redis://127.0.0.1:7000', backends: 5, balancer: 'builtin' });
  });

  const bad: [string, string[], RegExp][] = [
    ['remote host', ['--host', '192.168.1.10'], /--allow-remote/],
    ['host with spaces', ['--host', 'a b'], /--host must be an address or host name; got 'a b'/],
    ['backends 0', ['--backends', '0'], /--backends/],
    ['backends fraction', ['--backends', '2.5'], /--backends must be a whole number/],
    ['port text, quoted as typed', ['--port', 'abc'], /^--port must be a whole number from 0 to 65535; got 'abc'\.$/],
    ['backends text, quoted as typed', ['--backends', '3x'], /^--backends must be a whole number from 1 to 16; got '3x'\.$/],
    ['strategy', ['--strategy', 'random'], /strategy/],
    ['balancer', ['--balancer', 'nginx'], /balancer/],
    ['store', ['--store', 'disk'], /store/],
    ['nginx with haproxy', ['--balancer', 'haproxy', '--rr-mode', 'nginx'], /HAProxy always/],
    ['print-config builtin', ['--print-config'], /--balancer haproxy/],
    ['print-config with script', ['--print-config', '--balancer', 'haproxy', '--script', 'sticky'], /do not go together/],
    ['json alone', ['--json'], /--json goes with --script/],
    ['redis url without store', ['--redis-url', 'redis://127.0.0.1:1'], /--store redis/],
    ['redis url not a URL', ['--store', 'redis', '--redis-url', 'nope'], /--redis-url must be a URL like redis:\/\/127.0.0.1:6379; got 'nope'/],
    ['redis url scheme', ['--store', 'redis', '--redis-url', 'http://127.0.0.1'], /redis:\/\//],
    ['weights text, quoted as typed', ['--weights', '2,x,1'], /^--weights must be whole numbers from 1 to 256 separated by commas, like 2,1,1; got '2,x,1'\.$/],
    ['weight 0', ['--weights', '0,1,1'], /^--weights must be whole numbers from 1 to 256 .*; got '0,1,1'\.$/],
    ['weight over 256', ['--weights', '257,1,1'], /from 1 to 256/],
    ['weight fraction', ['--weights', '1.5,1,1'], /--weights must be whole numbers/],
    ['weight negative', ['--weights', '-1,1,1'], /--weights must be whole numbers/],
    ['an empty weight', ['--weights', '2,,1'], /--weights must be whole numbers/],
    ['empty weights', ['--weights', ''], /^--weights must be whole numbers from 1 to 256 .*; got ''\.$/],
    ['fewer weights than backends', ['--weights', '2,1'], /^--weights gives 2 weights for 3 backends: one per backend, in order \(--backends 3\)\.$/],
    ['more weights than backends', ['--backends', '2', '--weights', '2,1,1'], /--weights gives 3 weights for 2 backends/],
    ['weights without a value', ['--weights'], /weights/],
    ['script with one backend', ['--script', 'failover', '--backends', '1'], /at least 2 backends/],
    ['scale-out at the limit', ['--script', 'scale-out', '--backends', '16'], /at most 15/],
  ];
  for (const [what, argv, message] of bad) {
    it(`refuses ${what} with a UsageError`, async () => {
      const err = await plan(argv).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(UsageError);
      expect((err as Error).message).toMatch(message);
    });
  }

  it('--weights: one whole number per backend, spaces allowed, the last of a repeated flag wins', async () => {
    expect((await plan(['--weights', '2,1,1'])).options.weights).toEqual([2, 1, 1]);
    expect((await plan(['--backends', '4', '--weights', ' 5, 1,256 ,1'])).options.weights).toEqual([5, 1, 256, 1]);
    expect((await plan(['--weights', '9,9,9', '--weights', '3,2,1'])).options.weights).toEqual([3, 2, 1]);
    expect((await plan(['--backends', '1', '--weights', '7'])).options.weights).toEqual([7]);
    expect((await plan(['--backends', '5'])).options.weights).toEqual([1, 1, 1, 1, 1]);
    expect((await plan(['--balancer', 'haproxy', '--weights', '2,1,1'])).options).toMatchObject({ balancer: 'haproxy', weights: [2, 1, 1] });
  });

  it('a remote host is allowed with --allow-remote', async () => {
    expect((await plan(['--host', '0.0.0.0', '--allow-remote'])).options).toMatchObject({ host: '0.0.0.0', allowRemote: true });
  });

  it('the home menu passes typed values straight in', () => {
    expect(labPlan({ port: 0 }).options.port).toBe(0);
  });
});

describe('isLoopback', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])('%s is loopback', (h) => expect(isLoopback(h)).toBe(true));
  it.each(['0.0.0.0', '::', '10.0.0.1', '127.0.0.256', 'example.com', '128.0.0.1'])('%s is not', (h) => expect(isLoopback(h)).toBe(false));
});

it('redactUrl hides a password', () => {
  expect(redactUrl('redis://user:secret@127.0.0.1:6379')).toBe('redis://user:***@127.0.0.1:6379');
  expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
});
