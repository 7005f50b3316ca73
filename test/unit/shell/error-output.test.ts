import { describe, expect, it } from 'vitest';
import { reportError, writeUserError } from '../../../src/error-output.js';
import { ContentError, InterruptedError, NotFoundError, UsageError } from '../../../src/errors.js';

function capture(): { out: { write(t: string): void }; text: () => string } {
  let text = '';
  return { out: { write: (t) => (text += t) }, text: () => text };
}

describe('reportError: the one top-level policy', () => {
  const named = (name: string) => Object.assign(new Error('x'), { name });
  it.each([
    ['a usage error', new UsageError('--port must be a number'), 2, '--port must be a number\n'],
    ['not found', new NotFoundError('no such question\n'), 3, 'no such question\n'],
    ['invalid content', new ContentError([{ file: 'a.md', line: 3, message: 'bad' }]), 4, 'a.md:3: bad\n'],
    ['interrupted', new InterruptedError(), 130, 'Interrupted.\n'],
    ['Ctrl+C at our prompt', named('PromptInterrupted'), 130, 'Bye.\n'],
    ["Ctrl+C at @inquirer's prompt", named('ExitPromptError'), 130, 'Bye.\n'],
  ])('%s', (_, err, code, printed) => {
    const c = capture();
    expect(reportError(err, c.out)).toBe(code);
    expect(c.text()).toBe(printed);
  });

  it('anything else is a bug: exit 1 with the stack', () => {
    const c = capture();
    expect(reportError(new TypeError('boom'), c.out)).toBe(1);
    expect(c.text()).toMatch(/^prepdeck: internal error \(a bug; please report it\)\nTypeError: boom\n/);
  });
});

it('writeUserError sanitises what the message quotes (no terminal escapes get through)', () => {
  const c = capture();
  writeUserError(new UsageError('unknown deck \u001b[31mred\u001b[0m'), c.out);
  expect(c.text()).not.toContain('\u001b');
  expect(c.text().endsWith('\n')).toBe(true);
});
