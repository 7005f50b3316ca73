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
