// Rendering a scripted walk-through: each step as it happened, then the simulator's summary figures.
import type { RequestStep, ScriptResult, Step } from '../lab/scripts.js';
import type { Output } from './terminal.js';

const DOES: Record<RequestStep['does'], string> = { login: 'log in', cart: 'add item', view: 'look' };

export function renderStep(st: Step, out: Output): string {
  const { c } = out;
  if (st.type === 'action') return `  ${c.yellow('──')} ${c.bold(st.note)} ${c.yellow('──')}\n`;
  const n = String(st.n).padStart(3);
  const sent = st.cookie ? `SRV=${st.cookie}` : '-';
  if (st.backend === null) return `  ${n}  ${st.user.padEnd(2)} ${DOES[st.does].padEnd(9)} ${sent.padEnd(8)} → ${c.red(`HTTP ${st.status}`)}\n`;
  let how: string;
  switch (st.routedBy) {
    case 'cookie':
      how = st.override && st.algorithmPick ? `cookie ${c.magenta(`(round-robin alone: ${st.algorithmPick})`)}` : 'cookie';
      break;
    case 'rebalanced':
      how = c.yellow(`re-balanced (${st.cookie} is down)`);
      break;
    default:
      how = st.routedBy === 'hash' ? 'hash' : 'balanced';
  }
  if (st.setCookie) how += c.dim(`, Set-Cookie SRV=${st.setCookie}`);
  const session = st.loggedIn ? `logged in, cart ${st.cart}` : `not logged in, cart ${st.cart}`;
  const loss = st.loggedOut || st.cartLost > 0 ? ' ' + c.red(`LOST: ${st.loggedOut ? 'logged out' : 'session'}${st.cartLost ? `, ${st.cartLost} cart item${st.cartLost === 1 ? '' : 's'}` : ''}`) : '';
  const sim = st.predicted !== null && st.predicted !== st.backend ? c.dim(` (simulator: ${st.predicted})`) : '';
  return `  ${n}  ${st.user.padEnd(2)} ${DOES[st.does].padEnd(9)} ${sent.padEnd(8)} → ${c.bold(st.backend.padEnd(4))} ${how}  ${c.dim('·')} ${session}${loss}${sim}\n`;
}

export function renderScriptHeader(r: Pick<ScriptResult, 'script' | 'point' | 'balancer' | 'store' | 'strategy' | 'rrMode'>, url: string, out: Output): string {
  const { c } = out;
  return (
    `${c.bold(`prepdeck lab --script ${r.script}`)} ${c.dim(`· ${r.balancer === 'haproxy' ? 'HAProxy' : 'built-in balancer'}, ${r.strategy}, sessions in ${r.store} · ${url}`)}\n` +
    `${r.point}\n\n` +
    c.dim('    #  user does     cookie   → backend  routed by · session\n')
  );
}

export function renderScriptResult(r: ScriptResult, out: Output): string {
  const { c } = out;
  const s = r.summary;
  const lines: string[] = ['', c.bold('Per backend')];
  const max = Math.max(1, ...r.backends.map((b) => b.requests));
  for (const b of r.backends) {
    lines.push(`  ${b.name.padEnd(4)} ${b.state.padEnd(8)} ${String(b.requests).padStart(4)}  ${c.cyan('█'.repeat(Math.round((b.requests / max) * 24)))}`);
  }
  lines.push('', c.bold('Summary') + c.dim(' (the figures prepdeck simulate reports, counted from the live responses)'));
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
  return lines.join('\n') + '\n';
}
