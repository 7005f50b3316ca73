import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { isLoopback, labPlan, redactUrl } from '../../../src/lab/options.js';

describe('labPlan', () => {
  it('defaults: 3 backends on 127.0.0.1:8080, built-in balancer, sticky-cookie, memory', () => {
    expect(labPlan({})).toEqual({
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
      },
      printConfig: false,
      script: null,
      json: false,
    });
  });

  it('a script picks a free port unless one is given', () => {
    expect(labPlan({ script: 'sticky' }).options.port).toBe(0);
    expect(labPlan({ script: 'sticky', port: 9000 }).options.port).toBe(9000);
  });

  it('reads kebab-case and camelCase keys; the last of a repeated flag wins', () => {
    const p = labPlan({ 'rr-mode': 'nginx', redisUrl: 'redis://127.0.0.1:7000', store: 'redis', backends: [2, 5] });
    expect(p.options).toMatchObject({ rrMode: 'nginx', redisUrl: 'redis://127.0.0.1:7000', backends: 5 });
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['remote host', { host: '192.168.1.10' }, /--allow-remote/],
    ['host with spaces', { host: 'a b' }, /--host must be/],
    ['backends 0', { backends: 0 }, /--backends/],
    ['backends fraction', { backends: 2.5 }, /--backends/],
    ['port NaN', { port: Number.NaN }, /--port/],
    ['port text, quoted as typed', { port: 'abc' }, /--port must be a whole number from 0 to 65535 \(got 'abc'\)/],
    ['backends text, quoted as typed', { backends: '3x' }, /--backends must be a whole number from 1 to 16 \(got '3x'\)/],
    ['strategy', { strategy: 'random' }, /--strategy must be one of/],
    ['balancer', { balancer: 'nginx' }, /--balancer must be one of/],
    ['store', { store: 'disk' }, /--store must be one of/],
    ['nginx with haproxy', { balancer: 'haproxy', 'rr-mode': 'nginx' }, /HAProxy always/],
    ['print-config builtin', { 'print-config': true }, /--balancer haproxy/],
    ['print-config with script', { 'print-config': true, balancer: 'haproxy', script: 'sticky' }, /do not go together/],
    ['json alone', { json: true }, /--json goes with --script/],
    ['redis url without store', { 'redis-url': 'redis://127.0.0.1:1' }, /--store redis/],
    ['redis url scheme', { store: 'redis', 'redis-url': 'http://127.0.0.1' }, /redis:\/\//],
    ['script with one backend', { script: 'failover', backends: 1 }, /at least 2 backends/],
    ['scale-out at the limit', { script: 'scale-out', backends: 16 }, /at most 15/],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what} with a UsageError`, () => {
      expect(() => labPlan(args)).toThrow(UsageError);
      expect(() => labPlan(args)).toThrow(message);
    });
  }

  it('--port and --backends arrive as text from the command line', () => {
    expect(labPlan({ port: '9000', backends: '5' }).options).toMatchObject({ port: 9000, backends: 5 });
  });

  it('a remote host is allowed with --allow-remote', () => {
    expect(labPlan({ host: '0.0.0.0', 'allow-remote': true }).options).toMatchObject({ host: '0.0.0.0', allowRemote: true });
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
