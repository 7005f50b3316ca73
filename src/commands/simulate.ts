// `prepdeck simulate` (alias `sim`): parse and check the flags, run the engine, render, write once.
import type { Context } from '../context.js';
import { InterruptedError, UsageError } from '../errors.js';
import { compare, simulate } from '../sim/engine.js';
import { planFromArgs, type SimPlan } from '../sim/flags.js';
import type { SimResult } from '../sim/model.js';
import { SCENARIOS } from '../sim/scenarios.js';
import { explainRow } from '../ui/sim-explain.js';
import { createKeyReader, type KeyInput } from '../ui/sim-keys.js';
import { TABLE_MAX_REQUESTS, renderBars, renderCompare, renderHeader, renderLegend, renderRequestTable, renderRun, renderScenarioList, renderSummary } from '../ui/sim-render.js';

export async function run(args: Record<string, unknown>, ctx: Context): Promise<void> {
  const plan = planFromArgs(args);
  const view = { c: ctx.stdout.c, columns: ctx.stdout.columns };
  if (plan.list) {
    if (plan.json) ctx.stdout.write(JSON.stringify(SCENARIOS, null, 2) + '\n');
    else ctx.stdout.write(renderScenarioList(SCENARIOS, view));
    return;
  }
  if (plan.step && !ctx.interactive) {
    throw new UsageError('--step needs a terminal (one request per key press); run without --step to print the whole run.');
  }
  const requests = plan.config.traffic.kind === 'sequence' ? plan.config.traffic.sequence.length : plan.config.traffic.requests;
  // People get the per-request table for short runs; JSON gets rows only when asked (--trace).
  const table = plan.trace || plan.step || (!plan.json && requests <= TABLE_MAX_REQUESTS);
  const opts = { trace: table };

  if (plan.variants) {
    const results = compare(plan.config, plan.variants, opts);
    if (plan.json) ctx.stdout.write(toJson(plan, { runs: results }));
    else ctx.stdout.write(renderCompare(plan.config, results, plan.scenario, view, { table }));
    return;
  }
  const result = simulate(plan.config, opts);
  if (plan.json) ctx.stdout.write(toJson(plan, { result }));
  else if (plan.step) await step(plan, result, ctx);
  else ctx.stdout.write(renderRun(plan.config, result, plan.scenario, view, { table }));
}

function toJson(plan: SimPlan, body: { result?: SimResult; runs?: SimResult[] }): string {
  const doc = {
    ...(plan.scenario ? { scenario: { name: plan.scenario.name, point: plan.scenario.point } } : {}),
    config: plan.config,
    ...body,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

/** One request per key press with an explanation; q or Esc shows the rest at once. */
async function step(plan: SimPlan, result: SimResult, ctx: Context): Promise<void> {
  const out = ctx.stdout;
  const view = { c: out.c, columns: out.columns };
  const c = out.c;
  const table = renderRequestTable(result, view);
  const header = table[0]!;
  // The table's lines after the header: event separators come before their request's row.
  const body = table.slice(1);
  const rows = result.rows ?? [];
  out.write([...renderHeader(plan.config, [result], plan.scenario, view), '', c.dim('Space or Enter: next request · q: show the rest · Ctrl+C: quit'), '', header, ''].join('\n'));
  const keys = createKeyReader((ctx as Context & { stdin?: KeyInput }).stdin ?? (process.stdin as unknown as KeyInput));
  let line = 0;
  let fast = false;
  try {
    for (const row of rows) {
      const take = row.events.length + 1;
      const lines = body.slice(line, line + take);
      line += take;
      out.write(lines.join('\n') + '\n');
      if (fast) continue;
      out.write(c.dim(wrapIndent(explainRow(row, result), out.columns)) + '\n');
      const key = await keys.next();
      if (key === 'ctrl-c') throw new InterruptedError();
      if (key === 'q' || key === 'escape') fast = true;
    }
  } finally {
    keys.close();
  }
  out.write(['', c.bold('Requests per server'), ...renderBars(result, view), '', c.bold('Summary'), ...renderSummary(result, view), '', ...renderLegend(plan.config, [result], view, true)].join('\n') + '\n');
}

function wrapIndent(text: string, columns: number): string {
  const width = Math.max(20, columns - 4);
  const words = text.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.map((l) => '    ' + l).join('\n');
}
