// `prepdeck simulate` (alias `sim`): parse and check the flags, run the engine, render, write once.
//
// `--json` prints one shape whatever the flags (one run per configuration; one without --compare):
//   { "scenario"?: { "name", "point" }, "runs": [ { "label", "config", "result" } ] }
// `config` is the configuration that run used, `result` its SimResult; `result.rows` only with --trace.
import type { Context } from '../context.js';
import { InterruptedError, UsageError } from '../errors.js';
import { simulate } from '../sim/engine.js';
import { planFromArgs, type SimPlan } from '../sim/flags.js';
import type { SimConfig, SimResult } from '../sim/model.js';
import { SCENARIOS } from '../sim/scenarios.js';
import { prompterFor, type Deps } from '../ui/activity.js';
import { PromptInterrupted, type Prompter } from '../ui/prompts.js';
import { explainRow } from '../ui/sim-explain.js';
import {
  TABLE_MAX_REQUESTS,
  renderBars,
  renderCompare,
  renderHeader,
  renderLegend,
  renderRequestTable,
  renderRun,
  renderScenarioList,
  renderSummary,
  wrap,
} from '../ui/sim-render.js';

export interface SimRun {
  label: string;
  config: SimConfig;
  result: SimResult;
}

export async function run(args: Record<string, unknown>, ctx: Context, deps: Pick<Deps, 'prompter'> = {}): Promise<void> {
  const plan = planFromArgs(args);
  const view = { c: ctx.stdout.c, columns: ctx.stdout.columns };
  if (plan.list) {
    if (plan.json) ctx.stdout.write(JSON.stringify(SCENARIOS, null, 2) + '\n');
    else ctx.stdout.write(renderScenarioList(SCENARIOS, view));
    return;
  }
  if (plan.step && !ctx.interactive && !deps.prompter) {
    throw new UsageError('--step needs a terminal (one request per key press); run without --step to print the whole run.');
  }
  const requests = plan.config.traffic.kind === 'sequence' ? plan.config.traffic.sequence.length : plan.config.traffic.requests;
  // People get the per-request table for short runs; JSON gets rows only when asked (--trace).
  const table = plan.trace || plan.step || (!plan.json && requests <= TABLE_MAX_REQUESTS);
  let configs = plan.variants ? plan.variants.map((v) => ({ ...plan.config, strategy: v.strategy, store: v.store, rrMode: v.rrMode })) : [plan.config];
  const picked = configFlag(args.config, configs.length);
  let note: string | undefined;
  if (picked !== undefined) configs = [configs[picked - 1]!];
  else if (plan.step && configs.length > 1) {
    const which = await chooseConfig(configs, ctx, deps);
    note = `Stepping through configuration ${which + 1} of ${configs.length}, ${configLabel(configs[which]!)} (--config N picks one; run without --step to compare them all).`;
    configs = [configs[which]!];
  }
  const runs: SimRun[] = configs.map((config) => {
    const result = simulate(config, { trace: table });
    return { label: result.label, config, result };
  });
  const results = runs.map((r) => r.result);

  if (plan.json) ctx.stdout.write(toJson(plan, runs));
  else if (plan.step) await step({ ...plan, config: configs[0]! }, results[0]!, ctx, await prompterFor(ctx, deps), note);
  else if (runs.length > 1) ctx.stdout.write(renderCompare(plan.config, results, plan.scenario, view, { table }));
  else ctx.stdout.write(renderRun(configs[0]!, results[0]!, plan.scenario, view, { table }));
}

export function configLabel(c: SimConfig): string {
  return `${c.strategy}/${c.store}${c.strategy === 'sticky-cookie' && c.rrMode !== 'haproxy' ? `/${c.rrMode}` : ''}`;
}

/** `--config N`: one of the configurations of --compare (1-based). */
function configFlag(value: unknown, count: number): number | undefined {
  const raw = Array.isArray(value) ? (value as unknown[]).at(-1) : value;
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  if (count < 2) throw new UsageError('--config picks one configuration of --compare (or of a comparison scenario); this run has only one.');
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > count) {
    throw new UsageError(`--config must be a number from 1 to ${count} (the configurations of --compare, in order); got '${text}'.`);
  }
  return Number(text);
}

/** In a terminal, which configuration to step through (the first is preselected). */
async function chooseConfig(configs: readonly SimConfig[], ctx: Context, deps: Pick<Deps, 'prompter'>): Promise<number> {
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
  const help = wrap('Space or Enter: next request · q: show the rest · Ctrl+C: quit', out.columns).map((l) => c.dim(l));
  const said = note ? ['', ...wrap(note, out.columns).map((l) => c.bold(l))] : [];
  out.write([...renderHeader(plan.config, [result], plan.scenario, view), ...said, '', ...help, '', header, ''].join('\n'));
  let line = 0;
  let fast = false;
  for (const row of rows) {
    const take = row.events.length + 1;
    const lines = body.slice(line, line + take);
    line += take;
    out.write(lines.join('\n') + '\n');
    if (fast) continue;
    out.write(wrap(explainRow(row, result), out.columns - 4).map((l) => c.dim('    ' + l)).join('\n') + '\n');
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
