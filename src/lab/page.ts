// The shop page a backend renders: which backend answered, the session, the cart, and an admin panel
// that appears only when the page was opened from the URL the lab printed (token in the fragment,
// which browsers never send to a server, so it never reaches a log). Everything user-supplied is
// HTML-escaped; the page runs only its own inline script (CSP with a per-response nonce).
import { escapeHtml } from './http-util.js';
import { LAB_LIMITS } from './options.js';

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
  store: 'memory' | 'redis';
  nonce: string;
}

const IGNORED = {
  invalid: 'your session cookie was not validly signed (forged or altered), so it was ignored',
  unknown: 'this backend does not hold your previous session, so it is lost',
} as const;

function sessionLine(v: PageView): string {
  const e = escapeHtml;
  if (v.session !== null) return `<p>Session <code data-testid="session">${e(v.session)}</code>, created on ${e(v.createdBy ?? v.backend)}.</p>`;
  const why = v.ignored ? ` <strong class="fresh" data-testid="fresh">(${IGNORED[v.ignored]})</strong>` : '';
  return `<p data-testid="no-session">No session yet: your first login or cart item starts one.${why}</p>`;
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "form-action 'self'",
    "img-src data:",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A stable colour per backend name, so a switch of backend is visible at a glance. */
function hue(name: string): number {
  let h = 7;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) % 360;
  return (h * 47) % 360;
}

export function renderPage(v: PageView): string {
  const e = escapeHtml;
  const cart =
    v.cart.length === 0
      ? '<p class="muted" data-testid="cart-empty">Your cart is empty.</p>'
      : `<ol data-testid="cart">${v.cart.map((item) => `<li>${e(item)}</li>`).join('')}</ol>`;
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
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>prepdeck lab shop · ${e(v.backend)}</title>
<style nonce="${v.nonce}">
  body { font: 16px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 46rem; padding: 0 1rem; color: #1d1d1f; }
  .backend { display: inline-block; padding: .4rem .9rem; border-radius: .5rem; color: #fff; font-weight: 700; font-size: 1.4rem;
             background: hsl(${hue(v.backend)} 60% 38%); }
  .muted { color: #666; }
  section { border: 1px solid #ddd; border-radius: .5rem; padding: .8rem 1rem; margin: 1rem 0; }
  form { display: inline-block; margin: .2rem .4rem .2rem 0; }
  input { padding: .3rem; }
  button, .button { padding: .35rem .8rem; cursor: pointer; }
  table { border-collapse: collapse; width: 100%; }
  td, th { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #eee; }
  .fresh { color: #b3261e; }
  code { background: #f3f3f3; padding: 0 .25rem; border-radius: .2rem; }
</style>
</head>
<body>
<h1>prepdeck lab shop</h1>
<p>Served by <span class="backend" data-testid="backend">${e(v.backend)}</span></p>
<section>
  <h2>Session</h2>
  ${sessionLine(v)}
  ${login}
  <p class="muted">${storeNote}</p>
</section>
<section>
  <h2>Cart</h2>
  ${cart}
  <form method="post" action="/cart">
    <input name="item" required maxlength="${LAB_LIMITS.itemChars}" placeholder="an item" aria-label="item" data-testid="item">
    <button type="submit" data-testid="add">Add to cart</button>
  </form>
  <form method="get" action="/"><button type="submit" data-testid="reload">Reload</button></form>
</section>
<section id="admin" hidden>
  <h2>Admin</h2>
  <p class="muted">Through the balancer's admin API (<code>/_lab/…</code>, header <code>X-Lab-Token</code>).</p>
  <table><thead><tr><th>backend</th><th>state</th><th>requests</th><th></th></tr></thead><tbody id="backends"></tbody></table>
  <p><button id="add-backend" data-testid="add-backend">Add a backend</button> <span id="admin-msg" class="muted" data-testid="admin-msg"></span></p>
</section>
<script nonce="${v.nonce}">${ADMIN_SCRIPT}</script>
</body>
</html>
`;
}

// Builds the panel with DOM calls only (textContent, never innerHTML).
const ADMIN_SCRIPT = `
(() => {
  const KEY = 'prepdeck-lab-token';
  // The token leaves the address bar (and the history) at once: on load, and when a #token= link is
  // opened in this tab later (a same-page navigation: no load, only hashchange).
  const takeToken = () => {
    const m = /^#token=([0-9a-f]{32})$/.exec(location.hash);
    if (!m) return;
    sessionStorage.setItem(KEY, m[1]);
    history.replaceState(null, '', location.pathname);
  };
  takeToken();
  let started = false;
  const startPanel = () => {
    const token = sessionStorage.getItem(KEY);
    if (!token || started) return;
    started = true;
    adminPanel(token);
  };
  window.addEventListener('hashchange', () => { takeToken(); startPanel(); });
  startPanel();
  function adminPanel(token) {
  const panel = document.getElementById('admin');
  const body = document.getElementById('backends');
  const msg = document.getElementById('admin-msg');
  panel.hidden = false;
  const call = async (method, path) => {
    const r = await fetch(path, { method, headers: { 'X-Lab-Token': token }, cache: 'no-store' });
    const data = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(data.error || ('HTTP ' + r.status));
    return data;
  };
  const button = (label, testid, action) => {
    const b = document.createElement('button');
    b.textContent = label;
    b.dataset.testid = testid;
    b.addEventListener('click', async () => {
      try { await action(); } catch (err) { msg.textContent = String(err.message || err); }
      await refresh();
    });
    return b;
  };
  const refresh = async () => {
    let state;
    try { state = await call('GET', '/_lab/state'); } catch (err) { msg.textContent = String(err.message || err); return; }
    body.replaceChildren();
    for (const b of state.backends) {
      const tr = document.createElement('tr');
      tr.dataset.backend = b.name;
      for (const text of [b.name, b.state, String(b.requests)]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      const td = document.createElement('td');
      const act = (what) => () => call('POST', '/_lab/backends/' + encodeURIComponent(b.name) + '/' + what).then(() => { msg.textContent = b.name + ': ' + what; });
      if (b.state !== 'down') td.append(button('Kill', 'kill-' + b.name, act('kill')));
      if (b.state === 'up') td.append(' ', button('Drain', 'drain-' + b.name, act('drain')));
      if (b.state !== 'up') td.append(' ', button('Revive', 'revive-' + b.name, act('revive')));
      tr.append(td);
      body.append(tr);
    }
  };
  document.getElementById('add-backend').addEventListener('click', async () => {
    try { const r = await call('POST', '/_lab/backends'); msg.textContent = r.name + ' added'; } catch (err) { msg.textContent = String(err.message || err); }
    await refresh();
  });
  refresh();
  setInterval(refresh, 3000);
  }
})();
`;
