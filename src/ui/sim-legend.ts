// The prose around a simulation: the header (what ran), the legend (what the marks and figures
// mean) and the list of scenarios. Every line wraps to the view's width; a scenario's command breaks
// only between its arguments (text.ts layoutCommand).
import type { Scenario, SimConfig, SimResult } from '../sim/index.js';
import { scenarioCommand } from '../sim/scenarios.js';
import { appendLines } from './table.js';
import { DIFFERS, count, eventsText, fullLabels, pct, routesDiffer, type View } from './sim-format.js';
import { layoutCommand, wrapLines } from './text.js';

const STRATEGY_TEXT: Record<SimResult['strategy'], string> = {
  'round-robin': 'round-robin (no affinity)',
  'sticky-cookie': 'sticky cookie over round-robin',
  'ip-hash': 'ip-hash (nginx ip_hash: first three octets of IPv4)',
  'consistent-hash': 'consistent hashing (ring with virtual nodes)',
  'least-connections': 'least connections (no affinity)',
};

const STORE_TEXT: Record<SimResult['store'], string> = {
  local: 'sessions in server memory',
  shared: 'sessions in a shared store',
  replicated: 'sessions replicated',
};

export function renderHeader(cfg: SimConfig, results: readonly SimResult[], scenario: Scenario | null, v: View): string[] {
  const { c } = v;
  const first = results[0]!;
  const lines: string[] = [];
  if (scenario) {
    appendLines(lines, wrapLines(c.bold(`Scenario ${scenario.name}:`) + ' ' + scenario.point, v.columns));
    appendLines(lines, wrapLines(`Watch: ${scenario.watch}`, v.columns).map((l) => c.dim(l)));
  }
  if (results.length === 1) {
    const modeNote =
      first.strategy === 'sticky-cookie' ? ` · rr-mode ${first.rrMode} (${first.rrMode === 'haproxy' ? 'cookie-routed requests do not move round-robin' : 'cookie-routed requests are charged to round-robin'})` : '';
    const store = first.store === 'replicated' ? `${STORE_TEXT.replicated} to ${first.replicas} peer${first.replicas === 1 ? '' : 's'}` : STORE_TEXT[first.store];
    appendLines(lines, wrapLines(c.bold(STRATEGY_TEXT[first.strategy]) + ` · ${store}${modeNote}`, v.columns));
  } else {
    appendLines(lines, wrapLines(c.bold(`Same traffic through ${results.length} configurations:`) + ' ' + fullLabels(results).join(', '), v.columns));
  }
  const servers = cfg.servers.map((s) => (s.weight === 1 ? s.name : `${s.name} (weight ${s.weight})`)).join(', ');
  const traffic =
    cfg.traffic.kind === 'sequence'
      ? `requests by ${cfg.traffic.sequence.join(', ')}`
      : `${count(cfg.traffic.users, 'user')}${cfg.traffic.hot > 0 ? ` (A sends ${pct(cfg.traffic.hot)} of requests)` : ''}`;
  appendLines(
    lines,
    wrapLines(
      `${count(cfg.servers.length, 'server')}: ${servers} · ${traffic} · ${count(first.requests, 'request')} · seed ${first.seed}` +
        (first.maxIdle > 0 ? ` · cookie max-idle ${first.maxIdle} requests` : ''),
      v.columns,
    ),
  );
  if (first.events.length > 0) appendLines(lines, wrapLines('Events: ' + eventsText(first.events), v.columns));
  return lines;
}

export function renderLegend(cfg: SimConfig, results: readonly SimResult[], v: View, withTable: boolean): string[] {
  const stores = new Set(results.map((r) => r.store));
  const strategies = new Set(results.map((r) => r.strategy));
  const parts: string[] = [];
  parts.push(
    `Each user's first request logs in; each later request adds a cart item with a ${pct(cfg.traffic.cart)} chance (seeded), otherwise it browses. A request that finds no session logs the user in again with an empty cart.`,
  );
  if (stores.has('local')) parts.push("local: a session lives in the memory of the server that created it; another server can't see it, and a failed server loses all of its sessions.");
  if (stores.has('shared')) parts.push('shared: sessions live in an external store (e.g. Redis): nothing is lost; each request reads the store (1 round trip) and each change writes it (1 more).');
  if (stores.has('replicated')) parts.push('replicated: every change is copied to the next K servers that are up (K messages); a server without the session fetches it from a peer (1 message).');
  if (strategies.has('sticky-cookie')) {
    const modes = new Set(results.filter((r) => r.strategy === 'sticky-cookie').map((r) => r.rrMode));
    if (modes.has('haproxy')) parts.push('rr-mode haproxy (HAProxy `cookie SRV insert`): only requests without a valid cookie move round-robin; Set-Cookie only when the request was balanced.');
    if (modes.has('nginx')) parts.push('rr-mode nginx (nginx `sticky cookie`): cookie-routed requests are charged to round-robin too; Set-Cookie on every response.');
  }
  if (strategies.has('least-connections')) {
    parts.push(
      `least-connections (nginx least_conn): each request stays in flight while the next ${Math.max(2, cfg.servers.length)} requests arrive; the server with the fewest in flight wins, ties by weighted round-robin.`,
    );
  }
  if (strategies.has('ip-hash')) parts.push('ip-hash: nginx ip_hash, over the first three octets of the IPv4 address (an office behind one NAT lands on one server), modulo the total weight.');
  if (withTable && routesDiffer(results)) parts.push(`${DIFFERS} marks a request the configurations sent to different servers.`);
  if (withTable) {
    parts.push(
      'Marks: * the cookie overrode the algorithm · ! re-balanced: the pinned server was down · x no server up (503) · logged out (−N): the server had no session for the user, N cart items lost, the user logs in again.',
    );
  }
  parts.push(
    (results.length > 1 ? 'Imbalance: busiest server / mean. ' : '') +
      'Peak sessions: the most users attached to one server at once (it served their last request; with --max-idle, idle users drop off).',
  );
  return parts.flatMap((p) => wrapLines(p, v.columns)).map((l) => v.c.dim(l));
}

export function renderScenarioList(scenarios: readonly Scenario[], v: View): string {
  const { c } = v;
  const note = '(prepdeck simulate --scenario NAME; add flags to change one thing)';
  const out: string[] =
    'Scenarios'.length + 2 + note.length <= v.columns ? [c.bold('Scenarios') + '  ' + c.dim(note)] : [c.bold('Scenarios'), ...wrapLines(note, v.columns).map((l) => c.dim(l))];
  out.push('');
  for (const s of scenarios) {
    out.push(` ${c.bold(s.name)}`);
    appendLines(out, wrapLines(s.point, v.columns - 3).map((l) => '   ' + l));
    // A command for copying: it breaks only between arguments, its lines ending in ` \\`.
    appendLines(out, layoutCommand(scenarioCommand(s), v.columns - 3).map((l) => '   ' + c.dim(l)));
    out.push('');
  }
  return out.join('\n');
}
