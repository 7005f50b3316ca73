// One simulation as text: the per-request table (override rows highlighted), per-server load bars
// with their timeline, and the summary. Every line fits the view's width (40 columns and more):
// the table drops or abbreviates its less important columns rather than overflow. Lines are
// gathered with appendLines, never push(...lines): a trace can have 100,000 rows.
import type { RequestRow, Scenario, SimConfig, SimResult } from '../sim/index.js';
import { renderHeader, renderLegend } from './sim-legend.js';
import { TABLE_MAX_REQUESTS, algorithmName, count, maxOf, round1, type View } from './sim-format.js';
import { wrapLines } from './text.js';
import { resample, timelineSpark } from './sparkline.js';
import { appendLines, renderTable, type Column, type TableRow } from './table.js';
import type { Colors } from './terminal.js';

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
    const tl = slices > 0 ? timelineSpark(timelines[i]!, peakLoad) + '  ' : '';
    const note = tail(s, short);
    const styled = s.state === 'down' ? c.red(note) : c.dim(note);
    const head = ` ${s.name.padEnd(nameW)}  ${bar}  ${String(s.requests).padStart(countW)}  ${share}`;
    if (inline) lines.push(`${head}  ${tl}${styled}`);
    else lines.push(slices > 0 ? `${head}  ${tl}`.trimEnd() : head, ' '.repeat(nameW + 3) + styled);
  });
  return lines;
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
    return note.length <= room ? [`${padded}${c.dim(note)}`] : [head, ...wrapLines(note, v.columns - keyW - 3).map((l) => ' '.repeat(keyW + 3) + c.dim(l))];
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
