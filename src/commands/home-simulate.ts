// The home menu's Simulate: the scenarios with the point each one shows, then run it, step through
// it one request at a time, or compare configurations. The result stays on screen until a key is
// pressed (in a scrollable view when it is taller than the terminal), then the menu comes back.
import type { Context } from '../context.js';
import { shellCommand } from '../content/sanitize.js';
import { yargsFailure } from './flag-checks.js';
import { SCENARIOS, type Scenario } from '../sim/scenarios.js';
import type { Prompter } from '../ui/prompts.js';

type Action = 'run' | 'step' | 'compare' | 'back';

export async function simulateMenu(ctx: Context, prompter: Prompter): Promise<void> {
  const scenario = await prompter.select<Scenario | null>({
    message: 'Which scenario?',
    choices: [
      ...SCENARIOS.map((s) => ({ name: `${s.name}: ${s.point}`, value: s })),
      { name: 'Back to the menu', value: null },
    ],
    pageSize: 12,
    escape: null,
  });
  if (!scenario) return;
  const action = await prompter.select<Action>({ message: `${scenario.name}: what to do?`, choices: actionsFor(scenario), escape: 'back' });
  if (action === 'back') return;
  const flags = flagsFor(scenario, action);
  echoCommand(flags, ctx);
  await showSimulation(flags, ctx, prompter);
}

function actionsFor(s: Scenario): { name: string; value: Action }[] {
  const comparison = s.flags.compare !== undefined;
  return [
    { name: comparison ? `Run it: ${s.flags.compare!.split(',').join(' vs ')}` : 'Run it', value: 'run' },
    { name: comparison ? 'Step through one configuration, one request at a time' : 'Step through it, one request at a time', value: 'step' },
    ...(comparison ? [] : [{ name: `Compare: ${compareWith(s).split(',').join(' vs ')}`, value: 'compare' as const }]),
    { name: 'Back to the menu', value: 'back' },
  ];
}

/** A one-configuration scenario compared with the configuration sticky sessions are weighed against. */
function compareWith(s: Scenario): string {
  const own = `${s.flags.strategy ?? 'sticky-cookie'}/${s.flags.store ?? 'local'}`;
  return own === 'round-robin/shared' ? `${own},sticky-cookie/local` : `${own},round-robin/shared`;
}

export function flagsFor(s: Scenario, action: Exclude<Action, 'back'>): string {
  const base = `--scenario ${s.name}`;
  if (action === 'step') return `${base} --step`;
  if (action === 'compare') return `${base} --compare ${compareWith(s)}`;
  return base;
}

/** Prints the command line a menu run stands for, shell-quoted so that it can be copied as is. */
export function echoCommand(flags: string, ctx: Context): void {
  ctx.stdout.write(`\n${ctx.stdout.c.dim(`$ ${shellCommand(['prepdeck', 'simulate', ...flags.split(/\s+/).filter(Boolean)])}`)}\n`);
}

/**
 * Runs `prepdeck simulate FLAGS` for the menu, held like every menu result (ui/hold.ts): a printed
 * run is collected first; taller than the terminal it opens in the scroll view, otherwise it is
 * printed and waits for a key. `--step` is interactive and writes as it goes; a key ends it too.
 * `hold` names where the key goes back to (the menu, or the answer a run was started from).
 */
export async function showSimulation(flags: string, ctx: Context, prompter: Prompter, hold = 'Enter: back to the menu'): Promise<void> {
  const { holdOptions, showCaptured, waitForKey } = await import('../ui/hold.js');
  if (/(^|\s)--step(\s|$)/.test(flags)) {
    await runSimulation(flags, ctx, prompter);
    await waitForKey(prompter, hold);
    return;
  }
  // Collected first (laid out for this terminal's width, height and colours), to know its height.
  await showCaptured(ctx, prompter, (captured) => runSimulation(flags, captured, prompter), holdOptions(hold));
}

/**
 * Runs `prepdeck simulate FLAGS`: the flags (one string, as in front matter) are split on whitespace
 * and parsed by the simulate command's own yargs options, so they mean exactly what they would on
 * the command line. Flags it does not know are a UsageError naming the flags. A question's flags
 * were checked and capped when its content was loaded (src/sim/linked.ts). No signal handler is
 * installed around the run, so Ctrl+C and SIGTERM end it at once even while the engine computes.
 */
export async function runSimulation(flags: string, ctx: Context, prompter: Prompter): Promise<void> {
  const [{ default: yargs }, { simulateFlags }, sim] = await Promise.all([import('yargs'), import('./simulate-flags.js'), import('./simulate.js')]);
  const argv = flags.split(/\s+/).filter(Boolean);
  const args = await simulateFlags(yargs(argv))
    .help(false)
    .version(false)
    .strict()
    .exitProcess(false)
    .fail(yargsFailure((msg) => `These simulation flags (${flags}) are not valid: ${msg}`))
    .parseAsync();
  await sim.run(args, ctx, { prompter });
}
