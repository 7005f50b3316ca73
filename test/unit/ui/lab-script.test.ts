// `lab --script` output laid out to the terminal's width: no line wider than the width, no word split
// (the words read the same as on a wide terminal), "cart N" kept together, the step columns aligned.
import { describe, expect, it } from 'vitest';
import type { RequestStep, Step } from '../../../src/lab/script-steps.js';
import { renderScriptHeader, renderStep } from '../../../src/ui/lab-script.js';
import { memoryOutput } from '../../../src/ui/terminal.js';
import { displayWidth } from '../../../src/ui/text.js';

const base: RequestStep = {
  type: 'request', n: 1, user: 'A', does: 'login', cookie: null, backend: 's1', status: 200, routedBy: 'algorithm', setCookie: 's1',
  session: 'abc', loggedIn: true, cart: 0, loggedOut: false, cartLost: 0, moved: false, predicted: 's1', algorithmPick: 's1', override: false,
};

const steps: Step[] = [
  base,
  { ...base, n: 5, does: 'cart', cookie: 's1', routedBy: 'cookie', setCookie: null, cart: 1, algorithmPick: 's2', override: true },
  { type: 'action', before: 13, action: 'kill', backend: 's1', note: "s1 (user A's backend) is killed" },
  { ...base, n: 13, does: 'browse', cookie: 's1', backend: 's2', routedBy: 'rebalanced-after-failure', setCookie: 's2', loggedIn: false, loggedOut: true, cartLost: 1, predicted: 's3' },
  { ...base, n: 14, backend: null, status: 503, routedBy: 'unavailable' },
];

const point = 'A backend dies: with sessions in its memory its users are logged out and lose their carts; with Redis they lose nothing.';

function render(columns: number): string {
  const out = memoryOutput({ columns });
  const header = renderScriptHeader({ script: 'failover', point, balancer: 'builtin', store: 'memory', strategy: 'sticky-cookie', rrMode: 'haproxy' }, 'http://127.0.0.1:8080/', out);
  return header + steps.map((s) => renderStep(s, out)).join('');
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

describe('lab --script output fits the terminal', () => {
  const wide = render(200);

  it.each([60, 80, 100])('at %i columns: no line wider, no word split, cart counts kept whole', (columns) => {
    const text = render(columns);
    for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
    expect(words(text)).toEqual(words(wide));
    expect(text).not.toMatch(/cart\n/);
    expect(text.match(/cart\u00a0\d/g)).toHaveLength(3);
  });

  it('80 and 100 columns: how each request was routed starts under "routed by", beside the columns', () => {
    for (const columns of [80, 100]) {
      const lines = render(columns).split('\n');
      const at = lines.find((l) => l.includes('routed by'))!.indexOf('routed by');
      for (const l of lines.filter((x) => /^\s+\d+\s+A\s/.test(x) && !x.includes('HTTP'))) expect(l.search(/balanced|cookie|re-balanced/)).toBe(at);
    }
  });

  it('60 columns: the routing and the session go on the line under the columns', () => {
    const lines = render(60).split('\n');
    const i = lines.findIndex((l) => /^\s+5\s+A\s/.test(l));
    expect(lines[i]!.trimEnd()).toMatch(/→ s1$/);
    expect(lines[i + 1]).toMatch(/^ {7}cookie \(round-robin alone: s2\) · logged in, cart\u00a01$/);
    expect(lines.some((l) => l.trimStart().startsWith('routed by · session'))).toBe(true);
  });
});
