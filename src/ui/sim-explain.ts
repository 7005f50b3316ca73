// One or two sentences per request for `prepdeck simulate --step`: what the balancer did and why,
// and what happened to the user's session.
import type { RequestRow, SimResult } from '../sim/index.js';
import { algorithmName } from './sim-format.js';

type RunInfo = Pick<SimResult, 'strategy' | 'store' | 'rrMode' | 'replicas' | 'maxIdle'>;

export function explainRow(row: RequestRow, r: RunInfo): string {
  return [routing(row, r), session(row, r)].filter(Boolean).join(' ');
}

function routing(row: RequestRow, r: RunInfo): string {
  const u = row.user;
  const alg = algorithmName(r);
  const srv = row.server ?? '';
  switch (row.reason) {
    case 'unavailable':
      return `No server can take ${u}'s request (every server is down or draining): the client gets a 503.`;
    case 'cookie': {
      const base = `${u} sends the cookie SRV=${row.cookie ?? srv}, so the request goes to ${srv}`;
      const over = row.override
        ? `, although ${alg} alone would have picked ${row.algorithmPick ?? '?'}: the cookie overrides the algorithm.`
        : ` (${alg} would have picked ${srv} anyway).`;
      const nginx = r.rrMode === 'nginx' ? ' nginx still charges this request to round-robin and sends the cookie again.' : '';
      return base + over + nginx;
    }
    case 'rebalanced-after-failure':
      if (r.strategy === 'sticky-cookie') {
        return `${u}'s cookie names ${row.cookie ?? '?'}, which is down: the cookie is ignored, ${alg} picks ${srv}, and a new cookie SRV=${srv} pins ${u} there (it stays even after ${row.cookie ?? 'the old server'} recovers).`;
      }
      return `The server ${u}'s hash points to is down, so the request goes to ${srv} instead.`;
    case 'hash':
      return r.strategy === 'ip-hash'
        ? `nginx ip_hash over the first three octets of ${row.ip} (${row.ip.split('.').slice(0, 3).join('.')}) picks ${srv}.`
        : `${u}'s key hashes to a point on the ring owned by ${srv}.`;
    case 'algorithm':
      if (r.strategy === 'sticky-cookie') {
        const why = row.cookieExpired
          ? `${u}'s cookie (SRV=${row.cookie ?? '?'}) has been idle for more than ${r.maxIdle} requests, so it is ignored`
          : `${u} has no cookie yet`;
        return `${why}: ${alg} picks ${srv} and the response sets SRV=${srv}, so ${u}'s next requests come back to ${srv}.`;
      }
      if (r.strategy === 'least-connections') return `least-connections picks ${srv}: it has the fewest requests in flight (relative to its weight).`;
      return `Round-robin hands the request to ${srv}; there is no affinity.`;
  }
}

function session(row: RequestRow, r: RunInfo): string {
  const u = row.user;
  const srv = row.server ?? '';
  const where = r.store === 'shared' ? 'in the shared store' : r.store === 'replicated' ? `on ${srv} and copied to ${r.replicas} peer${r.replicas === 1 ? '' : 's'}` : `in ${srv}'s memory`;
  const fetched = row.fetched ? `${srv} fetches ${u}'s session from a peer. ` : '';
  switch (row.action) {
    case 'none':
      return '';
    case 'login':
      return `${u} logs in: a new session ${where}.`;
    case 'relogin':
      return `${srv} has no session for ${u}: ${u} is logged out${row.cartLost > 0 ? ` and loses ${row.cartLost} cart item${row.cartLost === 1 ? '' : 's'}` : ''}, then logs in again (new session ${where}).`;
    case 'cart':
      return `${fetched}${u} adds an item: the cart now holds ${row.cartItems}.`;
    case 'browse':
      return `${fetched}${u} browses (cart: ${row.cartItems}).`;
  }
}
