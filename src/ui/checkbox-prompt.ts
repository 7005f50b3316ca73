// The checkbox prompt behind Prompter.checkbox: @inquirer/checkbox's look and keys (space ticks,
// `a` ticks all or none, `i` inverts, a number ticks that entry, ↑↓ and j/k move without wrapping
// around, Enter submits), with the list prompt's difference: its message, labels and key help are
// laid out for the terminal's width at every redraw, and a resize redraws at once (erasing the rows
// the terminal added when it reflowed the old frame). inquirer's checkbox kept the labels it was
// given, so a quiz's multi-answer item broke mid-word once the terminal was narrowed.
import { styleText } from 'node:util';
import { createPrompt, isDownKey, isEnterKey, isNumberKey, isSpaceKey, isUpKey, useKeypress, usePagination, usePrefix, useState } from '@inquirer/core';
import { displayWidth, truncateWords } from './text.js';
import { keysHelp, moveActive, useLayout, useReflow, type ListChoice, type Resizable } from './list-prompt.js';

export interface CheckboxLayout<T> {
  message: string;
  choices: readonly ListChoice<T>[];
  /** Shown once on Enter with nothing ticked (Enter again submits nothing); without it Enter submits at once. */
  confirmEmpty?: string;
}

export interface CheckboxPromptConfig<T> extends Resizable {
  /** The message, choices and warning laid out for a width; called again whenever the width changed. */
  layout: (columns: number) => CheckboxLayout<T>;
  /** Entries ticked when the list opens. */
  checked?: readonly number[];
  pageSize?: number;
}

const CURSOR_HIDE = '\u001b[?25l';
const KEYS = ['vim'] as const;
const HELP = [['↑↓', 'navigate'], ['space', 'select'], ['a', 'all'], ['i', 'invert'], ['⏎', 'submit']] as const;
// `? ` before the message and `, ` between the answers on the line shown once submitted.
const PREFIX = 2;

/** What a key does to the ticked entries: the new ticks, or undefined for a key that does not tick. */
export function retick(ticked: readonly boolean[], key: { name?: string }, active: number): boolean[] | undefined {
  if (isSpaceKey(key as never)) return ticked.map((t, i) => (i === active ? !t : t));
  if (key.name === 'a') {
    const all = ticked.some((t) => !t);
    return ticked.map(() => all);
  }
  if (key.name === 'i') return ticked.map((t) => !t);
  return undefined;
}

/** What Enter does: submit, or show the warning (once) for nothing ticked. */
export function onEnter(ticked: readonly boolean[], confirmEmpty: string | undefined, warned: boolean): 'submit' | 'warn' {
  return ticked.some(Boolean) || warned || confirmEmpty === undefined ? 'submit' : 'warn';
}

interface State {
  active: number;
  ticked: boolean[];
  warning: boolean;
  warned: boolean;
  finished: boolean;
}

export const checkboxPrompt = createPrompt<unknown[], CheckboxPromptConfig<unknown>>((config, done) => {
  const { columns, draw } = useReflow(config);
  const { message, choices, confirmEmpty } = useLayout(config.layout, columns);
  const [state, setState] = useState<State>({ active: 0, ticked: choices.map((_, i) => config.checked?.includes(i) ?? false), warning: false, warned: false, finished: false });
  const prefix = usePrefix({ status: state.finished ? 'done' : 'idle' });
  useKeypress((key, rl) => {
    if (state.finished) return;
    const next = respond(state, key, confirmEmpty, choices.length);
    rl.clearLine(0);
    if (!next) return;
    setState(next);
    if (next.finished) done(choices.filter((_, i) => next.ticked[i]).map((c) => c.value));
  });
  const bold = styleText('bold', message);
  if (state.finished) return draw(answerLine(prefix, bold, choices.filter((_, i) => state.ticked[i]), columns));
  return draw(render(prefix, bold, choices, state, confirmEmpty, config.pageSize ?? 7, columns));
});

/** The state after a key; undefined when the key changes nothing. */
function respond(state: State, key: { name?: string }, confirmEmpty: string | undefined, count: number): State | undefined {
  if (isEnterKey(key as never)) {
    if (onEnter(state.ticked, confirmEmpty, state.warned) === 'submit') return { ...state, finished: true };
    return { ...state, warning: true, warned: true };
  }
  if (isUpKey(key as never, KEYS) || isDownKey(key as never, KEYS)) {
    return { ...state, warning: false, active: moveActive(state.active, isDownKey(key as never, KEYS), count) };
  }
  if (isNumberKey(key as never)) {
    // As in inquirer's checkbox: a number moves to that entry and ticks or unticks it.
    const n = Number(key.name) - 1;
    if (n < 0 || n >= count) return undefined;
    return { ...state, active: n, ticked: state.ticked.map((t, i) => (i === n ? !t : t)) };
  }
  const ticked = retick(state.ticked, key, state.active);
  return ticked ? { ...state, ticked, warning: isSpaceKey(key as never) ? false : state.warning } : undefined;
}

/** The line left once submitted: the ticked entries' short names, cut at a word to fit after the message. */
function answerLine(prefix: string, message: string, picked: readonly ListChoice<unknown>[], columns: number): string {
  const lastLine = message.split('\n').at(-1) ?? '';
  const room = Math.max(10, columns - PREFIX - displayWidth(lastLine) - 1);
  const answer = truncateWords(picked.map((c) => c.short).join(', '), room);
  return [prefix, message, answer ? styleText('cyan', answer) : ''].filter(Boolean).join(' ');
}

/** The page around the cursor, the cursor entry's description, the warning and the keys. */
function render(prefix: string, message: string, choices: readonly ListChoice<unknown>[], state: State, confirmEmpty: string | undefined, pageSize: number, columns: number): string {
  const page = usePagination({
    items: choices.map((c, i) => ({ ...c, ticked: state.ticked[i] })),
    active: state.active,
    renderItem: ({ item, isActive }) => {
      const box = item.ticked ? styleText('green', '◉') : '◯';
      const line = `${isActive ? '❯' : ' '}${box} ${item.name}`;
      return isActive ? styleText('cyan', line) : line;
    },
    pageSize,
    loop: false,
  });
  const description = choices[state.active]?.description;
  const warning = state.warning && confirmEmpty ? styleText('red', `> ${confirmEmpty}`) : '';
  const lines = [[prefix, message].filter(Boolean).join(' '), page, ' ', description ? styleText('cyan', description) : '', warning, keysHelp(HELP, columns)];
  return `${lines.filter(Boolean).join('\n').trimEnd()}${CURSOR_HIDE}`;
}
