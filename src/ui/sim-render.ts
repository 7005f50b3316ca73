// Text output of `prepdeck simulate`: the per-request table (override rows highlighted), per-server
// load bars, the summary, side-by-side comparisons and the scenario list. Every function returns a
// string; the command writes it once.
import type { Colors } from './terminal.js';
import { renderTable, type Column, type TableRow } from './sim-table.js';
import { eventLabel } from '../sim/events.js';
import type { RequestRow, Scenario, SimConfig, SimEvent, SimResult, Summary } from '../sim/index.js';
import { scenarioCommand } from '../sim/scenarios.js';

export interface View {
  c: Colors;
  columns: number;
}

/** Runs up to this many requests get the per-request table by default. */
export const TABLE_MAX_REQUESTS = 40;

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

export function algorithmName(r: Pick<SimResult, 'strategy'>): string {
  switch (r.strategy) {
    case 'sticky-cookie':
    case 'round-robin':
      return 'round-robin';
    case 'least-connections':
      return 'least-conn';
    default:
      return 'hash';
  }
}

// ---------------------------------------------------------------------------------------------
// Header and legend

export function renderHeader(cfg: SimConfig, results: readonly SimResult[], scenario: Scenario | null, v: View): string[] {
  const { c } = v;
  const first = results[0]!;
  const lines: string[] = [];
  if (scenario) {
    lines.push(...wrap(c.bold(`Scenario ${scenario.name}:`) + ' ' + scenario.point, v.columns));
    lines.push(...wrap(`Watch: ${scenario.watch}`, v.columns).map((l) => c.dim(l)));
  }
  if (results.length === 1) {
    const modeNote =
      first.strategy === 'sticky-cookie' ? ` · rr-mode ${first.rrMode} (${first.rrMode === 'haproxy' ? 'cookie-routed requests do not move round-robin' : 'cookie-routed requests are charged to round-robin'})` : '';
    const store = first.store === 'replicated' ? `${STORE_TEXT.replicated} to ${first.replicas} peer${first.replicas === 1 ? '' : 's'}` : STORE_TEXT[first.store];
    lines.push(...wrap(c.bold(STRATEGY_TEXT[first.strategy]) + ` · ${store}${modeNote}`, v.columns));
  } else {
    lines.push(...wrap(c.bold(`Same traffic through ${results.length} configurations:`) + ' ' + fullLabels(results).join(', '), v.columns));
  }
  const servers = cfg.servers.map((s) => (s.weight === 1 ? s.name : `${s.name} (weight ${s.weight})`)).join(', ');
  const traffic =
    cfg.traffic.kind === 'sequence'
      ? `requests by ${cfg.traffic.sequence.join(',')}`
      : `${count(cfg.traffic.users, 'user')}${cfg.traffic.hot > 0 ? ` (A sends ${pct(cfg.traffic.hot)} of requests)` : ''}`;
  lines.push(
    ...wrap(
      `${count(cfg.servers.length, 'server')}: ${servers} · ${traffic} · ${count(first.requests, 'request')} · seed ${first.seed}` +
        (first.maxIdle > 0 ? ` · cookie max-idle ${first.maxIdle} requests` : ''),
      v.columns,
    ),
  );
  if (first.events.length > 0) lines.push(...wrap('Events: ' + first.events.map((e) => `${eventLabel(e)} at request ${e.at}`).join('; '), v.columns));
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
  if (withTable) {
    parts.push(
      'Marks: * the cookie overrode the algorithm · ! re-balanced: the pinned server was down · x no server up (503) · logged out (−N): the server had no session for the user, N cart items lost, the user logs in again.',
    );
  }
  parts.push(
    (results.length > 1 ? 'Imbalance: busiest server / mean. ' : '') +
      'Peak sessions: the most users attached to one server at once (it served their last request; with --max-idle, idle users drop off).',
  );
  return parts.flatMap((p) => wrap(p, v.columns)).map((l) => v.c.dim(l));
}

// ---------------------------------------------------------------------------------------------
// One run

export function renderRun(cfg: SimConfig, r: SimResult, scenario: Scenario | null, v: View, opts: { table: boolean }): string {
  const out: string[] = [...renderHeader(cfg, [r], scenario, v), ''];
  if (opts.table && r.rows) out.push(...renderRequestTable(r, v), '');
  out.push(v.c.bold('Requests per server'), ...renderBars(r, v), '');
  out.push(v.c.bold('Summary'), ...renderSummary(r, v), '');
  out.push(...renderLegend(cfg, [r], v, opts.table && !!r.rows));
  return out.join('\n') + '\n';
}

export function markOf(row: RequestRow): string {
  if (row.reason === 'unavailable') return 'x';
  if (row.reason === 'rebalanced-after-failure') return '!';
  if (row.override) return '*';
  return '';
}

export function whyText(row: RequestRow, r: Pick<SimResult, 'strategy' | 'maxIdle'>): string {
  switch (row.reason) {
    case 'cookie':
      return row.override ? 'cookie wins' : 'cookie';
    case 'algorithm':
      if (row.cookieExpired) return 'expired';
      return r.strategy === 'least-connections' ? 'least-conn' : 'round-robin';
    case 'rebalanced-after-failure':
      return 're-balanced';
    case 'hash':
      return r.strategy === 'ip-hash' ? 'ip hash' : 'hash ring';
    case 'unavailable':
      return 'none up';
  }
}

export function sessionText(row: RequestRow): string {
  const fetched = row.fetched ? 'fetched, ' : '';
  switch (row.action) {
    case 'login':
      return 'logs in';
    case 'relogin':
      return row.cartLost > 0 ? `logged out (−${row.cartLost})` : 'logged out';
    case 'cart':
      return `${fetched}cart +1 → ${row.cartItems}`;
    case 'browse':
      return `${fetched}browse, cart ${row.cartItems}`;
    case 'none':
      return '503';
  }
}

export function renderRequestTable(r: SimResult, v: View): string[] {
  const { c } = v;
  const sticky = r.strategy === 'sticky-cookie';
  const nw = String(r.rows?.length ?? 0).length;
  const cols: Column[] = [{ header: '#'.padStart(nw) + ' ' }, { header: 'user' }];
  if (r.strategy === 'ip-hash') cols.push({ header: 'client ip', drop: 3 });
  if (sticky) cols.push({ header: 'cookie', drop: 2 }, { header: algorithmName(r) });
  cols.push({ header: 'server' }, { header: 'why', shrink: true, min: 8, drop: 1 });
  if (sticky) cols.push({ header: 'Set-Cookie', drop: 0 });
  cols.push({ header: 'session', shrink: true, min: 10 });
  const rows: TableRow[] = [];
  for (const row of r.rows ?? []) {
    for (const e of row.events) rows.push({ separator: `── ${e} ──`, style: (l) => c.magenta(l) });
    const cells = [String(row.n).padStart(nw) + (markOf(row) || ' '), row.user];
    if (r.strategy === 'ip-hash') cells.push(row.ip);
    if (sticky) cells.push(row.cookie ? `SRV=${row.cookie}` : '—', row.algorithmPick ?? '—');
    cells.push(row.server ?? '—', whyText(row, r));
    if (sticky) cells.push(row.setCookie ? `SRV=${row.setCookie}` : '—');
    cells.push(sessionText(row));
    rows.push({ cells, style: rowStyle(row, c) });
  }
  return renderTable(cols, rows, { width: v.columns, headerStyle: (l) => c.bold(l) });
}

function rowStyle(row: RequestRow, c: Colors): ((l: string) => string) | undefined {
  if (row.reason === 'unavailable' || row.reason === 'rebalanced-after-failure' || row.loggedOut) return (l) => c.red(l);
  if (row.override) return (l) => c.yellow(c.bold(l));
  return undefined;
}

export function renderBars(r: SimResult, v: View, opts: { timeline?: boolean } = {}): string[] {
  const { c } = v;
  const max = Math.max(1, ...r.servers.map((s) => s.requests));
  const nameW = Math.max(...r.servers.map((s) => s.name.length));
  const countW = Math.max(...r.servers.map((s) => String(s.requests).length));
  const showTimeline = opts.timeline ?? r.requests > TABLE_MAX_REQUESTS;
  const tlW = showTimeline ? r.timelineSlices + 2 : 0;
  const tail = (s: SimResult['servers'][number]): string => {
    const notes: string[] = [showTimeline ? `peak ${s.peakSessions}` : `peak ${s.peakSessions} session${s.peakSessions === 1 ? '' : 's'}`];
    if (s.state !== 'up') notes.push(s.state);
    if (s.addedAt !== null) notes.push(`added at ${s.addedAt}`);
    return notes.join(', ');
  };
  const tailW = Math.max(...r.servers.map((s) => tail(s).length));
  const fixed = 1 + nameW + 2 + 2 + countW + 2 + 4 + 2 + tlW + tailW;
  const barW = Math.max(8, Math.min(40, v.columns - fixed));
  const peakLoad = Math.max(1, ...r.servers.flatMap((s) => s.timeline));
  const lines: string[] = [];
  if (showTimeline) lines.push(c.dim(' '.repeat(1 + nameW + 2 + barW + 2 + countW + 2 + 4 + 2) + 'over time'));
  for (const s of r.servers) {
    const filled = Math.round((s.requests / max) * barW);
    const bar = c.cyan('█'.repeat(filled)) + c.dim('░'.repeat(barW - filled));
    const share = `${Math.round(s.share * 100)}%`.padStart(4);
    const tl = showTimeline ? spark(s.timeline, peakLoad) + '  ' : '';
    const note = tail(s);
    lines.push(` ${s.name.padEnd(nameW)}  ${bar}  ${String(s.requests).padStart(countW)}  ${share}  ${tl}${s.state === 'down' ? c.red(note) : c.dim(note)}`);
  }
  return lines;
}

const SPARKS = ' ▁▂▃▄▅▆▇█';
export function spark(values: readonly number[], max: number): string {
  return values.map((x) => (x === 0 ? '·' : SPARKS[Math.max(1, Math.round((x / max) * 8))]!)).join('');
}

export function renderSummary(r: SimResult, v: View): string[] {
  const { c } = v;
  const rows = summaryRows(r);
  const keyW = Math.max(...rows.map(([k]) => k.length));
  return rows.flatMap(([k, value, note]) => {
    const head = ` ${k.padEnd(keyW)}  ${value}`;
    if (!note) return [head];
    const padded = head.padEnd(keyW + 10);
    const room = v.columns - padded.length - 1;
    return note.length <= room ? [`${padded}${c.dim(note)}`] : [head, ...wrap(note, v.columns - keyW - 3).map((l) => ' '.repeat(keyW + 3) + c.dim(l))];
  });
}

function summaryRows(r: SimResult): [string, string, string][] {
  const s = r.summary;
  const mean = s.requests > 0 && r.servers.length > 0 ? (s.requests - s.unavailable) / r.servers.length : 0;
  const busiest = r.servers.find((x) => x.name === s.busiest);
  const rows: [string, string, string][] = [
    ['imbalance', s.imbalance.toFixed(2), `busiest/mean: ${s.busiest} served ${busiest?.requests ?? 0}, mean ${round1(mean)}`],
  ];
  if (r.strategy === 'sticky-cookie') {
    rows.push([
      'cookie overrides',
      s.overrides === null ? '—' : String(s.overrides),
      `of ${s.cookieRouted} cookie-routed requests went against ${algorithmName(r)}`,
    ]);
  }
  rows.push(
    ['sessions lost', String(s.sessionsLost), s.cartItemsLost > 0 ? `holding ${count(s.cartItemsLost, 'cart item')}` : ''],
    ['users logged out', String(s.usersLoggedOut), s.relogins > 0 ? `${count(s.relogins, 'forced login')}` : ''],
    ['users moved', String(s.usersMoved), s.moves > 0 ? `${count(s.moves, 'request')} changed server` : ''],
    ['store round trips', String(s.storeRoundTrips), r.store === 'shared' ? 'session reads + writes' : ''],
    ['replication msgs', String(s.replicationMessages), r.store === 'replicated' ? `copies to ${r.replicas} peer${r.replicas === 1 ? '' : 's'} + fetches` : ''],
  );
  if (s.rebalanced > 0) rows.push(['re-balanced', String(s.rebalanced), 'requests whose pinned server was down']);
  if (s.unavailable > 0) rows.push(['unavailable', String(s.unavailable), 'requests no server could take (503)']);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Several runs side by side

export function renderCompare(cfg: SimConfig, results: readonly SimResult[], scenario: Scenario | null, v: View, opts: { table: boolean }): string {
  const { c } = v;
  const out: string[] = [...renderHeader(cfg, results, scenario, v), ''];
  const withTable = opts.table && results.every((r) => r.rows);
  if (withTable) out.push(...renderCompareRequests(results, v), '');
  out.push(c.bold('Requests per server'), ...renderCompareBars(results, v), '');
  out.push(c.bold('Summary'), ...renderCompareSummary(results, v), '');
  out.push(...renderLegend(cfg, results, v, withTable));
  return out.join('\n') + '\n';
}

const SHORT_STRATEGY: Record<SimResult['strategy'], string> = {
  'round-robin': 'rr',
  'sticky-cookie': 'sticky',
  'ip-hash': 'ip-hash',
  'consistent-hash': 'ring',
  'least-connections': 'leastconn',
};

/**
 * Column labels for a comparison: the full labels when they fit; else only the parts that differ
 * (e.g. local / shared / replicated); else abbreviated strategies.
 */
export function compareLabels(results: readonly SimResult[], room: number, each: number): string[] {
  const fits = (labels: string[]): boolean => results.length * (Math.max(each, ...labels.map((l) => l.length)) + 2) <= room;
  const full = fullLabels(results);
  if (fits(full)) return full;
  const varies = (f: (r: SimResult) => string): boolean => new Set(results.map(f)).size > 1;
  const parts = (short: boolean) =>
    results.map((r) =>
      [
        varies((x) => x.strategy) ? (short ? SHORT_STRATEGY[r.strategy] : r.strategy) : '',
        varies((x) => x.store) ? r.store : '',
        varies((x) => x.rrMode) ? r.rrMode : '',
      ]
        .filter(Boolean)
        .join('/'),
    );
  const differing = parts(false);
  if (differing.every(Boolean) && fits(differing)) return differing;
  const short = parts(true);
  if (short.every(Boolean)) return short;
  return results.map((r) => `${SHORT_STRATEGY[r.strategy]}/${r.store}${r.rrMode === 'nginx' ? '/nginx' : ''}`);
}

/** strategy/store, plus /rr-mode when the runs differ in it or use nginx. */
export function fullLabels(results: readonly SimResult[]): string[] {
  const modes = new Set(results.map((r) => r.rrMode)).size > 1;
  return results.map((r) => `${r.strategy}/${r.store}${modes || r.rrMode !== 'haproxy' ? `/${r.rrMode}` : ''}`);
}

function compareCell(row: RequestRow): string {
  const mark = markOf(row);
  let text = (row.server ?? '503') + (mark ? ` ${mark}` : '');
  if (row.action === 'relogin') text += row.cartLost > 0 ? ` logged out −${row.cartLost}` : ' logged out';
  else if (row.fetched) text += ' fetched';
  return text;
}

function renderCompareRequests(results: readonly SimResult[], v: View): string[] {
  const { c } = v;
  const labels = compareLabels(results, v.columns - 12, 18);
  const cols: Column[] = [{ header: '#', align: 'right' }, { header: 'user' }, ...labels.map((header) => ({ header, shrink: true, min: 6 }))];
  const rows: TableRow[] = [];
  const first = results[0]!.rows!;
  first.forEach((row, i) => {
    for (const e of row.events) rows.push({ separator: `── ${e} ──`, style: (l) => c.magenta(l) });
    const all = results.map((r) => r.rows![i]!);
    const cells = [String(row.n), row.user, ...all.map(compareCell)];
    const bad = all.some((x) => x.loggedOut || x.reason === 'unavailable');
    const override = all.some((x) => x.override);
    rows.push({ cells, style: bad ? (l) => c.red(l) : override ? (l) => c.yellow(l) : undefined });
  });
  return renderTable(cols, rows, { width: v.columns, indent: 1, headerStyle: (l) => c.bold(l) });
}

function renderCompareBars(results: readonly SimResult[], v: View): string[] {
  const { c } = v;
  const names = results[0]!.servers.map((s) => s.name);
  const nameW = Math.max(...names.map((n) => n.length));
  const max = Math.max(1, ...results.flatMap((r) => r.servers.map((s) => s.requests)));
  const countW = Math.max(...results.flatMap((r) => r.servers.map((s) => `${s.requests} ${Math.round(s.share * 100)}%`.length)));
  const colW = Math.max(12, Math.floor((v.columns - 1 - nameW - 2) / results.length) - 2);
  const barW = Math.max(4, Math.min(24, colW - countW - 1));
  const cellW = barW + 1 + countW;
  const labels = compareLabels(results, v.columns - nameW - 3, cellW);
  const lines = [c.dim(' ' + ' '.repeat(nameW + 2) + labels.map((l) => l.slice(0, cellW).padEnd(cellW)).join('  ').trimEnd())];
  for (const name of names) {
    const cells = results.map((r) => {
      const s = r.servers.find((x) => x.name === name)!;
      const filled = Math.round((s.requests / max) * barW);
      const label = `${s.requests} ${Math.round(s.share * 100)}%`.padEnd(countW);
      return c.cyan('█'.repeat(filled)) + c.dim('░'.repeat(barW - filled)) + ' ' + label;
    });
    lines.push(` ${name.padEnd(nameW)}  ${cells.join('  ')}`.trimEnd());
  }
  return lines;
}

function renderCompareSummary(results: readonly SimResult[], v: View): string[] {
  const metrics: [string, (s: Summary, r: SimResult) => string][] = [
    ['imbalance', (s) => s.imbalance.toFixed(2)],
    ['busiest server', (s, r) => `${s.busiest} (${r.servers.find((x) => x.name === s.busiest)?.requests ?? 0})`],
    ['sessions lost', (s) => String(s.sessionsLost)],
    ['cart items lost', (s) => String(s.cartItemsLost)],
    ['users logged out', (s) => String(s.usersLoggedOut)],
    ['users moved', (s) => String(s.usersMoved)],
    ['store round trips', (s) => String(s.storeRoundTrips)],
    ['replication msgs', (s) => String(s.replicationMessages)],
    ['peak sessions', (_s, r) => String(Math.max(...r.servers.map((x) => x.peakSessions)))],
  ];
  if (results.some((r) => r.strategy === 'sticky-cookie')) {
    metrics.splice(2, 0, ['cookie overrides', (s, r) => (r.strategy === 'sticky-cookie' && s.overrides !== null ? String(s.overrides) : '—')]);
  }
  if (results.some((r) => r.summary.rebalanced > 0)) metrics.push(['re-balanced', (s) => String(s.rebalanced)]);
  if (results.some((r) => r.summary.unavailable > 0)) metrics.push(['unavailable (503)', (s) => String(s.unavailable)]);
  const labels = compareLabels(results, v.columns - 18, 6);
  const cols: Column[] = [{ header: '' }, ...labels.map((header) => ({ header, align: 'right' as const }))];
  const rows: TableRow[] = metrics.map(([k, f]) => ({ cells: [k, ...results.map((r) => f(r.summary, r))] }));
  return renderTable(cols, rows, { width: v.columns, indent: 1, headerStyle: (l) => v.c.bold(l) });
}

// ---------------------------------------------------------------------------------------------
// Scenarios

export function renderScenarioList(scenarios: readonly Scenario[], v: View): string {
  const { c } = v;
  const out: string[] = [c.bold('Scenarios') + c.dim('  (prepdeck simulate --scenario NAME; add flags to change one thing)'), ''];
  for (const s of scenarios) {
    out.push(` ${c.bold(s.name)}`);
    out.push(...wrap(s.point, v.columns - 3).map((l) => '   ' + l));
    out.push(...wrap(scenarioCommand(s), v.columns - 3).map((l) => '   ' + c.dim(l)));
    out.push('');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function eventsText(events: readonly SimEvent[]): string {
  return events.map((e) => `${eventLabel(e)} at request ${e.at}`).join('; ');
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

function round1(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}

/** Word-wraps text to `width` visible columns (colour codes don't count). */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(20, width);
  const words = text.split(/ +/);
  const lines: string[] = [];
  let line = '';
  let len = 0;
  for (const word of words) {
    const wl = visible(word);
    if (len > 0 && len + 1 + wl > w) {
      lines.push(line);
      line = word;
      len = wl;
    } else {
      line = len > 0 ? `${line} ${word}` : word;
      len += (len > 0 ? 1 : 0) + wl;
    }
  }
  if (line) lines.push(line);
  return lines;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
function visible(s: string): number {
  return s.replace(ANSI, '').length;
}
