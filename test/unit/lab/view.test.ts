import { describe, expect, it } from 'vitest';
import { countsLine, linesOnScreen, LiveView, renderBanner, renderCounts, type BackendLine } from '../../../src/ui/lab-view.js';
import { memoryOutput, type Output } from '../../../src/ui/terminal.js';
import { displayWidth, stripAnsi } from '../../../src/ui/text.js';

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
    expect(text).toContain('\r\x1b[3A\x1b[0J');
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
    expect(banner).not.toContain('weight');
  });

  it('the banner shows each backend\'s weight once one differs from 1', () => {
    const backends = [{ name: 's1', port: 4001, weight: 2 }, { name: 's2', port: 4002, weight: 1 }];
    const banner = renderBanner({ url: 'http://127.0.0.1:8080/', token: 'f'.repeat(32), balancer: 'haproxy', strategy: 'sticky-cookie', rrMode: 'haproxy', store: 'memory', backends }, memoryOutput());
    expect(banner).toContain('Backends:     s1 127.0.0.1:4001 · s2 127.0.0.1:4002\n');
    expect(banner).toContain('Weights:      s1 2 · s2 1\n');
  });

  it.each([20, 30, 40, 45, 50, 60, 80, 100])('at %i columns every live row fits (the in-place redraw counts rows), no word is cut, with bars when there is room', (columns) => {
    const out = memoryOutput({ isTTY: true, columns, color: true });
    const rows = renderCounts([{ name: 's12', port: 40123, state: 'draining', requests: 123456, sessions: 9999 }, ...lines(4, 2)], out);
    for (const r of rows) expect(displayWidth(r), r).toBeLessThanOrEqual(columns);
    const plain = rows.map(stripAnsi);
    for (const r of plain) expect(r, r).not.toContain('…');
    // Whole words only: the full labels, or the short ones the narrow layout uses.
    const words = new Set(plain.join(' ').split(/[\s█]+/).filter((w) => /^[a-z]+$/i.test(w)));
    for (const w of words) expect(['s', 'up', 'draining', 'request', 'requests', 'session', 'sessions', 'req', 'sess', 'in', 'all', 'Ctrl', 'to', 'stop']).toContain(w);
    // One row per backend down to 40 columns (the total may wrap); the labels stay full from 50.
    if (columns >= 40) expect(plain.slice(0, 3).every((r) => /^ {2}s\d/.test(r)) && !/^ {4}/.test(plain[3]!), plain.join('\n')).toBe(true);
    if (columns >= 40) expect(plain[0]).toMatch(columns >= 50 ? /123456 requests +9999 sessions/ : /123456 req +9999 sess\b/);
    if (columns >= 80) expect(rows[1]).toMatch(/:4001 /);
    if (columns >= 60) expect(rows[0]).toMatch(/█{3,}/);
  });

  it('in a terminal the banner wraps beside its labels; a URL or path is never broken: whole, alone on its line when it does not fit; piped rows stay whole', () => {
    const banner = { url: 'http://127.0.0.1:8080/', token: 'f'.repeat(32), balancer: 'builtin' as const, strategy: 'sticky-cookie', rrMode: 'haproxy', store: 'memory' as const, backends: [1, 2, 3, 4].map((i) => ({ name: `s${i}`, port: 40000 + i })) };
    const admin = `http://127.0.0.1:8080/#token=${'f'.repeat(32)}`;
    const config = `/tmp/prepdeck-lab-${'x'.repeat(40)}/haproxy.cfg`;
    for (const columns of [40, 45, 50, 60, 80, 100]) {
      const text = renderBanner({ ...banner, haproxyConfig: config }, memoryOutput({ isTTY: true, columns }));
      const lines = text.split('\n');
      // The one line allowed wider than the terminal: a URL or path alone (the terminal soft-wraps it, still one line to copy).
      for (const line of lines) if (line !== admin && line !== config) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
      for (const whole of [admin, config, banner.url]) expect(lines.some((l) => l.trim() === whole || l.includes(` ${whole}`)), `${whole} @${columns}`).toBe(true);
      if (columns < 66) expect(lines, `@${columns}`).toContain(admin);
      expect(text.split(/\s+/)).toEqual(renderBanner({ ...banner, haproxyConfig: config }, memoryOutput({ isTTY: true, columns: 200 })).split(/\s+/));
    }
    expect(renderBanner(banner, memoryOutput({ columns: 60 }))).toContain('Backends:     s1 127.0.0.1:40001 · s2 127.0.0.1:40002 · s3 127.0.0.1:40003 · s4 127.0.0.1:40004\n');
  });

  it.each([
    // widths of the rows drawn, the terminal's width now, lines they take on screen
    [[50, 50, 30], 80, 3],
    [[60, 60], 60, 2],
    [[61, 0], 60, 3],
    [[58, 58, 58, 36], 45, 7],
    [[58, 58, 58, 36], 20, 11],
    [[], 80, 0],
  ])('rows %j on a terminal %i columns wide take %i lines', (widths, columns, n) => {
    expect(linesOnScreen(widths, columns)).toBe(n);
  });

  /** A terminal whose width the test changes, resize events included. */
  function resizable(columns: number) {
    let text = '';
    const listeners = new Set<() => void>();
    const out: Output & { text(): string; resize(to: number): void; listeners: number } = {
      write: (t) => void (text += t),
      isTTY: true,
      get columns() {
        return columns;
      },
      color: false,
      c: memoryOutput().c,
      onResize(l) {
        listeners.add(l);
        return () => void listeners.delete(l);
      },
      text: () => text,
      resize(to) {
        columns = to;
        for (const l of listeners) l();
      },
      get listeners() {
        return listeners.size;
      },
    };
    return out;
  }

  it.each([
    [80, 80],
    [80, 45],
    [60, 30],
    [100, 58],
  ])('drawn at %i columns, redrawn at %i: the cursor goes up by the lines the old rows take now', (before, after) => {
    const out = resizable(before);
    const now = lines(12, 7);
    const v = new LiveView(out, () => now, 1);
    v.draw();
    const drawn = out.text().trimEnd().split('\n');
    for (const row of drawn) expect(displayWidth(row), row).toBeLessThanOrEqual(before);
    out.resize(after);
    v.draw();
    const up = linesOnScreen(drawn.map(displayWidth), after);
    expect(up).toBeGreaterThanOrEqual(drawn.length);
    expect(out.text()).toContain(`\r\x1b[${up}A\x1b[0J`);
    v.close();
  });

  it('at 20 columns the rows wrap under a hanging indent, and the redraw goes up by every line drawn', () => {
    const out = resizable(20);
    const v = new LiveView(out, () => [{ name: 's12', port: 40123, state: 'draining', requests: 123456, sessions: 9999 }, ...lines(4, 2)], 1);
    v.draw();
    const drawn = out.text().trimEnd().split('\n');
    expect(drawn.length).toBeGreaterThan(4);
    expect(drawn.some((l) => l.startsWith('    '))).toBe(true);
    v.draw();
    expect(out.text()).toContain(`\r\x1b[${drawn.length}A\x1b[0J`);
    v.close();
  });

  it('a resized terminal gets the block redrawn to its width without waiting for a request; close stops listening', async () => {
    const out = resizable(80);
    const v = new LiveView(out, () => lines(3, 1), 1);
    v.draw();
    expect(out.listeners).toBe(1);
    const before = out.text().length;
    out.resize(40);
    await new Promise((r) => setTimeout(r, 20));
    const redrawn = out.text().slice(before);
    const erase = `\r\x1b[${linesOnScreen(out.text().slice(0, before).trimEnd().split('\n').map(displayWidth), 40)}A\x1b[0J`;
    expect(redrawn.startsWith(erase)).toBe(true);
    for (const row of redrawn.slice(erase.length).trimEnd().split('\n')) expect(displayWidth(row), row).toBeLessThanOrEqual(40);
    v.close();
    expect(out.listeners).toBe(0);
  });
});
