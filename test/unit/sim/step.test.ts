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

const args = { scenario: 'seed-example', step: true } as const;

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

describe('--step and --config with a comparison scenario', () => {
  /** Key prompts get 'rest'; the one select (which configuration) gets `pick`. */
  function asking(pick: number): Prompter & { selects: string[] } {
    const base = scripted(['rest']);
    const selects: string[] = [];
    return {
      ...base,
      selects,
      select: <T>(opts: { message: string; choices: readonly { name: string; value: T }[] }) => {
        selects.push(opts.message, ...opts.choices.map((c) => c.name));
        return Promise.resolve(opts.choices[pick]!.value);
      },
    };
  }

  it('asks which configuration to walk, and says which one it is walking', async () => {
    const ctx = context();
    const prompter = asking(1);
    await run({ scenario: 'failover', step: true }, ctx, { prompter });
    expect(prompter.selects).toEqual([
      '--step walks one configuration at a time. Which of the 3?',
      '1. sticky-cookie/local',
      '2. sticky-cookie/shared',
      '3. sticky-cookie/replicated',
    ]);
    expect(ctx.stdout.text().replace(/\s+/g, ' ')).toContain('Stepping through configuration 2 of 3, sticky-cookie/shared (--config N picks one;');
    expect(ctx.stdout.text()).toContain('sessions in a shared store');
  });

  it('--config N picks one without asking, with --step or without', async () => {
    const ctx = context();
    const prompter = asking(0);
    await run({ scenario: 'failover', step: true, config: '3' }, ctx, { prompter });
    expect(prompter.selects).toEqual([]);
    expect(ctx.stdout.text()).toContain('replicated');
    const plain = context();
    await run({ scenario: 'hot-user', config: '2' }, plain);
    expect(plain.stdout.text()).not.toContain('Same traffic through');
    expect(plain.stdout.text()).toContain('round-robin');
  });

  it.each([
    [{ scenario: 'failover' as const, config: '4' }, '--config must be a number from 1 to 3'],
    [{ scenario: 'failover' as const, config: 'x' }, '--config must be a number from 1 to 3'],
    [{ scenario: 'seed-example' as const, config: '1' }, '--config picks one configuration of --compare'],
  ])('%j is a usage error', async (a, message) => {
    const err = await run(a, context()).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: ExitCode.usage });
    expect((err as Error).message).toContain(message);
  });
});
