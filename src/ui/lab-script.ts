// Rendering a scripted walk-through: each step as it happened, then the simulator's summary figures,
// every line laid out to the terminal's width (words are never split; the step columns stay aligned).
import type { RequestStep, ScriptResult, Step } from '../lab/script-steps.js';
import type { Output } from './terminal.js';
import { hang, wrap, wrapIndented } from './text.js';

const DOES: Record<RequestStep['does'], string> = { login: 'log in', cart: 'add item', browse: 'look' };

/** Below this many columns for "routed by · session", it goes on the lines under the step's columns. */
const MIN_TAIL = 34;
/** Where the second line of a step starts in the narrow layout: under the user column. */
const NARROW_INDENT = 7;

/**
 * One step, laid out to the terminal's width: the fixed columns (#, user, does, cookie, backend),
 * then how it was routed and the session, wrapped at word boundaries beside the columns, or on the
 * lines under them when the terminal leaves too little room.
 */
export function renderStep(st: Step, out: Output): string {
  const { c } = out;
  if (st.type === 'action') return hang(`  ${c.yellow('──')} `, `${c.bold(st.note)} ${c.yellow('──')}`, out.columns, { minBody: 20, indent: 5 }) + '\n';
  const sent = st.cookie ? `SRV=${st.cookie}` : '-';
  if (st.backend === null) return `${stepColumns(String(st.n), st.user, DOES[st.does], sent, '')}${c.red(`HTTP ${st.status}`)}\n`;
  const head = stepColumns(String(st.n), st.user, DOES[st.does], sent, c.bold(st.backend.padEnd(BACKEND_COLUMN)) + ' ');
  return hang(head, stepTail(st, out), out.columns, { minBody: MIN_TAIL, indent: NARROW_INDENT }) + '\n';
}

const BACKEND_COLUMN = 'backend'.length;

/** The fixed columns of a step (and of the titles above them): #, user, does, cookie, then the backend. */
function stepColumns(n: string, user: string, does: string, sent: string, backend: string): string {
  return `  ${n.padStart(3)}  ${user.padEnd(4)} ${does.padEnd(9)} ${sent.padEnd(8)} → ${backend}`;
}

/** How the request was routed, what the session holds, and what was lost. */
function stepTail(st: RequestStep, out: Output): string {
  const { c } = out;
  let how: string;
  switch (st.routedBy) {
    case 'cookie':
      how = st.override && st.algorithmPick ? `cookie ${c.magenta(`(round-robin alone: ${st.algorithmPick})`)}` : 'cookie';
      break;
    case 'rebalanced-after-failure':
      how = c.yellow(`re-balanced (${st.cookie} is down)`);
      break;
    default:
      how = st.routedBy === 'hash' ? 'hash' : 'balanced';
  }
  if (st.setCookie) how += c.dim(`, Set-Cookie SRV=${st.setCookie}`);
  // A no-break space keeps "cart 3" on one line.
  const session = st.loggedIn ? `logged in, cart\u00a0${st.cart}` : `not logged in, cart\u00a0${st.cart}`;
  const loss = st.loggedOut || st.cartLost > 0 ? ' ' + c.red(`LOST: ${st.loggedOut ? 'logged out' : 'session'}${st.cartLost ? `, ${st.cartLost} cart item${st.cartLost === 1 ? '' : 's'}` : ''}`) : '';
  const sim = st.predicted !== null && st.predicted !== st.backend ? c.dim(` (simulator: ${st.predicted})`) : '';
  return `${how} ${c.dim('·')} ${session}${loss}${sim}`;
}

/** The column titles, in the same layout as the steps (routed by · session under the columns when narrow). */
function columnTitles(out: Output): string {
  const head = stepColumns('#', 'user', 'does', 'cookie', 'backend ');
  return out.c.dim(out.columns - head.length < MIN_TAIL ? `${head.trimEnd()}\n${' '.repeat(NARROW_INDENT)}routed by · session` : `${head}routed by · session`);
}

export function renderScriptHeader(r: Pick<ScriptResult, 'script' | 'point' | 'balancer' | 'store' | 'strategy' | 'rrMode'>, url: string, out: Output): string {
  const { c } = out;
  const about = `· ${r.balancer === 'haproxy' ? 'HAProxy' : 'built-in balancer'}, ${r.strategy}, sessions in ${r.store} · ${url}`;
  return `${wrap(`${c.bold(`prepdeck lab --script ${r.script}`)} ${c.dim(about)}`, out.columns)}\n${wrap(r.point, out.columns)}\n\n${columnTitles(out)}\n`;
}

export function renderScriptResult(r: ScriptResult, out: Output): string {
  const { c } = out;
  const s = r.summary;
  const lines: string[] = ['', c.bold('Per backend')];
  const max = Math.max(1, ...r.backends.map((b) => b.requests));
  for (const b of r.backends) {
    lines.push(`  ${b.name.padEnd(4)} ${b.state.padEnd(8)} ${String(b.requests).padStart(4)}  ${c.cyan('█'.repeat(Math.round((b.requests / max) * 24)))}`);
  }
  lines.push('', wrap(c.bold('Summary') + c.dim(' (the figures prepdeck simulate reports, counted from the live responses)'), out.columns));
  const rows: [string, string][] = [
    ['requests', `${s.requests}${s.unavailable ? ` (${s.unavailable} unavailable)` : ''}`],
    ['imbalance (busiest / mean)', `${s.imbalance.toFixed(2)} (${s.busiest})`],
    ['logins · cart items added', `${s.logins} · ${s.cartItemsAdded}`],
    ['routed by cookie · overrides', `${s.cookieRouted} · ${s.overrides ?? 'n/a'}`],
    ['re-balanced after failure', String(s.rebalanced)],
    ['Set-Cookie SRV sent', String(s.setCookies)],
    ['users moved · moves', `${s.usersMoved} · ${s.moves}`],
    ['sessions lost', String(s.sessionsLost)],
    ['cart items lost', String(s.cartItemsLost)],
    ['users logged out', String(s.usersLoggedOut)],
    ['session store round trips', String(s.storeRoundTrips)],
  ];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(30)} ${v}`);
  if (r.simulator) {
    const { compared, matched, mismatches } = r.simulator;
    lines.push(
      '',
      matched === compared
        ? c.green(`The simulator predicts the same backend for all ${compared} requests (prepdeck simulate --sequence …).`)
        : c.yellow(
            `The simulator predicts the same backend for ${matched} of ${compared} requests; differs at #${mismatches.join(', #')}` +
              (r.balancer === 'haproxy' ? " (HAProxy's round-robin places an added server in its rotation differently from the model's smooth weighted round-robin)." : '.'),
          ),
    );
  }
  lines.push('', r.conclusion);
  return wrapIndented(lines.join('\n'), out.columns) + '\n';
}
