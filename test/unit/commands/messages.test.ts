// Messages that tell the user what to type next (QA: a raw yargs "Choices: get, set" for
// `config new-per-day 5`; a validate hint that forgot the --content folder).
import { describe, expect, it } from 'vitest';
import { unknownAction } from '../../../src/commands/config.js';
import { problemSummary } from '../../../src/content/library.js';

describe('config with an unknown action', () => {
  it.each([
    ['new-per-day', '5', 'To change new-per-day: prepdeck config set new-per-day 5. To see it: prepdeck config get new-per-day.'],
    ['depth', undefined, 'To change depth: prepdeck config set depth VALUE. To see it: prepdeck config get depth.'],
    ['show', undefined, "'show' is not get or set. Usage: prepdeck config (list all) · prepdeck config get SETTING · prepdeck config set SETTING VALUE. Settings: depth, new-per-day."],
  ])('%s %s', (action, key, message) => {
    expect(unknownAction(action, { action, ...(key !== undefined ? { key } : {}) })).toBe(message);
  });
});

describe('the content problems line', () => {
  it.each([
    [[], 'Run prepdeck validate for the details.'],
    [['out'], 'Run prepdeck --content out validate for the details.'],
    [['my notes', 'x;y'], "Run prepdeck --content 'my notes' --content 'x;y' validate for the details."],
  ])('names the --content folders %j', (content, tail) => {
    expect(problemSummary(['a.md'], 1, content).trimEnd().endsWith(tail)).toBe(true);
  });
});

describe('UI strings', () => {
  it("use straight apostrophes (Today's, not today’s): no curly one outside comments in src/", async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '../../../src');
    const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ts'));
    const curly = files.flatMap((e) => {
      const file = join(e.parentPath, e.name);
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.includes('\u2019') && !/^\s*(\/\/|\*|\/\*)/.test(line))
        .map((line) => `${file}: ${line.trim()}`);
    });
    expect(curly).toEqual([]);
  });
});
