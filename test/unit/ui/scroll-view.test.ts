// The scroll view follows a resized terminal: its text is laid out again from its source for the
// new width (never the old lines re-wrapped), the place being read stays in view, and the frame
// after a resize starts on a cleared screen (the terminal reflowed the old one).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CLEAR_SCREEN, footerText, heightFor, keepPlace, scrollTo, scrollView, type ScrollPage } from '../../../src/ui/scroll-view.js';
import { displayWidth, wrap } from '../../../src/ui/text.js';
import { FakeTerminal, tick } from '../../support/fake-terminal.js';
import { emulate, layoutProblems, vocabulary } from '../../support/screen.js';

describe('scrollTo', () => {
  it.each([
    ['down', 0, 1],
    ['j', 0, 1],
    ['up', 0, 0],
    ['pagedown', 0, 10],
    ['space', 85, 90],
    ['end', 3, 90],
    ['home', 50, 0],
    ['x', 7, 7],
  ])('%s from %i → %i (100 lines, 10 a page)', (key, top, want) => {
    expect(scrollTo(top, key, 10, 100)).toBe(want);
  });
});

describe('keepPlace', () => {
  it.each([
    // top, lines before, lines after, page → new top
    ['the top stays the top', 0, 50, 70, 10, 0],
    ['the end stays the end', 40, 50, 70, 10, 60],
    ['the same fraction of the way through', 20, 50, 70, 10, 28],
    ['narrower: more lines', 10, 40, 60, 10, 15],
    ['wider: fewer lines', 30, 80, 50, 10, 19],
    ['kept within the last page', 30, 80, 35, 10, 13],
    ['now shorter than a page', 5, 40, 8, 10, 0],
  ])('%s', (_why, top, before, after, page, want) => {
    expect(keepPlace(top, before, after, page)).toBe(want);
  });
});

describe('heightFor', () => {
  it.each([
    [30, 2, 99, 28],
    [10, 3, 99, 7],
    [4, 3, 99, 3],
    [undefined, 3, 21, 21],
  ])('rows %s, %i kept for the title and footer (else %i) → %i', (rows, reserved, fallback, want) => {
    expect(heightFor(rows, reserved, fallback)).toBe(want);
  });
});

describe('footerText', () => {
  it.each([
    [80, 'lines 11–20 of 100 · ↑↓ PgUp/PgDn: scroll · q: close'],
    [40, '11–20/100 · ↑↓ PgUp/PgDn · q: close'],
    [24, '11–20/100 · q: close'],
    [12, '11–20/100'],
  ])('at %i columns', (columns, want) => {
    expect(footerText(10, 10, 100, columns, 'close')).toBe(want);
  });
});

// A Markdown-like source: paragraphs of long words and a rule as wide as the text, rendered per width.
const SOURCE = Array.from({ length: 6 }, (_, i) => `Paragraph ${i}: balancers distribute incoming connections across healthy backends, draining unhealthy instances gracefully.`);
const WORDS = vocabulary([...SOURCE, 'Answer at · lines of · PgUp PgDn scroll · q: close']);
const render = (columns: number): ScrollPage => ({
  title: `Answer at ${columns}`,
  lines: [...SOURCE.flatMap((p) => [...wrap(p, columns).split('\n'), '']), '─'.repeat(columns)],
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await tick();
  expect(check()).toBe(true);
}

/** Opens the view at `cols` × `rows` (two rows kept for the title and footer). */
function open(cols: number, rows: number) {
  const term = new FakeTerminal(cols, rows);
  const input = new PassThrough();
  const shown = scrollView({ ...render(cols), height: rows - 2, columns: cols, render, terminal: term.live() }, { input, output: term as unknown as NodeJS.WritableStream });
  return { term, input, shown };
}

/** The frame drawn since the last clear, as a terminal `cols` wide shows it. */
function lastFrame(term: FakeTerminal, cols: number, rows: number) {
  return emulate(term.text.slice(term.text.lastIndexOf(CLEAR_SCREEN)), cols, rows).rows.slice(-rows);
}

describe('scrollView in a resized terminal', () => {
  it.each([
    [80, 40],
    [80, 24],
    [40, 80],
  ])('%i → %i columns: laid out again from its source, nothing wider, no word split', async (from, to) => {
    const { term, input, shown } = open(from, 12);
    await until(() => term.text.includes('q: close'));
    term.resize(to, 12);
    await until(() => term.text.includes(CLEAR_SCREEN));
    const rows = lastFrame(term, to, 12);
    expect(rows[0]!.text).toBe(`Answer at ${to}`);
    expect(rows.filter((r) => displayWidth(r.text) > to)).toEqual([]);
    expect(layoutProblems({ rows }, WORDS)).toEqual([]);
    input.write('q');
    await shown;
  });

  it('keeps the place being read, and follows a new height', async () => {
    const { term, input, shown } = open(60, 12);
    await until(() => term.text.includes('q: close'));
    input.write('\u001b[6~'); // PgDn: lines 11–20
    await until(() => term.text.includes('11–20'));
    const before = render(60).lines.length;
    term.resize(30, 20);
    await until(() => term.text.includes(CLEAR_SCREEN));
    const after = render(30).lines.length;
    const top = keepPlace(10, before, after, 18);
    const rows = lastFrame(term, 30, 20).map((r) => r.text);
    expect(rows.at(-1)).toBe(footerText(top, 18, after, 30, 'close'));
    expect(top).toBeGreaterThan(0);
    expect(rows.slice(1, -1)).toEqual(render(30).lines.slice(top, top + 18).map((l) => l.trimEnd()));
    input.write('q');
    await shown;
  });

  it('without a way to render again, a resize changes nothing', async () => {
    const term = new FakeTerminal(60, 12);
    const input = new PassThrough();
    const shown = scrollView({ ...render(60), height: 10, columns: 60, terminal: term.live() }, { input, output: term as unknown as NodeJS.WritableStream });
    await until(() => term.text.includes('q: close'));
    term.resize(30, 12);
    await tick();
    expect(term.text).not.toContain(CLEAR_SCREEN);
    input.write('q');
    await shown;
  });
});
