// The shop page a backend renders: which backend answered, the session, the cart, and a picture of
// the lab (page-script.ts) that appears only when the page was opened from the URL the lab printed
// (token in the fragment, which browsers never send to a server, so it never reaches a log).
// Everything user-supplied is HTML-escaped; the page runs only its own inline script and style (CSP
// with a per-response nonce).
import { escapeHtml } from './http-util.js';
import { LAB_LIMITS } from './options.js';
import { LAB_SCRIPT } from './page-script.js';
import { labStyle } from './page-style.js';

export interface PageView {
  backend: string;
  /** The session id's first characters, or null: no session yet (the first login or cart item creates one). */
  session: string | null;
  loggedIn: boolean;
  user: string | null;
  cart: readonly string[];
  /** Backend that created the session (null without a session). */
  createdBy: string | null;
  /** A session cookie came but was ignored: not validly signed, or naming a session this backend does not hold. */
  ignored: 'invalid' | 'unknown' | null;
  /** The backend the balancer cookie named when it is not this one (the one that served you before), else null. */
  previous?: string | null;
  store: 'memory' | 'redis';
  nonce: string;
}

/** The session paragraph: one plain statement of what happened to it, never two that disagree. */
export function sessionLine(v: PageView): string {
  const e = escapeHtml;
  const here = e(v.backend);
  const before = v.previous ? e(v.previous) : null;
  if (v.session !== null) {
    const line = `<p>Session <code data-testid="session">${e(v.session)}</code>, created on ${e(v.createdBy ?? v.backend)}.</p>`;
    if (v.store === 'redis' && before) {
      return `${line}\n  <p class="good" data-testid="survived">Your session survived: ${before} served you before and no longer does, but the session lives in Redis, so ${here} carries on with it.</p>`;
    }
    return line;
  }
  if (v.ignored === 'unknown') {
    const lost =
      v.store === 'memory'
        ? `Your session was in ${before ? `${before}'s` : "another backend's"} memory and is lost: ${here} does not have it (each backend keeps its own sessions).`
        : `Your session is no longer in Redis (it expired or was ended), so it is lost.`;
    return `<p class="bad" data-testid="lost"><strong>Session lost.</strong> ${lost} Your next login or cart item starts a new one.</p>`;
  }
  if (v.ignored === 'invalid') {
    return '<p class="bad" data-testid="forged">Your session cookie was not validly signed (forged or altered), so it was ignored: no session. Your next login or cart item starts a new one.</p>';
  }
  return '<p data-testid="no-session">No session yet: your first login or cart item starts one.</p>';
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "form-action 'self'",
    'img-src data:',
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function cartSection(v: PageView): string {
  const e = escapeHtml;
  const cart =
    v.cart.length === 0
      ? '<p class="muted" data-testid="cart-empty">Your cart is empty.</p>'
      : `<ol data-testid="cart">${v.cart.map((item) => `<li>${e(item)}</li>`).join('')}</ol>`;
  return `<section>
  <h2>Cart</h2>
  ${cart}
  <form method="post" action="/cart">
    <input name="item" required maxlength="${LAB_LIMITS.itemChars}" placeholder="an item" aria-label="item" data-testid="item">
    <button type="submit" data-testid="add">Add to cart</button>
  </form>
  <form method="get" action="/"><button type="submit" data-testid="reload">Reload</button></form>
</section>`;
}

function sessionSection(v: PageView): string {
  const e = escapeHtml;
  const login = v.loggedIn
    ? `<p>Logged in as <strong data-testid="user">${e(v.user ?? '')}</strong>.</p>
  <form method="post" action="/logout"><button type="submit" data-testid="logout">Log out</button></form>`
    : `<p data-testid="logged-out">Not logged in.</p>
  <form method="post" action="/login">
    <input name="user" value="candidate" maxlength="${LAB_LIMITS.userChars}" aria-label="name">
    <button type="submit" data-testid="login">Log in</button>
  </form>`;
  const storeNote =
    v.store === 'memory'
      ? `Sessions live in each backend's memory: if ${e(v.backend)} dies, so does your session.`
      : 'Sessions live in Redis: any backend can serve you, and a dead backend loses nothing.';
  return `<section>
  <h2>Session</h2>
  ${sessionLine(v)}
  ${login}
  <p class="muted">${storeNote}</p>
</section>`;
}

// The lab picture: the balancer, the backends as boxes (filled by the script), arrows between them.
const LAB_PANEL = `<aside id="admin" hidden aria-label="the lab">
  <h2>The lab <span class="muted" id="lab-kind" data-testid="lab-kind"></span></h2>
  <div class="diagram" id="diagram">
    <svg id="arrows" aria-hidden="true"></svg>
    <div class="box lb" id="lb-box" data-testid="balancer"><strong>Balancer</strong><span id="lb-detail" class="muted"></span></div>
    <div class="backends" id="backend-boxes"></div>
  </div>
  <p class="actions"><button id="add-backend" data-testid="add-backend">Add a backend</button> <span id="admin-msg" class="muted" data-testid="admin-msg" role="status"></span></p>
  <p class="muted legend">Arrows: the last requests, labelled by how the balancer chose — <em>cookie</em>: pinned by the SRV cookie; <em>round-robin</em>: picked in turn; <em>re-balanced</em>: the cookie named a backend that is down. Bold ones are yours; your backend has a thick border.</p>
</aside>`;

export function renderPage(v: PageView): string {
  const e = escapeHtml;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>prepdeck lab shop · ${e(v.backend)}</title>
<style nonce="${v.nonce}">${labStyle(v.backend)}</style>
</head>
<body data-backend="${e(v.backend)}" data-session="${e(v.session ?? '')}" data-store="${v.store}">
<header>
  <h1>prepdeck lab shop</h1>
  <p class="served" id="served" data-testid="served">Served by <span class="backend" data-testid="backend">${e(v.backend)}</span>
    <span id="served-note" data-testid="served-note"></span></p>
</header>
<main class="layout" id="layout">
  <div class="shop">
${sessionSection(v)}
${cartSection(v)}
  </div>
${LAB_PANEL}
</main>
<script nonce="${v.nonce}">${LAB_SCRIPT}</script>
</body>
</html>
`;
}
