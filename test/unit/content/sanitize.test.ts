// The one sanitiser for everything printed, and the one shell-quote helper for commands to copy.
import { describe, expect, it } from 'vitest';
import { quoteForDisplay, sanitizeInline, sanitizeText, shellCommand, shellQuote } from '../../../src/content/sanitize.js';

describe('sanitizeText', () => {
  it.each([
    ['plain text', 'plain text'],
    ['osc 52 \u001b]52;c;cm0gLXJmIH4=\u0007clipboard', 'osc 52 clipboard'],
    ['colour \u001b[31mred\u001b[0m', 'colour red'],
    ['c1 csi \u009b31mred', 'c1 csi red'],
    ['bell\u0007 and nul\u0000', 'bell and nul'],
    ['crlf\r\nline', 'crlf\nline'],
    ['\uFEFFbom', 'bom'],
    ['tab\tand\nnewline kept', 'tab\tand\nnewline kept'],
  ])('%j -> %j', (input, output) => {
    expect(sanitizeText(input)).toBe(output);
  });

  it.each([
    ['\u202a', 'LRE'], ['\u202b', 'RLE'], ['\u202c', 'PDF'], ['\u202d', 'LRO'], ['\u202e', 'RLO'],
    ['\u2066', 'LRI'], ['\u2067', 'RLI'], ['\u2068', 'FSI'], ['\u2069', 'PDI'],
    ['\u200e', 'LRM'], ['\u200f', 'RLM'], ['\u061c', 'ALM'],
  ])('strips the bidi control %j (%s)', (ch) => {
    expect(sanitizeText(`abc${ch}def.md`)).toBe('abcdef.md');
  });

  it('keeps other Unicode (accents, CJK, emoji, joiners)', () => {
    const text = 'café 寿司 🍣 👩‍💻';
    expect(sanitizeText(text)).toBe(text);
  });
});

describe('inline and quoted for messages', () => {
  it('puts a file name or argument on one line', () => {
    expect(sanitizeInline('two\nlines\tand\u001b[2Jclear')).toBe('two lines andclear');
    expect(quoteForDisplay('/tmp/a\u202eb.md')).toBe("'/tmp/ab.md'");
  });
});

describe('shellQuote', () => {
  it.each([
    ['simple', 'simple'],
    ['--scenario', '--scenario'],
    ['a:2,b:1', 'a:2,b:1'],
    ['40%', '40%'],
    ['/tmp/dir/file.md', '/tmp/dir/file.md'],
    ['', "''"],
    ['two words', "'two words'"],
    ['x; rm -rf ~', "'x; rm -rf ~'"],
    ['$(reboot)', "'$(reboot)'"],
    ['`id`', "'`id`'"],
    ["it's", "'it'\\''s'"],
    ['a\u001b]52;c;x\u0007b', "$'a\\x1b]52;c;x\\x07b'"],
    ["new\nline's", "$'new\\x0aline\\'s'"],
    ['rlo\u202efile', "$'rlo\\u202efile'"],
  ])('%j -> %s', (arg, quoted) => {
    expect(shellQuote(arg)).toBe(quoted);
  });

  it('never lets a control character through', () => {
    for (let code = 0; code < 0xa0; code++) {
      // eslint-disable-next-line no-control-regex
      expect(shellQuote(`x${String.fromCharCode(code)}y`)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
  });

  it('joins a command', () => {
    expect(shellCommand(['prepdeck', 'quiz', '--seed', 'a b'])).toBe("prepdeck quiz --seed 'a b'");
  });
});
