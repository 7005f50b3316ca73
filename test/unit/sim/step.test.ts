// `prepdeck simulate --step` asks for each key through the shared Prompter (Prompter.key), so it can be
// driven here with a scripted one: no raw-mode key reader of its own, no process.stdin.
import { describe, expect, it } from 'vitest';
import type { Context } from '../../../src/context.js';
import { run } from '../../../src/commands/simulate.js';
import { ExitCode, InterruptedError } from '../../../src/errors.js';
import { PromptInterrupted, type Prompter } from '../../../src/ui/prompts.js';
import { memoryOutput } from '../../../src/ui/terminal.js';

function context(): Context & { stdout: ReturnType<typeof memoryOutput> } {
  return { stdout: memoryOutput({ columns: 100 }), stderr: memoryOutput(), env: {}, interactive: false, now: () => new Date(0) };
}

/** Answers key prompts from a script; throws PromptInterrupted (Ctrl+C) when told to. */
function scripted(answers: ('next' | 'rest' | 'ctrl-c')[]): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const unused = () => Promise.reject(new Error('not a key prompt'));
  return {
    asked,
    select: unused,
    checkbox: unused,
    confirm: unused,
    menu: unused,
    key: <K extends string>(opts: { message: string; choices: readonly { keys: readonly string[]; value: K }[] }) => {
      asked.push(opts.message);
      const a = answers.shift();
      if (a === undefined || a === 'ctrl-c') return Promise.reject(new PromptInterrupted());
      expect(opts.choices.map((c) => c.value)).toEqual(['next', 'rest']);
      return Promise.resolve(a as K);
    },
  };
}

const args = { scenario: 'seed-example', step: true };

describe('simulate --step', () => {
  it('shows one request per key with its explanation; "rest" prints the remaining rows and the summary', async () => {
    const ctx = context();
    const prompter = scripted(['next', 'next', 'rest']);
    await run(args, ctx, { prompter });
    const text = ctx.stdout.text();
    expect(prompter.asked).toHaveLength(3);
    expect(text).toContain('A has no cookie yet: round-robin picks s1 and the response sets SRV=s1');
    expect(text).toContain('C has no cookie yet');
    expect(text).not.toContain('D has no cookie yet'); // shown without explanations after "rest"
    expect(text).toMatch(/10\*\s+D/);
    expect(text).toContain('Summary');
  });

  it('after the last request the summary follows without another key', async () => {
    const ctx = context();
    const prompter = scripted(Array(9).fill('next') as 'next'[]);
    await run(args, ctx, { prompter });
    expect(prompter.asked).toHaveLength(9);
    expect(ctx.stdout.text()).toContain('Summary');
  });

  it('Ctrl+C at the key prompt is an InterruptedError (exit 130), with nothing more printed', async () => {
    const ctx = context();
    const err = await run(args, ctx, { prompter: scripted(['next', 'ctrl-c']) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as InterruptedError).exitCode).toBe(ExitCode.interrupted);
    expect(ctx.stdout.text()).not.toContain('Summary');
  });
});
