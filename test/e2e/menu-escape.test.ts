// Esc in a terminal list: a sub-menu of the home menu goes back to the menu and changes nothing; a
// list with no way back (a quiz's answers) keeps its cursor where it was. inquirer's select took
// Esc (and ←, →) as a search for '' and moved the cursor to the first choice, so Esc then Enter
// picked it: the first answer, or "super-brief" and 5 new cards a day in the settings.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS, openFromMenu, useSessions, type Session } from '../support/pty.js';
import { pastScrollView } from '../support/scroll.js';

const sessions = useSessions();
const LEFT = '\x1b[D';

/** Moves the cursor of the list asking `question` off its first choice, then presses Esc. */
async function downThenEscape(t: Session, question: string): Promise<void> {
  await t.waitFor(question);
  await t.waitFor('❯ ');
  t.write(KEYS.down);
  t.write(KEYS.escape);
}

describe('Esc in the home menu', () => {
  it('goes back to the menu from every sub-menu, settings unchanged', async () => {
    const home = sessions.home();
    const t = sessions.start([], home, { cols: 80, rows: 30 });
    const steps: [number, string, string[]][] = [
      [2, 'Take a quiz', ['Which quiz?']],
      [2, 'Take a quiz', ['Which quiz?', 'How many items?']],
      [3, 'Read an answer', ['Which question?']],
      [4, 'Simulate a load balancer', ['Which scenario?']],
      [7, 'Settings', ['Answer depth']],
      [7, 'Settings', ['Answer depth', 'New flashcards a day']],
      [1, 'Practise flashcards', ['Practise', 'How many new cards?']],
      [1, 'Practise flashcards', ['Practise', 'Which question?']],
    ];
    for (const [n, name, questions] of steps) {
      await openFromMenu(t, n, name);
      const last = questions.length - 1;
      for (const question of questions.slice(0, last)) {
        await t.waitFor(question);
        await t.waitFor('❯ ');
        // The Practise entries: the second is extra new cards, the fifth one question.
        if (question === 'Practise') t.write(questions[last] === 'Which question?' ? KEYS.down.repeat(4) : KEYS.down);
        t.write(KEYS.enter);
      }
      await downThenEscape(t, questions[last]!);
      await t.waitFor('Ctrl+C quit');
    }
    // Read → a question → l: related questions → Esc: back to the answer's keys, then to the menu.
    await openFromMenu(t, 3, 'Read an answer');
    await t.waitFor('Which question?');
    await t.waitFor('❯ ');
    t.write(KEYS.enter);
    await pastScrollView(t, 'l: related questions');
    t.write('l');
    await downThenEscape(t, 'Related to');
    await t.waitFor('l: related questions');
    t.write(KEYS.enter);
    await t.waitFor('Ctrl+C quit');
    t.write(KEYS.ctrlC);
    expect(await t.exit()).toBe(130);
    const settings = existsSync(join(home, 'progress.json')) ? (JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { settings: object }).settings : {};
    expect(settings).toEqual({});
  });
});

describe('Esc or an arrow key in a list with no way back', () => {
  // ← stands for Esc here: a lone Esc written together with Enter arrives as one Alt+Enter.
  it("← leaves a quiz answer's cursor where it was", async () => {
    const t = sessions.start(['quiz', '--content', 'test/fixtures/good/custom', '--deck', 'caching', '--count', '1'], sessions.home(), { cols: 80, rows: 30 });
    await t.waitFor('Your answer');
    const list = await t.waitFor('↑↓');
    const options = list.split('\n').filter((l) => /^[❯ ] \S/.test(l)).map((l) => l.slice(2).trim());
    expect(options).toHaveLength(3);
    t.write(KEYS.down);
    t.write(LEFT);
    t.write(KEYS.enter);
    await t.waitFor(`Your answer: ${options[1]}`);
  });
});
