// The one layout rule: display width, word-boundary wrapping with hanging indents, the output
// layer's safety net, and prompt text laid out for inquirer (which would break lines mid-word).
import fc from 'fast-check';
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { layoutForPrompt } from '../../../src/ui/prompts.js';
import { layoutWriter } from '../../../src/ui/terminal.js';
import { displayWidth, stripAnsi, truncate, truncateWords, wrapIndented } from '../../../src/ui/text.js';

const c = createColors(true);
const words = (text: string) => stripAnsi(text).split(/\s+/).filter(Boolean);

describe('displayWidth', () => {
  it.each([
    ['plain', 5],
    ['· ─ … ✔ ✘', 9],
    [c.red('red') + c.bold(' bold'), 8],
    ['寿司', 4],
    ['🍣 sushi', 8],
    ['e\u0301', 1], // combining accent
    ['', 0],
  ])('%j is %i columns', (text, width) => expect(displayWidth(text)).toBe(width));
});

describe('wrapIndented', () => {
  it('keeps a bullet item\'s text under itself, at word boundaries', () => {
    const out = wrapIndented('  * With local sessions the user stays on the new server after a failover', 30);
    expect(out.split('\n')).toEqual(['  * With local sessions the', '    user stays on the new', '    server after a failover']);
  });

  it('keeps numbered items and colour codes', () => {
    const out = wrapIndented(`  1. ${c.yellow('code')} and more words than fit here`, 20);
    for (const l of out.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(stripAnsi(out).split('\n')[1]).toMatch(/^ {5}\S/);
  });

  it('breaks only a word longer than the line', () => {
    const out = wrapIndented('a ' + 'x'.repeat(25) + ' b', 10);
    for (const l of out.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(10);
    expect(out.replace(/\n/g, '')).toBe('a ' + 'x'.repeat(25) + ' b');
  });

  it('never splits a word and never overflows (property)', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 20, max: 120 }), (ws, indent, width) => {
        const line = ' '.repeat(indent) + '* ' + ws.join(' ');
        const out = wrapIndented(line, width);
        for (const l of out.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(width);
        expect(words(out)).toEqual(words(line));
      }),
    );
  });
});

describe('truncate and truncateWords', () => {
  it.each([
    ['Session persistence, sticky sessions', 24, 'Session persistence, st…', 'Session persistence…'],
    ['short', 10, 'short', 'short'],
    ['寿司寿司寿司', 7, '寿司寿…', '寿司寿…'],
  ])('%j in %i columns', (text, width, cut, byWords) => {
    expect(truncate(text, width)).toBe(cut);
    expect(displayWidth(truncate(text, width))).toBeLessThanOrEqual(width);
    expect(truncateWords(text, width)).toBe(byWords);
  });
});

describe('layoutWriter (the terminal safety net)', () => {
  const collect = (width: number) => {
    let buf = '';
    const write = layoutWriter(
      () => width,
      (t) => (buf += t),
    );
    return { write, text: () => buf };
  };

  it('wraps a too-long line at a word boundary, keeping its indent', () => {
    const o = collect(30);
    o.write('Card 1 of 10 · new · load-balancing · What is a load balancer and why do systems use one?\n');
    const lines = o.text().trimEnd().split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    expect(words(o.text())).toEqual(words('Card 1 of 10 · new · load-balancing · What is a load balancer and why do systems use one?'));
  });

  it('continues a line written in pieces from where the previous piece ended', () => {
    const o = collect(20);
    o.write('Score: ');
    o.write('one two three four five six\n');
    const lines = o.text().trimEnd().split('\n');
    expect(lines[0]).toBe('Score: one two three');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20);
  });

  it('leaves JSON, progress lines that rewrite themselves and lines that fit as they are', () => {
    const o = collect(10);
    const json = JSON.stringify({ title: 'a long title that is wider than ten' }) + '\n';
    o.write(json);
    o.write('\r3 of 10 files imported\x1b[K');
    o.write('\n');
    o.write('fits\n');
    expect(o.text()).toBe(json + '\r3 of 10 files imported\x1b[K\nfits\n');
  });

  it('passes a URL or path alone on its line through whole (the terminal soft-wraps it, copy and click get it whole)', () => {
    const o = collect(20);
    const url = `http://127.0.0.1:8080/#token=${'f'.repeat(32)}`;
    o.write(`Admin panel:\n\x1b[36m${url}\x1b[39m\n  /tmp/prepdeck-lab-abcdef/haproxy.cfg\nsee http://127.0.0.1:8080/a/long/path\n`);
    const lines = o.text().split('\n');
    expect(lines.slice(0, 2)).toEqual(['Admin panel:', `\x1b[36m${url}\x1b[39m`]);
    expect(lines).toContain('  /tmp/prepdeck-lab-abcdef/haproxy.cfg');
    // Not alone on its line: the line is wrapped as ever.
    expect(o.text()).not.toContain('see http://127.0.0.1:8080/a/long/path');
  });

  it('lays out what follows a redraw (clear screen, cursor up) from the first column', () => {
    const o = collect(20);
    o.write('\x1b[H\x1b[2JThe answer was shown in the scrollable view\n');
    expect(o.text()).toBe('\x1b[H\x1b[2JThe answer was shown\nin the scrollable\nview\n');
  });
});

describe('layoutForPrompt', () => {
  it('wraps a message to the width left after "? " and indents later lines under it', () => {
    const out = layoutForPrompt('Grade: 1 Again (1m) · 2 Hard (6m) · 3 Good (10m) · 4 Easy (8d) · Enter: Again (suggested)', 80, 2);
    const lines = out.split('\n');
    for (const l of lines) expect(displayWidth(l) + 2).toBeLessThanOrEqual(80);
    // Breaks between key hints, not inside one.
    expect(lines.at(-1)).toBe('  Enter: Again (suggested)');
  });

  it('wraps an option under its own text after the cursor mark', () => {
    const out = layoutForPrompt('Drain the server first, then stop it once the crash is detected', 40, 2);
    expect(out.split('\n')).toEqual(['Drain the server first, then stop it', '  once the crash is detected']);
  });
});

describe('hangPhrases', () => {
  it('breaks between phrases (commands, key hints), never inside one', async () => {
    const { hangPhrases } = await import('../../../src/ui/text.js');
    const out = hangPhrases('Related:      ', 'prepdeck read what-is-a-load-balancer · prepdeck read l4-vs-l7 · prepdeck read lb-algorithms', 60);
    expect(out.split('\n')).toEqual(['Related:      prepdeck read what-is-a-load-balancer ·', '              prepdeck read l4-vs-l7 ·', '              prepdeck read lb-algorithms']);
  });
});
