// Text output of `prepdeck simulate`: the per-request table (override rows highlighted), per-server
// load bars, the summary, side-by-side comparisons and the scenario list. Every function returns a
// string; the command writes it once. Every line fits `columns` (for 40 columns and more): tables
// drop or abbreviate their less important columns, or split into blocks, rather than overflow.
// Lines are gathered with appendLines, never push(...lines): a trace can have 100,000 rows.
import type { Colors } from './terminal.js';
import { appendLines, renderTable, type Column, type TableRow } from './sim-table.js';
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
    appendLines(lines, wrap(c.bold(`Scenario ${scenario.name}:`) + ' ' + scenario.point, v.columns));
    appendLines(lines, wrap(`Watch: ${scenario.watch}`, v.columns).map((l) => c.dim(l)));
  }
  if (results.length === 1) {
    const modeNote =
      first.strategy === 'sticky-cookie' ? ` · rr-mode ${first.rrMode} (${first.rrMode === 'haproxy' ? 'cookie-routed requests do not move round-robin' : 'cookie-routed requests are charged to round-robin'})` : '';
    const store = first.store === 'replicated' ? `${STORE_TEXT.replicated} to ${first.replicas} peer${first.replicas === 1 ? '' : 's'}` : STORE_TEXT[first.store];
    appendLines(lines, wrap(c.bold(STRATEGY_TEXT[first.strategy]) + ` · ${store}${modeNote}`, v.columns));
  } else {
    appendLines(lines, wrap(c.bold(`Same traffic through ${results.length} configurations:`) + ' ' + fullLabels(results).join(', '), v.columns));
  }
  const servers = cfg.servers.map((s) => (s.weight === 1 ? s.name : `${s.name} (weight ${s.weight})`)).join(', ');
  const traffic =
    cfg.traffic.kind === 'sequence'
      ? `requests by ${cfg.traffic.sequence.join(',')}`
      : `${count(cfg.traffic.users, 'user')}${cfg.traffic.hot > 0 ? ` (A sends ${pct(cfg.traffic.hot)} of requests)` : ''}`;
  appendLines(
    lines,
    wrap(
      `${count(cfg.servers.length, 'server')}: ${servers} · ${traffic} · ${count(first.requests, 'request')} · seed ${first.seed}` +
        (first.maxIdle > 0 ? ` · cookie max-idle ${first.maxIdle} requests` : ''),
      v.columns,
    ),
  );
  if (first.events.length > 0) appendLines(lines, wrap('Events: ' + eventsText(first.events), v.columns));
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
  return parts.flatMap((p) => wrap(p, v.columns)).map((l) => v.c.dim(l));
}

// ---------------------------------------------------------------------------------------------
// One run

export function renderRun(cfg: SimConfig, r: SimResult, scenario: Scenario | null, v: View, opts: { table: boolean }): string {
  const out = renderHeader(cfg, [r], scenario, v);
  out.push('');
  if (opts.table && r.rows) appendLines(out, renderRequestTable(r, v)).push('');
  appendLines(out, [v.c.bold('Requests per server'), ...renderBars(r, v), '']);
  appendLines(out, [v.c.bold('Summary'), ...renderSummary(r, v), '']);
  appendLines(out, renderLegend(cfg, [r], v, opts.table && !!r.rows));
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
  const rowsOf = r.rows ?? [];
  const nw = String(rowsOf.length > 0 ? rowsOf[rowsOf.length - 1]!.n : 0).length;
  const cols: Column[] = [{ header: '#'.padStart(nw) + ' ' }, { header: 'user' }];
  if (r.strategy === 'ip-hash') cols.push({ header: 'client ip', drop: 3 });
  if (sticky) cols.push({ header: 'cookie', drop: 2 }, { header: algorithmName(r), short: SHORT_ALGORITHM[algorithmName(r)], drop: 4 });
  cols.push({ header: 'server' }, { header: 'why', drop: 1 });
  if (sticky) cols.push({ header: 'Set-Cookie', drop: 0 });
  cols.push({ header: 'session', shrink: true, min: 10 });
  const rows: TableRow[] = [];
  for (const row of rowsOf) {
    for (const e of row.events) rows.push({ separator: `── ${e} ──`, style: (l) => c.magenta(l) });
    const cells = [String(row.n).padStart(nw) + (markOf(row) || ' '), row.user];
    if (r.strategy === 'ip-hash') cells.push(row.ip);
    if (sticky) cells.push(row.cookie ? `SRV=${row.cookie}` : '—', row.algorithmPick ?? '—');
    cells.push(row.server ?? '—', whyText(row, r));
    if (sticky) cells.push(row.setCookie ? `SRV=${row.setCookie}` : '—');
    cells.push(sessionText(row));
    rows.push({ cells, style: rowStyle(row, c) });
  }
  // Narrower: without Set-Cookie, why, cookie, client ip; then a short header for the algorithm; then without it.
  return renderTable(cols, rows, { width: v.columns, abbreviateAt: 4, headerStyle: (l) => c.bold(l) });
}

/** Header of the algorithm column on narrow terminals. */
const SHORT_ALGORITHM: Record<string, string> = { 'round-robin': 'rr', 'least-conn': 'least', hash: 'hash' };

function rowStyle(row: RequestRow, c: Colors): ((l: string) => string) | undefined {
  if (row.reason === 'unavailable' || row.reason === 'rebalanced-after-failure' || row.loggedOut) return (l) => c.red(l);
  if (row.override) return (l) => c.yellow(c.bold(l));
  return undefined;
}

/**
 * One bar per server with its requests and share, then (for long runs) its load over time and notes
 * (peak sessions, state). On a narrow terminal the timeline is halved, then left out; the bar
 * narrows down to 4; the notes go on a line of their own.
 */
export function renderBars(r: SimResult, v: View, opts: { timeline?: boolean } = {}): string[] {
  const { c } = v;
  const servers = r.servers;
  const max = Math.max(1, maxOf(servers, (s) => s.requests));
  const nameW = maxOf(servers, (s) => s.name.length);
  const countW = maxOf(servers, (s) => String(s.requests).length);
  const base = 1 + nameW + 2 + 2 + countW + 2 + 4 + 2; // " name  BAR  count  share  "
  const tail = (s: SimResult['servers'][number], short: boolean): string => {
    const notes: string[] = [short ? `peak ${s.peakSessions}` : `peak ${s.peakSessions} session${s.peakSessions === 1 ? '' : 's'}`];
    if (s.state !== 'up') notes.push(s.state);
    if (s.addedAt !== null) notes.push(`added at ${s.addedAt}`);
    return notes.join(', ');
  };
  const tailW = (short: boolean): number => maxOf(servers, (s) => tail(s, short).length);
  const fits = (slices: number, bar: number, inline: boolean): boolean => base + bar + (slices > 0 ? slices + 2 : 0) + (inline ? tailW(slices > 0) : 0) <= v.columns;
  let slices = (opts.timeline ?? r.requests > TABLE_MAX_REQUESTS) ? r.timelineSlices : 0;
  if (slices > 0 && !fits(slices, 8, true)) slices = Math.ceil(slices / 2);
  if (slices > 0 && !fits(slices, 8, true)) slices = 0;
  const short = slices > 0;
  const inline = fits(slices, 4, true);
  const tlW = slices > 0 ? slices + 2 : 0;
  const barW = Math.max(4, Math.min(40, v.columns - base - tlW - (inline ? tailW(short) : 0)));
  const timelines = servers.map((s) => (slices > 0 ? resample(s.timeline, slices) : []));
  const peakLoad = Math.max(1, maxOf(timelines, (t) => maxOf(t, (x) => x)));
  const lines: string[] = [];
  if (slices > 0) lines.push(c.dim(' '.repeat(1 + nameW + 2 + barW + 2 + countW + 2 + 4 + 2) + 'over time'));
  servers.forEach((s, i) => {
    const filled = Math.round((s.requests / max) * barW);
    const bar = c.cyan('█'.repeat(filled)) + c.dim('░'.repeat(barW - filled));
    const share = `${Math.round(s.share * 100)}%`.padStart(4);
    const tl = slices > 0 ? spark(timelines[i]!, peakLoad) + '  ' : '';
    const note = tail(s, short);
    const styled = s.state === 'down' ? c.red(note) : c.dim(note);
    const head = ` ${s.name.padEnd(nameW)}  ${bar}  ${String(s.requests).padStart(countW)}  ${share}`;
    if (inline) lines.push(`${head}  ${tl}${styled}`);
    else lines.push(slices > 0 ? `${head}  ${tl}`.trimEnd() : head, ' '.repeat(nameW + 3) + styled);
  });
  return lines;
}

/** The timeline in `slices` slices (adjacent slices added up). */
function resample(values: readonly number[], slices: number): number[] {
  if (slices >= values.length) return [...values];
  const out = new Array<number>(slices).fill(0);
  for (let i = 0; i < values.length; i++) {
    const k = Math.floor((i * slices) / values.length);
    out[k] = out[k]! + values[i]!;
  }
  return out;
}

const SPARKS = ' ▁▂▃▄▅▆▇█';
export function spark(values: readonly number[], max: number): string {
  return values.map((x) => (x === 0 ? '·' : SPARKS[Math.max(1, Math.round((x / max) * 8))]!)).join('');
}

export function renderSummary(r: SimResult, v: View): string[] {
  const { c } = v;
  const rows = summaryRows(r);
  const keyW = maxOf(rows, ([k]) => k.length);
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
  const out = renderHeader(cfg, results, scenario, v);
  out.push('');
  const withTable = opts.table && results.every((r) => r.rows);
  if (withTable) appendLines(out, renderCompareRequests(results, v)).push('');
  appendLines(out, [c.bold('Requests per server'), ...renderCompareBars(results, v), '']);
  appendLines(out, [c.bold('Summary'), ...renderCompareSummary(results, v), '']);
  appendLines(out, renderLegend(cfg, results, v, withTable));
  return out.join('\n') + '\n';
}

const SHORT_STRATEGY: Record<SimResult['strategy'], string> = {
  'round-robin': 'rr',
  'sticky-cookie': 'sticky',
  'ip-hash': 'ip-hash',
  'consistent-hash': 'ring',
  'least-connections': 'leastconn',
};

const SHORT_STORE: Record<SimResult['store'], string> = { local: 'local', shared: 'shared', replicated: 'repl' };

/**
 * Column labels for a comparison, the first set that `fits`: the full labels; only the parts that
 * differ (e.g. local / shared / replicated); those abbreviated; every part abbreviated. When none
 * fits, the shortest.
 */
export function compareLabels(results: readonly SimResult[], fits: (labels: string[]) => boolean): string[] {
  const varies = (f: (r: SimResult) => string): boolean => new Set(results.map(f)).size > 1;
  const differing = (short: boolean): string[] =>
    results.map((r) =>
      [
        varies((x) => x.strategy) ? (short ? SHORT_STRATEGY[r.strategy] : r.strategy) : '',
        varies((x) => x.store) ? (short ? SHORT_STORE[r.store] : r.store) : '',
        varies((x) => x.rrMode) ? r.rrMode : '',
      ]
        .filter(Boolean)
        .join('/'),
    );
  const compact = results.map((r) => `${SHORT_STRATEGY[r.strategy]}/${SHORT_STORE[r.store]}${r.rrMode === 'nginx' ? '/nginx' : ''}`);
  const tiers = [fullLabels(results), differing(false), differing(true), compact].filter((t) => t.every(Boolean));
  const found = tiers.find(fits);
  if (found) return found;
  const widest = (t: string[]): number => maxOf(t, (l) => l.length);
  return tiers.reduce((a, b) => (widest(b) < widest(a) ? b : a));
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
  const first = results[0]!.rows!;
  const nw = String(first.length > 0 ? first[first.length - 1]!.n : 0).length;
  const userW = Math.max(4, maxOf(first, (row) => row.user.length));
  const MIN = 6;
  const lead = 1 + 2 + nw + 2 + userW;
  const labels = compareLabels(results, (ls) => ls.reduce((a, l) => a + 2 + Math.max(MIN, l.length), lead) <= v.columns);
  const cols: Column[] = [
    { header: '' },
    { header: '#', align: 'right' },
    { header: 'user' },
    ...labels.map((header) => ({ header, shrink: true, min: Math.max(MIN, header.length) })),
  ];
  const rows: TableRow[] = [];
  first.forEach((row, i) => {
    for (const e of row.events) rows.push({ separator: `── ${e} ──`, style: (l) => c.magenta(l) });
    const all = results.map((r) => r.rows![i]!);
    // ≠: the configurations sent this request to different servers (the rows worth reading).
    const differs = new Set(all.map((x) => x.server ?? '503')).size > 1;
    const cells = [differs ? DIFFERS : '', String(row.n), row.user, ...all.map(compareCell)];
    const bad = all.some((x) => x.loggedOut || x.reason === 'unavailable');
    const override = all.some((x) => x.override);
    rows.push({ cells, style: bad ? (l) => c.red(l) : override ? (l) => c.yellow(l) : undefined });
  });
  return renderTable(cols, rows, { width: v.columns, repeat: 3, headerStyle: (l) => c.bold(l) });
}

export const DIFFERS = '≠';

/** True when some request went to different servers in different configurations. */
export function routesDiffer(results: readonly SimResult[]): boolean {
  const first = results[0]?.rows ?? [];
  return results.length > 1 && first.some((_, i) => new Set(results.map((r) => r.rows?.[i]?.server ?? '503')).size > 1);
}

/**
 * Each configuration's bars side by side, with requests and share; on a narrow terminal without the
 * share, then in blocks of as many configurations as fit.
 */
function renderCompareBars(results: readonly SimResult[], v: View): string[] {
  const { c } = v;
  const names = results[0]!.servers.map((s) => s.name);
  const nameW = maxOf(names, (n) => n.length);
  const servers = results.flatMap((r) => r.servers);
  const max = Math.max(1, maxOf(servers, (s) => s.requests));
  // Figures right-aligned (requests and share each), so that 9 sits under the 5 of 25.
  const reqW = maxOf(servers, (s) => String(s.requests).length);
  const label = (s: SimResult['servers'][number], share: boolean): string =>
    String(s.requests).padStart(reqW) + (share ? ` ${`${Math.round(s.share * 100)}%`.padStart(4)}` : '');
  const countW = (share: boolean): number => maxOf(servers, (s) => label(s, share).length);
  const lead = 1 + nameW + 2;
  const MIN_BAR = 4;
  const perLine = (share: boolean): number => Math.max(1, Math.floor((v.columns - lead + 2) / (MIN_BAR + 1 + countW(share) + 2)));
  const share = perLine(true) >= results.length || perLine(false) < results.length;
  const cw = countW(share);
  const barFor = (per: number): number => Math.max(MIN_BAR, Math.min(24, Math.floor((v.columns - lead + 2) / per) - 2 - 1 - cw));
  const labelsFor = (per: number): string[] => compareLabels(results, (ls) => ls.every((l) => l.length <= barFor(per) + 1 + cw));
  // Fewer configurations per line (wider cells) rather than labels cut short.
  let per = Math.min(results.length, perLine(share));
  let labels = labelsFor(per);
  while (per > 1 && labels.some((l) => l.length > barFor(per) + 1 + cw)) labels = labelsFor(--per);
  const barW = barFor(per);
  const cellW = barW + 1 + cw;
  const lines: string[] = [];
  for (let from = 0; from < results.length; from += per) {
    if (from > 0) lines.push('');
    const block = results.slice(from, from + per);
    const heads = labels.slice(from, from + per).map((l) => (l.length > cellW ? l.slice(0, cellW - 1) + '…' : l).padEnd(cellW));
    lines.push(c.dim((' '.repeat(lead) + heads.join('  ')).trimEnd()));
    for (const name of names) {
      const cells = block.map((r) => {
        const s = r.servers.find((x) => x.name === name)!;
        const filled = Math.round((s.requests / max) * barW);
        return c.cyan('█'.repeat(filled)) + c.dim('░'.repeat(barW - filled)) + ' ' + label(s, share).padEnd(cw);
      });
      lines.push(` ${name.padEnd(nameW)}  ${cells.join('  ')}`.trimEnd());
    }
  }
  return lines;
}

type Metric = [name: string, short: string, value: (s: Summary, r: SimResult) => string];

function renderCompareSummary(results: readonly SimResult[], v: View): string[] {
  const metrics: Metric[] = [
    ['imbalance', 'imbalance', (s) => s.imbalance.toFixed(2)],
    ['busiest server', 'busiest', (s, r) => `${s.busiest} (${r.servers.find((x) => x.name === s.busiest)?.requests ?? 0})`],
    ['sessions lost', 'sess. lost', (s) => String(s.sessionsLost)],
    ['cart items lost', 'items lost', (s) => String(s.cartItemsLost)],
    ['users logged out', 'logged out', (s) => String(s.usersLoggedOut)],
    ['users moved', 'moved', (s) => String(s.usersMoved)],
    ['store round trips', 'store trips', (s) => String(s.storeRoundTrips)],
    ['replication msgs', 'repl. msgs', (s) => String(s.replicationMessages)],
    ['peak sessions', 'peak sess.', (_s, r) => String(maxOf(r.servers, (x) => x.peakSessions))],
  ];
  if (results.some((r) => r.strategy === 'sticky-cookie')) {
    metrics.splice(2, 0, ['cookie overrides', 'overrides', (s, r) => (r.strategy === 'sticky-cookie' && s.overrides !== null ? String(s.overrides) : '—')]);
  }
  if (results.some((r) => r.summary.rebalanced > 0)) metrics.push(['re-balanced', 're-balanced', (s) => String(s.rebalanced)]);
  if (results.some((r) => r.summary.unavailable > 0)) metrics.push(['unavailable (503)', '503s', (s) => String(s.unavailable)]);
  const values = metrics.map(([, , f]) => results.map((r) => f(r.summary, r)));
  const valueW = results.map((_, i) => maxOf(values, (row) => row[i]!.length));
  const width = (names: string[], labels: string[]): number => 1 + maxOf(names, (n) => n.length) + labels.reduce((a, l, i) => a + 2 + Math.max(l.length, valueW[i]!), 0);
  const full = metrics.map(([name]) => name);
  const short = metrics.map(([, s]) => s);
  let names = full;
  let labels = compareLabels(results, (ls) => width(full, ls) <= v.columns);
  if (width(full, labels) > v.columns) {
    names = short;
    labels = compareLabels(results, (ls) => width(short, ls) <= v.columns);
  }
  const cols: Column[] = [{ header: '' }, ...labels.map((header) => ({ header, align: 'right' as const }))];
  const rows: TableRow[] = names.map((k, i) => ({ cells: [k, ...values[i]!] }));
  return renderTable(cols, rows, { width: v.columns, indent: 1, repeat: 1, headerStyle: (l) => v.c.bold(l) });
}

// ---------------------------------------------------------------------------------------------
// Scenarios

export function renderScenarioList(scenarios: readonly Scenario[], v: View): string {
  const { c } = v;
  const note = '(prepdeck simulate --scenario NAME; add flags to change one thing)';
  const out: string[] =
    'Scenarios'.length + 2 + note.length <= v.columns ? [c.bold('Scenarios') + '  ' + c.dim(note)] : [c.bold('Scenarios'), ...wrap(note, v.columns).map((l) => c.dim(l))];
  out.push('');
  for (const s of scenarios) {
    out.push(` ${c.bold(s.name)}`);
    appendLines(out, wrap(s.point, v.columns - 3).map((l) => '   ' + l));
    appendLines(out, wrap(scenarioCommand(s), v.columns - 3).map((l) => '   ' + c.dim(l)));
    out.push('');
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function eventsText(events: readonly SimEvent[]): string {
  return events.map((e) => `${eventLabel(e)} at request ${e.at}`).join('; ');
}

/** The largest f(x), 0 for none: a loop, since spreading a long array into Math.max overflows the stack. */
function maxOf<T>(xs: readonly T[], f: (x: T) => number): number {
  let m = 0;
  for (const x of xs) {
    const y = f(x);
    if (y > m) m = y;
  }
  return m;
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

/**
 * Word-wraps text to `width` visible columns (colour codes don't count). A word longer than a line
 * (a --compare list, say) is broken after its commas, or else cut into pieces.
 */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(20, width);
  const lines: string[] = [];
  let line = '';
  let len = 0;
  const add = (word: string, glued: boolean): void => {
    const wl = visible(word);
    const sep = len > 0 && !glued ? 1 : 0;
    if (len > 0 && len + sep + wl > w) {
      lines.push(line);
      line = word;
      len = wl;
    } else {
      line = sep ? `${line} ${word}` : line + word;
      len += sep + wl;
    }
  };
  for (const word of text.split(/ +/)) {
    if (visible(word) <= w) add(word, false);
    // The pieces of a long word join up again (without a space) where they fit.
    else breakWord(word, w).forEach((piece, i) => add(piece, i > 0));
  }
  if (line) lines.push(line);
  return lines;
}

/** Pieces of a word longer than `w`: up to a comma where possible, else w characters. */
function breakWord(word: string, w: number): string[] {
  if (word !== word.replace(ANSI, '')) return [word];
  const pieces: string[] = [];
  let rest = word;
  while (rest.length > w) {
    const comma = rest.lastIndexOf(',', w - 1);
    const at = comma > 0 ? comma + 1 : w;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  if (rest) pieces.push(rest);
  return pieces;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
function visible(s: string): number {
  return s.replace(ANSI, '').length;
}
