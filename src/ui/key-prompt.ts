// Two small prompts built on @inquirer/core (no other inquirer package, so the home menu loads fast):
// - keyPrompt: waits for one of a few keys (Enter, space, 1–4, s/b/d…) and returns its value;
// - menuPrompt: an arrow-key menu whose labels can gain a badge once it has been computed
//   (the due count), so the first screen never waits for content or progress to load.
import { createPrompt, isDownKey, isEnterKey, isUpKey, useEffect, useKeypress, usePrefix, useState } from '@inquirer/core';
import { useReflow, type Resizable } from './list-prompt.js';

export interface KeyChoice<K extends string> {
  /** Key names as readline reports them: 'return' (Enter), 'space', '1', 's'…; a typed character ('!'); 'ctrl+z'. */
  keys: readonly string[];
  value: K;
  /** Shown after the message once chosen. */
  label: string;
}

export interface KeyPromptConfig<K extends string> {
  message: string;
  choices: readonly KeyChoice<K>[];
}

const ENTER_NAMES = new Set(['return', 'enter']);

interface KeyEvent {
  name?: string;
  sequence?: string;
  ctrl?: boolean;
}

/** A key by readline's name ('u', 'pagedown'), by the character typed ('!', '-'), or 'ctrl+z'. */
function matches(choice: KeyChoice<string>, key: KeyEvent, isEnter: boolean): boolean {
  if (isEnter) return choice.keys.some((k) => ENTER_NAMES.has(k));
  if (key.ctrl) return key.name !== undefined && choice.keys.includes(`ctrl+${key.name.toLowerCase()}`);
  if (key.name !== undefined && choice.keys.includes(key.name.toLowerCase())) return true;
  return key.sequence !== undefined && key.sequence.length === 1 && choice.keys.includes(key.sequence);
}

/** Ctrl+Z would suspend the process (readline's default); a prompt that uses it as a key keeps it. */
function useCtrlZ(wanted: boolean): void {
  useEffect((rl) => {
    if (!wanted) return;
    const keep = () => undefined;
    rl.on('SIGTSTP', keep);
    return () => void rl.removeListener('SIGTSTP', keep);
  }, []);
}

export const keyPrompt = createPrompt<string, KeyPromptConfig<string>>((config, done) => {
  const [chosen, setChosen] = useState<KeyChoice<string> | undefined>(undefined);
  const prefix = usePrefix({ status: chosen ? 'done' : 'idle' });
  useCtrlZ(config.choices.some((c) => c.keys.includes('ctrl+z')));
  useKeypress((key, rl) => {
    if (chosen) return;
    const choice = config.choices.find((c) => matches(c, key as KeyEvent, isEnterKey(key)));
    rl.clearLine(0);
    if (!choice) return;
    setChosen(choice);
    done(choice.value);
  });
  return chosen ? `${prefix} ${config.message} ${chosen.label}` : `${prefix} ${config.message}`;
});

export interface MenuChoice<T> {
  name: string;
  value: T;
}

export interface MenuPromptConfig<T> {
  message: string;
  choices: readonly MenuChoice<T>[];
  default?: T;
  /** Computed after the first screen is drawn; each badge is shown after its choice's name. */
  badges?: () => Promise<ReadonlyMap<T, string>>;
  /** Dims the badges (colour is the caller's: it knows NO_COLOR). */
  dim?: (s: string) => string;
  cursor?: (s: string) => string;
  /** The terminal, when it may be resized: the menu is laid out again for the new width at once. */
  terminal?: Resizable;
  /** Lays text out for a width, `lead` columns in (the message after `? `, a label after `❯ `). */
  fit?: (text: string, columns: number, lead: number) => string;
}

const UNKNOWN_WIDTH: Resizable = { columns: () => 80 };

export const menuPrompt = createPrompt<unknown, MenuPromptConfig<unknown>>((config, done) => {
  const start = Math.max(0, config.choices.findIndex((c) => c.value === config.default));
  const [active, setActive] = useState(start);
  const [badges, setBadges] = useState<ReadonlyMap<unknown, string>>(new Map());
  const [finished, setFinished] = useState(false);
  const prefix = usePrefix({ status: finished ? 'done' : 'idle' });
  const dim = config.dim ?? ((s: string) => s);
  const cursor = config.cursor ?? ((s: string) => s);
  const { columns, draw } = useReflow(config.terminal ?? UNKNOWN_WIDTH);
  const fit = (text: string, lead: number) => (config.fit ? config.fit(text, columns, lead) : text);

  useEffect(() => {
    if (!config.badges) return;
    let live = true;
    // After the first paint: loading content and progress must not delay the menu.
    const timer = setTimeout(() => {
      config.badges!().then(
        (b) => live && setBadges(b),
        () => undefined,
      );
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  useKeypress((key, rl) => {
    if (finished) return;
    const n = config.choices.length;
    if (isEnterKey(key)) {
      setFinished(true);
      done(config.choices[active]!.value);
    } else if (isUpKey(key)) {
      setActive((active - 1 + n) % n);
    } else if (isDownKey(key)) {
      setActive((active + 1) % n);
    } else if (key.name && /^[1-9]$/.test(key.name) && Number(key.name) <= n) {
      setActive(Number(key.name) - 1);
    }
    rl.clearLine(0);
  });

  const label = (c: MenuChoice<unknown>) => {
    const badge = badges.get(c.value);
    return badge ? `${c.name}  ${dim(badge)}` : c.name;
  };
  if (finished) return draw(`${prefix} ${fit(`${config.message} ${config.choices[active]!.name}`, 2)}`);
  const message = fit(config.message, 2);
  const lines = config.choices.map((c, i) => (i === active ? cursor(`❯ ${fit(label(c), 2)}`) : `  ${fit(label(c), 2)}`));
  return draw(`${prefix} ${message}\n${lines.join('\n')}\n${dim(fit('↑↓ move · Enter choose · 1-9 jump · Ctrl+C quit', 0))}`);
});
