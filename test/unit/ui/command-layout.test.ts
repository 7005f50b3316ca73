// Commands printed for copying break only between whole arguments (QA: `--seed` / `565511`,
// `prepdeck read` / `session-persistence`, a line starting with `·  prepdeck practice`).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../../src/ui/answer-render.js';
import { memoryOutput } from '../../../src/ui/terminal.js';
import { displayWidth, layoutCommand, layoutHints } from '../../../src/ui/text.js';
import { question } from '../quiz/fixtures.js';

const retake = 'prepdeck --content out quiz --question session-persistence --count 20 --seed 565511';

describe('layoutCommand', () => {
  it.each([
    [200, [retake]],
    [60, ['prepdeck --content out quiz --question session-persistence \\', '  --count 20 --seed 565511']],
    [40, ['prepdeck --content out quiz \\', '  --question session-persistence \\', '  --count 20 --seed 565511']],
    // session-persistence and its " \\" are 21 columns: the one argument cut (QA: it overflowed).
    [20, ['prepdeck \\', '  --content out \\', '  quiz --question \\', 'session-persisten… \\', '  --count 20 \\', '  --seed 565511']],
  ])('at %i columns', (width, lines) => {
    expect(layoutCommand(retake, width)).toEqual(lines);
  });

  it('keeps a quoted argument whole', () => {
    expect(layoutCommand("prepdeck --content 'my notes folder' quiz --seed $'7\\x1b'", 30)).toEqual(['prepdeck --content \\', "  'my notes folder' quiz \\", "  --seed $'7\\x1b'"]);
  });

  it('pasted back (continuations joined), gives the same arguments; lines fit when every argument does', () => {
    const word = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.integer({ min: 20, max: 100 }), (args, width) => {
        const command = ['prepdeck', ...args].join(' ');
        const lines = layoutCommand(command, width);
        expect(lines.join('\n').replace(/ \\\n */g, ' ')).toBe(command);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
        expect(lines.slice(1).every((l) => !/^\s*[·|\\]/.test(l))).toBe(true);
      }),
    );
  });
});

describe('layoutCommand: an argument wider than a line', () => {
  const folder = '/home/someone/interview-notes/system-design';
  const cmd = `prepdeck --content ${folder} read sticky`;
  it.each([
    // Alone on its line, indented, when it fits so.
    [50, ['prepdeck --content \\', `  ${folder} \\`, '  read sticky']],
    // Alone on its line without the indent (a shell ignores it) when only that fits.
    [46, ['prepdeck --content \\', `${folder} \\`, '  read sticky']],
    // Wider than the whole line: cut with …, the last resort.
    [30, ['prepdeck --content \\', '/home/someone/interview-not… \\', '  read sticky']],
  ])('at %i columns', (width, lines) => {
    expect(layoutCommand(cmd, width)).toEqual(lines);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
  });

  it('no line is ever wider than the width; only an argument wider than a line is cut', () => {
    const word = fc.stringMatching(/^[a-z0-9/-]{1,60}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.integer({ min: 12, max: 100 }), (args, width) => {
        const command = ['prepdeck', ...args].join(' ');
        const lines = layoutCommand(command, width);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(width);
        const pasted = lines.join('\n').replace(/ \\\n */g, ' ');
        if (args.every((a) => a.length + 2 <= width)) expect(pasted).toBe(command);
        else expect(pasted.split(' ').every((w) => command.split(' ').includes(w) || w.endsWith('…'))).toBe(true);
      }),
    );
  });
});

describe('layoutHints', () => {
  it('breaks between items, never starting or ending a line with the separator', () => {
    const lines = layoutHints(['prepdeck read l4-vs-l7', 'prepdeck read health-checks', 'prepdeck practice'], 52);
    expect(lines).toEqual(['prepdeck read l4-vs-l7 · prepdeck read health-checks', 'prepdeck practice']);
  });

  it('lays out an item wider than the width as a command', () => {
    expect(layoutHints(['prepdeck practice', retake], 40, { commands: true })).toEqual(['prepdeck practice', ...layoutCommand(retake, 40)]);
  });
});

describe("Read's footer", () => {
  it.each([60, 80, 100])('at %i columns, every command is whole on its lines', (columns) => {
    const q = { ...question('session-persistence', { quiz: ['a'] }), related: ['l4-vs-l7', 'health-checks', 'what-is-a-load-balancer'], simulate: '--scenario seed-example' };
    const text = renderAnswer(q, ['brief'], memoryOutput({ columns }), (md) => md);
    const footer = text.slice(text.indexOf(' Next '));
    const lines = footer.split('\n').slice(1);
    lines.forEach((line, i) => {
      expect(displayWidth(line)).toBeLessThanOrEqual(columns);
      expect(line.trimStart()).not.toMatch(/^·/);
      // A line goes on with an argument only after a line ending in the shell's continuation.
      if (/^\s*(--|session-persistence)/.test(line)) expect(lines[i - 1]).toMatch(/ \\$/);
    });
    const pasted = footer.replace(/ \\\n */g, ' ');
    expect(pasted).toContain('prepdeck quiz --question session-persistence');
    expect(pasted).toContain('prepdeck read session-persistence --depth detailed');
  });
});

describe("Read's footer with an argument too wide for the room beside the labels (QA: overflow at 45 columns)", () => {
  const folder = '/home/someone/notes/system-design';
  it.each([
    ['a --content folder', 'session-persistence', [folder]],
    ['a long id', 'what-does-session-persistence-mean-behind-a-load-balancer', []],
  ])('%s: commands below their labels, for the whole footer; no line wider than 45 columns', (_what, id, content) => {
    const q = { ...question(id, { quiz: ['a'] }), related: ['l4-vs-l7'], simulate: '--scenario seed-example' };
    const text = renderAnswer(q, ['brief'], memoryOutput({ columns: 45 }), (md) => md, content);
    const lines = text.slice(text.indexOf(' Next ')).split('\n').slice(1, -1);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(45);
    for (const label of ['Other depths:', 'See it run:', 'Related:', 'Practise:']) expect(lines).toContain(label);
    // The folder fits a line of its own: pasted back, the command is whole.
    if (content.length > 0) expect(text.replace(/ \\\n */g, ' ')).toContain(`prepdeck --content ${folder} read session-persistence --depth detailed`);
  });
});
