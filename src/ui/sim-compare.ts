// Several simulations of the same traffic side by side: per-request servers, per-server bars and
// the summary figures, one column per configuration. On a narrow terminal labels shorten, then
// the columns split into blocks.
import type { RequestRow, Scenario, SimConfig, SimResult, Summary } from '../sim/index.js';
import { renderHeader, renderLegend } from './sim-legend.js';
import { DIFFERS, fullLabels, maxOf, type View } from './sim-format.js';
import { markOf } from './sim-run.js';
import { appendLines, renderTable, type Column, type TableRow } from './table.js';

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
