// Front matter keys are checked: an unknown key is a problem on its own line, whatever it is named.
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/content/frontmatter.js';

const BASE = 'id: q\ndeck: d\ntitle: T\nlevel: mid\ntags: [t]\n';

describe('unknown front-matter keys', () => {
  it.each([
    ['relatd: [x]', "unknown key 'relatd'"],
    ['Title: Capitalised', "unknown key 'Title'"],
    ['__proto__: {polluted: true}', "unknown key '__proto__'"],
    ['"\\e]52;c;eA==\\a": x', "unknown key ''"], // the escape sequence is removed whole
  ])('%s', (line, message) => {
    const r = parseFrontMatter(BASE + line, 'f.md', 2);
    expect(r.data).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.message).toContain(message);
    // eslint-disable-next-line no-control-regex
    expect(r.problems[0]!.message).not.toMatch(/[\u0000-\u001f]/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('points at the line of the unknown key', () => {
    expect(parseFrontMatter(BASE + 'colour: red', 'f.md', 2).problems[0]!.line).toBe(7);
  });

  it("a bad simulate: value is worded as the flag's own message, quoting the value", () => {
    const r = parseFrontMatter(BASE + 'simulate: --users lots', 'f.md', 2);
    expect(r.problems.map((p) => p.message)).toEqual(["front matter: 'simulate': --users must be a whole number from 1 to 5,000,000; got 'lots'"]);
  });

  it('known optional keys are fine', () => {
    const r = parseFrontMatter(BASE + 'order: 2\nrelated: []\nsource: notes\nsimulate: --scenario failover', 'f.md', 2);
    expect(r.problems).toEqual([]);
    expect(r.data?.simulate).toBe('--scenario failover');
  });
});
