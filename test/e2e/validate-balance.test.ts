// `prepdeck validate` warns (exit 0) when a deck's true/false items can be answered from their wording,
// and stays silent for the built-in content.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
// In-process through main(argv, ctx): what is printed and the exit code are what these check.
import { runMain as runCli } from '../support/main.js';

function question(items: { prompt: string; answer: boolean }[]): string {
  const quiz = items
    .map((it, i) => [`## item-${i + 1} (true-false)`, '', it.prompt, '', `- [${it.answer ? 'x' : ' '}] True`, `- [${it.answer ? ' ' : 'x'}] False`, '', 'Explanation: Because.', ''].join('\n'))
    .join('\n');
  return [
    '---',
    'id: wording-demo',
    'deck: wording-deck',
    'title: A deck whose wording gives answers away',
    'level: junior',
    'tags: [demo]',
    '---',
    '',
    '# Question',
    '',
    'What is it?',
    '',
    '# Super-brief answer',
    '',
    'Short.',
    '',
    '# Brief answer',
    '',
    'Longer.',
    '',
    '# Detailed answer',
    '',
    'Longest.',
    '',
    '# Quiz',
    '',
    quiz,
  ].join('\n');
}

describe('validate: true/false balance warning', () => {
  const dir = tempDir();
  afterAll(() => dir.remove());

  it('warns on stderr and still exits 0 when absolute words sit only in false statements', async () => {
    const file = join(dir.path, 'wording-demo.md');
    const items = [
      ...Array.from({ length: 4 }, (_, i) => ({ prompt: `Caching always makes every request faster (${i}).`, answer: false })),
      ...Array.from({ length: 4 }, (_, i) => ({ prompt: `A cache can serve stale data (${i}).`, answer: true })),
    ];
    writeFileSync(file, question(items));
    const r = await runCli(['validate', file], { env: { COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('no problems');
    expect(r.stderr).toContain('warning: deck wording-deck:');
    expect(r.stderr.replace(/\s+/g, ' ')).toContain('in 4 of 4 false and 0 of 4 true true/false statements');
    for (const line of r.stderr.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('is silent for the built-in deck', async () => {
    const r = await runCli(['validate']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});
