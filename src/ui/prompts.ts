// The prompts adapter: the only way commands ask the user anything. The terminal implementation
// wraps @inquirer/prompts (loaded on first use); tests pass a scripted Prompter instead.
// Ctrl+C (or a closed input) at any prompt becomes a PromptInterrupted error.
import type { KeyChoice, MenuChoice } from './key-prompt.js';

export type { KeyChoice, MenuChoice };

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  select<T>(opts: { message: string; choices: readonly Choice<T>[]; default?: T; pageSize?: number }): Promise<T>;
  checkbox<T>(opts: { message: string; choices: readonly (Choice<T> & { checked?: boolean })[] }): Promise<T[]>;
  confirm(opts: { message: string; default?: boolean }): Promise<boolean>;
  /** Waits for one of the keys. */
  key<K extends string>(opts: { message: string; choices: readonly KeyChoice<K>[] }): Promise<K>;
  /** A scrollable view of `lines` (already wrapped), `height` lines at a time, until q. Optional: without it, text is printed. */
  pager?(opts: { title: string; lines: readonly string[]; height: number }): Promise<void>;
  /** An arrow-key menu whose badges are filled in after the first screen. */
  menu<T>(opts: {
    message: string;
    choices: readonly MenuChoice<T>[];
    default?: T;
    badges?: () => Promise<ReadonlyMap<T, string>>;
  }): Promise<T>;
}

/** Ctrl+C, or the input closed, while a prompt was waiting. */
export class PromptInterrupted extends Error {
  constructor() {
    super('Interrupted at a prompt');
    this.name = 'PromptInterrupted';
  }
}

function isExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError' || err.name === 'CancelPromptError');
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isExit(err)) throw new PromptInterrupted();
    throw err;
  }
}

export interface TerminalPrompterOptions {
  dim?: (s: string) => string;
  cursor?: (s: string) => string;
}

/** Prompts on the real terminal. Each inquirer module is imported the first time it is needed. */
export function terminalPrompter(style: TerminalPrompterOptions = {}): Prompter {
  const inquirer = () => import('@inquirer/prompts');
  const own = () => import('./key-prompt.js');
  return {
    select: (opts) =>
      guard(async () => {
        const { select } = await inquirer();
        return select({ message: opts.message, choices: [...opts.choices], default: opts.default, pageSize: opts.pageSize ?? 10, loop: false });
      }),
    checkbox: (opts) =>
      guard(async () => {
        const { checkbox } = await inquirer();
        return checkbox({ message: opts.message, choices: [...opts.choices], pageSize: 12, loop: false });
      }),
    confirm: (opts) =>
      guard(async () => {
        const { confirm } = await inquirer();
        return confirm({ message: opts.message, default: opts.default ?? false });
      }),
    key: <K extends string>(opts: { message: string; choices: readonly KeyChoice<K>[] }) =>
      guard(async () => {
        const { keyPrompt } = await own();
        return (await keyPrompt({ message: opts.message, choices: opts.choices }, { clearPromptOnDone: true })) as K;
      }),
    pager: (opts) =>
      guard(async () => {
        const { pagerPrompt } = await own();
        await pagerPrompt({ ...opts, dim: style.dim }, { clearPromptOnDone: true });
      }),
    menu: <T>(opts: { message: string; choices: readonly MenuChoice<T>[]; default?: T; badges?: () => Promise<ReadonlyMap<T, string>> }) =>
      guard(async () => {
        const { menuPrompt } = await own();
        return (await menuPrompt({ ...opts, dim: style.dim, cursor: style.cursor } as never)) as T;
      }),
  };
}
