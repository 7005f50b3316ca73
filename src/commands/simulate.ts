// `prepdeck simulate` (alias `sim`): parse and check the flags, run the engine, render, write once.
//
// `--json` prints one shape whatever the flags (one run per configuration; one without --compare):
//   { "scenario"?: { "name", "point" }, "runs": [ { "label", "config", "result" } ] }
// `config` is the configuration that run used, `result` its SimResult; `result.rows` only with --trace.
import type { Context } from '../context.js';
import { InterruptedError, UsageError } from '../errors.js';
import { mustBe } from '../lib/flag-message.js';
import { compare, simulate } from '../sim/engine.js';
import { withVariant, type SimConfig, type SimResult, type Variant } from '../sim/model.js';
import type { SimPlan } from '../sim/plan.js';
import { SCENARIOS } from '../sim/scenarios.js';
import { prompterFor, type Deps } from './activity.js';
import { simulatePlan, type SimulateArgs } from './simulate-flags.js';
import { PromptInterrupted, type Prompter } from '../ui/prompts.js';
import { explainRow } from '../ui/sim-explain.js';
import { renderCompare } from '../ui/sim-compare.js';
import { TABLE_MAX_REQUESTS, type View } from '../ui/sim-format.js';
import { wrapLines } from '../ui/text.js';
import { renderHeader, renderLegend, renderScenarioList } from '../ui/sim-legend.js';
import { renderBars, renderRequestTable, renderRun, renderSummary } from '../ui/sim-run.js';

export interface SimRun {
  label: string;
  config: SimConfig;
  result: SimResult;
}

export async function run(args: SimulateArgs, ctx: Context, deps: Pick<Deps, 'prompter'> = {}): Promise<void> {
  const plan = simulatePlan(args);
  const view = { c: ctx.stdout.c, columns: ctx.stdout.columns };
  if (plan.list) return listScenarios(plan, ctx, view);
  if (plan.step && !ctx.interactive && !deps.prompter) {
    throw new UsageError('--step needs a terminal (one request per key press); run without --step to print the whole run.');
  }
  const requests = plan.config.traffic.kind === 'sequence' ? plan.config.traffic.sequence.length : plan.config.traffic.requests;
  // People get the per-request table for short runs; JSON gets rows only when asked (--trace).
  const table = plan.trace || plan.step || (!plan.json && requests <= TABLE_MAX_REQUESTS);
  const { variants, note } = await variantsToRun(plan, args.config, ctx, deps);
  const runs = runAll(plan.config, variants, table);
  const results = runs.map((r) => r.result);

  if (plan.json) ctx.stdout.write(toJson(plan, runs));
  else if (plan.step) await step({ ...plan, config: runs[0]!.config }, results[0]!, ctx, await prompterFor(ctx, deps), note);
  else if (runs.length > 1) ctx.stdout.write(renderCompare(plan.config, results, plan.scenario, view, { table }));
  else ctx.stdout.write(renderRun(runs[0]!.config, results[0]!, plan.scenario, view, { table }));
}

function listScenarios(plan: SimPlan, ctx: Context, view: View): void {
  if (plan.json) ctx.stdout.write(JSON.stringify(SCENARIOS, null, 2) + '\n');
  else ctx.stdout.write(renderScenarioList(SCENARIOS, view));
}

/** The configurations of --compare to run (all, the one --config names, or with --step the one chosen); null without --compare. */
async function variantsToRun(plan: SimPlan, config: string | undefined, ctx: Context, deps: Pick<Deps, 'prompter'>): Promise<{ variants: Variant[] | null; note?: string }> {
  const all = plan.variants;
  const picked = configFlag(config, all?.length ?? 1);
  if (picked !== undefined) return { variants: [all![picked - 1]!] };
  if (!plan.step || !all || all.length < 2) return { variants: all };
  const which = await chooseConfig(all, ctx, deps);
  const note = `Stepping through configuration ${which + 1} of ${all.length}, ${configLabel(all[which]!)} (--config N picks one; run without --step to compare them all).`;
  return { variants: [all[which]!], note };
}

/** Runs the plan's configuration, or each variant through the same traffic (the simulator's compare). */
function runAll(config: SimConfig, variants: readonly Variant[] | null, trace: boolean): SimRun[] {
  if (!variants) {
    const result = simulate(config, { trace });
    return [{ label: result.label, config, result }];
  }
  const results = compare(config, variants, { trace });
  return results.map((result, i) => ({ label: result.label, config: withVariant(config, variants[i]!), result }));
}

function configLabel(c: Variant): string {
  return `${c.strategy}/${c.store}${c.strategy === 'sticky-cookie' && c.rrMode !== 'haproxy' ? `/${c.rrMode}` : ''}`;
}

/** `--config N`: one of the configurations of --compare (1-based). */
function configFlag(value: string | undefined, count: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (count < 2) throw new UsageError('--config picks one configuration of --compare (or of a comparison scenario); this run has only one.');
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > count) {
    throw new UsageError(mustBe('--config', `a number from 1 to ${count} (the configurations of --compare, in order)`, text));
  }
  return Number(text);
}

/** In a terminal, which configuration to step through (the first is preselected). */
async function chooseConfig(configs: readonly Variant[], ctx: Context, deps: Pick<Deps, 'prompter'>): Promise<number> {
  const prompter = await prompterFor(ctx, deps);
  try {
    return await prompter.select({
      message: `--step walks one configuration at a time. Which of the ${configs.length}?`,
      choices: configs.map((c, i) => ({ name: `${i + 1}. ${configLabel(c)}`, value: i })),
      default: 0,
      clear: true, // the run's header says which one
    });
  } catch (err) {
    if (err instanceof PromptInterrupted) throw new InterruptedError();
    throw err;
  }
}

function toJson(plan: SimPlan, runs: readonly SimRun[]): string {
  const doc = {
    ...(plan.scenario ? { scenario: { name: plan.scenario.name, point: plan.scenario.point } } : {}),
    runs,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

const STEP_KEYS = [
  { keys: ['space', 'return'], value: 'next', label: '' },
  { keys: ['q', 'escape'], value: 'rest', label: '' },
] as const;

/** One request per key press with an explanation; q or Esc shows the rest at once; Ctrl+C quits (130). */
async function step(plan: SimPlan, result: SimResult, ctx: Context, prompter: Prompter, note?: string): Promise<void> {
  const out = ctx.stdout;
  const view = { c: out.c, columns: out.columns };
  const c = out.c;
  const table = renderRequestTable(result, view);
  const header = table[0]!;
  // The table's lines after the header: event separators come before their request's row.
  const body = table.slice(1);
  const rows = result.rows ?? [];
  const help = wrapLines('Space or Enter: next request · q: show the rest · Ctrl+C: quit', out.columns).map((l) => c.dim(l));
  const said = note ? ['', ...wrapLines(note, out.columns).map((l) => c.bold(l))] : [];
  out.write([...renderHeader(plan.config, [result], plan.scenario, view), ...said, '', ...help, '', header, ''].join('\n'));
  let line = 0;
  let fast = false;
  for (const row of rows) {
    const take = row.events.length + 1;
    const lines = body.slice(line, line + take);
    line += take;
    out.write(lines.join('\n') + '\n');
    if (fast) continue;
    out.write(wrapLines(explainRow(row, result), out.columns - 4).map((l) => c.dim('    ' + l)).join('\n') + '\n');
    if (row === rows[rows.length - 1]) break;
    try {
      const key = await prompter.key({ message: c.dim('Space/Enter: next · q: the rest'), choices: STEP_KEYS });
      if (key === 'rest') fast = true;
    } catch (err) {
      if (err instanceof PromptInterrupted) throw new InterruptedError();
      throw err;
    }
  }
  const tail = ['', c.bold('Requests per server'), ...renderBars(result, view), '', c.bold('Summary'), ...renderSummary(result, view), ''];
  out.write([...tail, ...renderLegend(plan.config, [result], view, true)].join('\n') + '\n');
}
