// The width-matrix test's terminal replay (test/support/screen.ts): it must see what a terminal shows.
import { describe, expect, it } from 'vitest';
import { emulate, layoutProblems, vocabulary } from '../../support/screen.js';

const words = vocabulary(['once the crash is detected, the user stays on the new server']);

describe('emulate', () => {
  it('wraps a too-long line like a terminal and marks the continuation row', () => {
    const { rows } = emulate('once the crash is detected\r\n', 20, 10);
    expect(rows.map((r) => r.text)).toEqual(['once the crash is de', 'tected', '']);
    expect(rows.map((r) => r.wrapped)).toEqual([false, true, false]);
  });

  it('replays the erasing and cursor moves prompts use to redraw', () => {
    const { rows } = emulate('? first draft\n  line two\x1b[2K\x1b[1A\x1b[2K\x1b[G? final', 40, 10);
    expect(rows.map((r) => r.text)).toEqual(['? final', '']);
  });
});

describe('layoutProblems', () => {
  it('reports a line the terminal had to wrap and a word broken by a prompt library', () => {
    const wide = layoutProblems(emulate('once the crash is detected\n', 20, 10), words).join('\n');
    expect(wide).toContain('row 1 wrapped by the terminal');
    expect(wide).toContain('"de" + "tected"');
    const broken = layoutProblems(emulate('once the crash is detecte\r\nd\r\n', 80, 10), words);
    expect(broken.join('\n')).toContain('unknown word piece "detecte"');
  });

  it('accepts exactly a URL alone on a line the terminal wrapped (one line to copy and click), not a URL with other text', () => {
    const url = `http://127.0.0.1:8080/#token=${'f'.repeat(32)}`;
    expect(layoutProblems(emulate(`${url}\r\nthe user\r\n`, 20, 10), words)).toEqual([]);
    expect(layoutProblems(emulate(`the user ${url}\r\n`, 20, 10), words).join('\n')).toContain('wrapped by the terminal');
  });

  it('reports two pieces that make a word at a row break; accepts words, ids and cut text', () => {
    expect(layoutProblems(emulate('the user stay\r\ns on the new server\r\n', 80, 10), words).join('\n')).toContain('"stay" + "s"');
    expect(layoutProblems(emulate('the new server\r\ns1 crash\r\nthe user stays on the new serv…\r\n', 80, 10), words)).toEqual([]);
  });
});
