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
  const configs = plan.variants ? plan.variants.map((v) => ({ ...plan.config, strategy: v.strategy, store: v.store, rrMode: v.rrMode })) : [plan.config];
  const runs: SimRun[] = configs.map((config) => {
    const result = simulate(config, { trace: table });
    return { label: result.label, config, result };
  });
  const results = runs.map((r) => r.result);

  if (plan.json) ctx.stdout.write(toJson(plan, runs));
  else if (plan.step) await step(plan, results[0]!, ctx, await prompterFor(ctx, deps));
  else if (plan.variants) ctx.stdout.write(renderCompare(plan.config, results, plan.scenario, view, { table }));
  else ctx.stdout.write(renderRun(plan.config, results[0]!, plan.scenario, view, { table }));
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
async function step(plan: SimPlan, result: SimResult, ctx: Context, prompter: Prompter): Promise<void> {
  const out = ctx.stdout;
  const view = { c: out.c, columns: out.columns };
  const c = out.c;
  const table = renderRequestTable(result, view);
  const header = table[0]!;
  // The table's lines after the header: event separators come before their request's row.
  const body = table.slice(1);
  const rows = result.rows ?? [];
  const help = wrap('Space or Enter: next request · q: show the rest · Ctrl+C: quit', out.columns).map((l) => c.dim(l));
  out.write([...renderHeader(plan.config, [result], plan.scenario, view), '', ...help, '', header, ''].join('\n'));
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
