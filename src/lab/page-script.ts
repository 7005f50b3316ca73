// The lab page's own script (inline, nonce'd): takes the admin token from the URL fragment into
// sessionStorage, then draws the lab from GET /_lab/state every two seconds — the balancer and one box
// per backend (state, sessions held, requests served, kill / drain / revive or undrain), the last
// requests as arrows labelled by how the balancer chose, your own backend and requests highlighted,
// and the served-by badge turned red once the backend that served this page is down.
// Builds everything with DOM calls only (textContent, never innerHTML).
export const LAB_SCRIPT = `
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
    labPanel(token);
  };
  window.addEventListener('hashchange', () => { takeToken(); startPanel(); });
  startPanel();

  function labPanel(token) {
    const $ = (id) => document.getElementById(id);
    const me = document.body.dataset.backend;
    const mySession = document.body.dataset.session;
    const msg = $('admin-msg');
    const SVG = 'http://www.w3.org/2000/svg';
    let last = null;
    document.body.classList.add('with-lab');
    $('admin').hidden = false;

    const call = async (method, path) => {
      const r = await fetch(path, { method, headers: { 'X-Lab-Token': token }, cache: 'no-store' });
      const data = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error(data.error || ('HTTP ' + r.status));
      return data;
    };
    const el = (tag, cls, text) => {
      const e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const button = (label, testid, action) => {
      const b = el('button', '', label);
      b.dataset.testid = testid;
      b.addEventListener('click', async () => {
        try { await action(); } catch (err) { msg.textContent = String(err.message || err); }
        await refresh();
      });
      return b;
    };
    const plural = (n, w) => n + ' ' + (n === 1 ? w : w + 's');

    let weighted = false;
    const backendBox = (b) => {
      const box = el('div', 'box be ' + b.state + (b.name === me ? ' mine' : ''));
      box.dataset.backend = b.name;
      box.dataset.testid = 'box-' + b.name;
      const head = el('div');
      head.append(el('span', 'name', b.name), ' ', el('span', 'pill', b.state));
      head.lastChild.dataset.testid = 'state';
      if (weighted) {
        head.append(' ', el('span', 'figure', 'weight ' + b.weight));
        head.lastChild.dataset.testid = 'weight';
      }
      box.append(head);
      if (b.name === me) box.append(el('span', 'you', 'served this page'));
      const sessions = el('span', 'figure', b.sessions === null ? 'sessions in Redis' : plural(b.sessions, 'session') + ' held');
      sessions.dataset.testid = 'sessions';
      const requests = el('span', 'figure', plural(b.requests, 'request') + ' served');
      requests.dataset.testid = 'requests';
      box.append(sessions, requests);
      const act = (what, label) => () =>
        call('POST', '/_lab/backends/' + encodeURIComponent(b.name) + '/' + what).then(() => { msg.textContent = b.name + ': ' + label; });
      const buttons = el('div', 'buttons');
      if (b.state !== 'down') buttons.append(button('Kill', 'kill-' + b.name, act('kill', 'killed')));
      if (b.state === 'up') buttons.append(button('Drain', 'drain-' + b.name, act('drain', 'draining')));
      if (b.state === 'draining') buttons.append(button('Undrain', 'undrain-' + b.name, act('revive', 'back in rotation')));
      if (b.state === 'down') buttons.append(button('Revive', 'revive-' + b.name, act('revive', 'revived (empty)')));
      box.append(buttons);
      return box;
    };

    const servedNote = (state) => {
      const mine = state.backends.find((b) => b.name === me);
      const served = $('served');
      const note = $('served-note');
      served.classList.toggle('down', !!mine && mine.state === 'down');
      served.classList.toggle('draining', !!mine && mine.state === 'draining');
      if (mine && mine.state === 'down') note.textContent = me + ' is down — your next request will be re-balanced';
      else if (mine && mine.state === 'draining') note.textContent = me + ' is draining — your cookie keeps you on it; new users go elsewhere';
      else note.textContent = '';
    };

    const drawArrows = () => {
      const svg = $('arrows');
      svg.replaceChildren();
      if (!last) return;
      const origin = $('diagram').getBoundingClientRect();
      const lb = $('lb-box').getBoundingClientRect();
      const defs = document.createElementNS(SVG, 'defs');
      const marker = document.createElementNS(SVG, 'marker');
      for (const [k, v] of [['id', 'head'], ['viewBox', '0 0 10 10'], ['refX', '9'], ['refY', '5'], ['markerWidth', '9'], ['markerHeight', '9'], ['markerUnits', 'userSpaceOnUse'], ['orient', 'auto']]) marker.setAttribute(k, v);
      const tip = document.createElementNS(SVG, 'path');
      tip.setAttribute('d', 'M0,0 L10,5 L0,10 z');
      tip.setAttribute('fill', '#1d1d1f');
      marker.append(tip);
      defs.append(marker);
      svg.append(defs);
      const recent = last.recent.slice(-5);
      const lanes = {};
      for (const r of recent) lanes[r.backend] = (lanes[r.backend] || 0) + 1;
      const used = {};
      const width = origin.width;
      // One vertical lane per request into its backend's box (side by side when several go to one
      // box), labels staggered in height so that none covers another.
      recent.forEach((r, i) => {
        const box = document.querySelector('[data-testid="box-' + CSS.escape(r.backend) + '"]');
        if (!box) return;
        const to = box.getBoundingClientRect();
        const k = (used[r.backend] = (used[r.backend] || 0) + 1) - 1;
        const x = to.left + to.width / 2 - origin.left + (k - (lanes[r.backend] - 1) / 2) * 14;
        const y1 = lb.bottom - origin.top;
        const y2 = to.top - origin.top - 2;
        const mine = mySession !== '' && r.session === mySession;
        const line = document.createElementNS(SVG, 'line');
        for (const [a, v] of [['x1', x], ['y1', y1], ['x2', x], ['y2', y2]]) line.setAttribute(a, String(v));
        line.setAttribute('class', r.by.replace(/ /g, '-') + (mine ? ' mine' : ''));
        line.setAttribute('marker-end', 'url(#head)');
        line.setAttribute('opacity', String(0.4 + (0.6 * (i + 1)) / recent.length));
        line.dataset.by = r.by;
        line.dataset.backend = r.backend;
        const label = document.createElementNS(SVG, 'text');
        // Labels on the open side of the box's lanes: right of them in the left half, else left.
        const centre = to.left + to.width / 2 - origin.left;
        const right = centre < width / 2;
        const edge = centre + (right ? 1 : -1) * ((lanes[r.backend] - 1) / 2) * 14;
        label.setAttribute('x', String(right ? edge + 6 : edge - 6));
        label.setAttribute('y', String(y1 + 16 + 16 * i));
        label.setAttribute('text-anchor', right ? 'start' : 'end');
        label.setAttribute('class', mine ? 'mine' : '');
        label.textContent = '#' + r.n + ' ' + r.by + (mine ? ' (you)' : '');
        svg.append(line, label);
      });
    };

    const draw = (state) => {
      last = state;
      const balancer = state.balancer === 'haproxy' ? 'HAProxy' : 'built-in balancer';
      $('lab-kind').textContent = '· ' + balancer + ' · sessions in ' + (state.store === 'redis' ? 'Redis' : "each backend's memory");
      $('lb-detail').textContent = state.strategy + ' · ' + plural(state.requests, 'request');
      weighted = state.backends.some((b) => b.weight !== 1);
      $('backend-boxes').replaceChildren(...state.backends.map(backendBox));
      servedNote(state);
      drawArrows();
    };

    const refresh = async () => {
      try { draw(await call('GET', '/_lab/state')); } catch (err) { msg.textContent = String(err.message || err); }
    };
    $('add-backend').addEventListener('click', async () => {
      try { const r = await call('POST', '/_lab/backends'); msg.textContent = r.name + ' added'; } catch (err) { msg.textContent = String(err.message || err); }
      await refresh();
    });
    window.addEventListener('resize', drawArrows);
    refresh();
    setInterval(refresh, 2000);
  }
})();
`;
