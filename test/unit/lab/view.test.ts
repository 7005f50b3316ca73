import { describe, expect, it } from 'vitest';
import { countsLine, LiveView, renderBanner, renderCounts, type BackendLine } from '../../../src/ui/lab-view.js';
import { memoryOutput } from '../../../src/ui/terminal.js';

const lines = (a: number, b: number, state: BackendLine['state'] = 'up'): BackendLine[] => [
  { name: 's1', port: 4001, state: 'up', requests: a, sessions: 1 },
  { name: 's2', port: 4002, state, requests: b, sessions: null },
];

describe('the live view', () => {
  it('piped: one line per change of the counts, nothing when nothing changed', () => {
    const out = memoryOutput();
    let now = lines(0, 0);
    const v = new LiveView(out, () => now);
    v.draw();
    v.draw();
    now = lines(1, 0, 'down');
    v.draw();
    v.log('s2 killed');
    v.close();
    expect(out.text()).toBe('requests: s1 0 · s2 0\nrequests: s1 1 · s2 0 (down)\ns2 killed\n');
  });

  it('in a terminal: redraws its block in place (cursor up, clear to the end)', () => {
    const out = memoryOutput({ isTTY: true, columns: 100 });
    const v = new LiveView(out, () => lines(3, 1));
    v.draw();
    v.draw();
    const text = out.text();
    expect(text).toContain('\x1b[3A\x1b[0J');
    expect(text).toMatch(/s1 +up +:4001 +3 requests +1 session /);
    expect(text).toContain('4 requests in all');
  });

  it('renders counts with bars and the banner with the admin URL', () => {
    const out = memoryOutput();
    expect(renderCounts(lines(4, 2), out)[0]).toMatch(/█{5,}/);
    expect(countsLine(lines(4, 2))).toBe('requests: s1 4 · s2 2');
    const banner = renderBanner(
      { url: 'http://127.0.0.1:8080/', token: 'f'.repeat(32), balancer: 'builtin', strategy: 'sticky-cookie', rrMode: 'haproxy', store: 'memory', backends: [{ name: 's1', port: 4001 }] },
      out,
    );
    expect(banner).toContain(`http://127.0.0.1:8080/#token=${'f'.repeat(32)}`);
    expect(banner).toContain('Backends:     s1 127.0.0.1:4001');
  });
});
