// A scripted Prompter and a Context with memory output, for driving commands in unit tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Context } from '../../../src/context.js';
import { PromptInterrupted, type Prompter } from '../../../src/ui/prompts.js';
import { memoryOutput } from '../../../src/ui/terminal.js';

export type Step =
  | { select: number | string | ((choices: { name: string; value: unknown }[]) => unknown); message?: RegExp }
  | { checkbox: readonly number[] | ((choices: { name: string; value: unknown }[]) => unknown[]); message?: RegExp }
  | { confirm: boolean; message?: RegExp }
  | { key: string; message?: RegExp }
  | { menu: unknown; message?: RegExp }
  | { pager: true; message?: RegExp }
  | 'ctrl-c';

/** Answers prompts from a script; fails the test on an unexpected kind of prompt. Records every message. */
export function scripted(steps: Step[]): Prompter & { asked: string[]; left(): number } {
  const queue = [...steps];
  const asked: string[] = [];
  const next = (kind: string, message: string) => {
    asked.push(`${kind}: ${message}`);
    const step = queue.shift();
    if (step === undefined) throw new Error(`unexpected ${kind} prompt (script finished): ${message}`);
    if (step === 'ctrl-c') throw new PromptInterrupted();
    expect(Object.keys(step), `prompt ${asked.length} (${message})`).toContain(kind);
    if (step.message) expect(message).toMatch(step.message);
    return step as Record<string, unknown>;
  };
  return {
    asked,
    left: () => queue.length,
    select: async (opts) => {
      const s = next('select', opts.message).select;
      if (typeof s === 'function') return s(opts.choices as never) as never;
      if (typeof s === 'number') return opts.choices[s]!.value;
      const found = opts.choices.find((c) => c.name.includes(String(s)));
      if (!found) throw new Error(`no choice '${String(s)}' in ${opts.choices.map((c) => c.name).join(' | ')}`);
      return found.value;
    },
    checkbox: async (opts) => {
      const s = next('checkbox', opts.message).checkbox;
      if (typeof s === 'function') return s(opts.choices as never) as never;
      return (s as readonly number[]).map((i) => opts.choices[i]!.value);
    },
    confirm: async (opts) => next('confirm', opts.message).confirm as boolean,
    key: async (opts) => {
      const want = next('key', opts.message).key as string;
      const choice = opts.choices.find((c) => c.keys.includes(want));
      if (!choice) throw new Error(`key '${want}' not offered by: ${opts.message}`);
      return choice.value;
    },
    pager: async (opts) => {
      next('pager', opts.title ?? '');
    },
    menu: async (opts) => {
      const want = next('menu', opts.message).menu;
      if (opts.badges) await opts.badges();
      return want as never;
    },
  };
}

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'prepdeck-unit-'));
}

export function context(home: string, opts: { interactive?: boolean; now?: () => Date } = {}) {
  const stdout = memoryOutput({ isTTY: opts.interactive ?? true });
  const stderr = memoryOutput();
  const ctx: Context = {
    stdout,
    stderr,
    env: { PREPDECK_HOME: home },
    interactive: opts.interactive ?? true,
    now: opts.now ?? (() => new Date('2024-03-01T09:00:00.000Z')),
  };
  return { ctx, stdout, stderr };
}
