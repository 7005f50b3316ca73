// One backend on a free loopback port: sessions are created by the first write only, and requests
// for a Host the lab was not started on are refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Backend, type Whoami } from '../../../src/lab/backend.js';
import { Browser, rawRequest } from '../../../src/lab/client.js';
import { allowedHosts, HostGuard } from '../../../src/lab/net.js';
import { SessionSigner } from '../../../src/lab/session.js';

const BALANCER_PORT = 18080;

describe('a backend', () => {
  let backend: Backend;
  let base: string;

  beforeEach(async () => {
    const hosts = new HostGuard();
    hosts.allow(allowedHosts('127.0.0.1', BALANCER_PORT));
    backend = new Backend({ name: 's1', signer: new SessionSigner(), shared: null, hosts, onChange: () => {} });
    await backend.start();
    base = `http://127.0.0.1:${backend.port}/`;
  });

  afterEach(async () => {
    await backend.stop();
  });

  it('cookieless reads create no session and set no session cookie', async () => {
    for (let i = 0; i < 25; i++) {
      for (const path of ['/', '/api/whoami']) {
        const r = await new Browser(base).get(path, path === '/' ? { accept: 'text/html' } : undefined);
        expect(r.status).toBe(200);
        expect(r.setCookies.has('sid')).toBe(false);
      }
    }
    expect(backend.sessions()).toBe(0);
    const who = (await new Browser(base).get('/api/whoami')).json<Whoami>();
    expect(who).toEqual({ backend: 's1', session: null, loggedIn: false, user: null, cart: [] });
    const page = await new Browser(base).get('/', { accept: 'text/html' });
    expect(page.body).toContain('data-testid="no-session"');
    expect(page.body).toContain('data-testid="logged-out"');
  });

  it('a forged session cookie on a read creates nothing either', async () => {
    for (const forged of ['garbage', `${'A'.repeat(22)}.${'A'.repeat(43)}`]) {
      const b = new Browser(base);
      b.jar.set('sid', forged);
      const r = await b.get('/api/whoami');
      expect(r.json<Whoami>().session).toBeNull();
      expect(r.setCookies.has('sid')).toBe(false);
    }
    expect(backend.sessions()).toBe(0);
  });

  it('the first write creates the session; later writes keep it; logout destroys it and clears the cookie', async () => {
    const b = new Browser(base);
    const first = await b.post('/cart', { item: 'lamp' });
    expect(first.status).toBe(200);
    expect(first.setCookies.get('sid')).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    const w1 = first.json<Whoami>();
    expect(w1.session).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(w1.cart).toEqual(['lamp']);
    expect(backend.sessions()).toBe(1);

    const second = await b.post('/cart', { item: 'book' });
    expect(second.setCookies.has('sid')).toBe(false);
    expect(second.json<Whoami>()).toMatchObject({ session: w1.session, cart: ['lamp', 'book'] });

    const login = await b.post('/login', { user: 'ada' });
    const w2 = login.json<Whoami>();
    expect(w2).toMatchObject({ loggedIn: true, user: 'ada', cart: ['lamp', 'book'] });
    expect(w2.session).not.toBe(w1.session); // a new id on login
    expect(backend.sessions()).toBe(1);

    const out = await b.post('/logout');
    expect(out.json<Whoami>()).toMatchObject({ session: null, loggedIn: false, cart: [] });
    expect(String(out.headers['set-cookie'])).toMatch(/^sid=; .*Max-Age=0/);
    expect(b.jar.has('sid')).toBe(false);
    expect(backend.sessions()).toBe(0);
  });

  it('a refused write (item too long) creates no session', async () => {
    const r = await new Browser(base).post('/cart', { item: 'x'.repeat(41) });
    expect(r.status).toBe(400);
    expect(backend.sessions()).toBe(0);
  });

  it('answers only for the balancer and its own address; other Host headers get 421', async () => {
    const get = (host: string | null) =>
      rawRequest(new URL('/api/whoami', base), 'GET', host === null ? { accept: 'application/json' } : { accept: 'application/json', host }, null);
    for (const ok of [`127.0.0.1:${BALANCER_PORT}`, `localhost:${BALANCER_PORT}`, `127.0.0.1:${backend.port}`, `localhost:${backend.port}`]) {
      expect((await get(ok)).status, ok).toBe(200);
    }
    for (const bad of ['evil.example', `evil.example:${BALANCER_PORT}`, `127.0.0.1:${BALANCER_PORT + 1}`]) {
      const r = await get(bad);
      expect(r.status, bad).toBe(421);
      expect(r.body).not.toContain('evil');
      expect(r.setCookies.size).toBe(0);
    }
    const post = await rawRequest(new URL('/cart', base), 'POST', { host: 'evil.example', 'content-type': 'application/x-www-form-urlencoded' }, Buffer.from('item=x'));
    expect(post.status).toBe(421);
    expect(backend.sessions()).toBe(0);
    // Health checks carry no meaningful Host (HAProxy's httpchk sends none).
    expect((await rawRequest(new URL('/_health', base), 'GET', { host: 'anything' }, null)).status).toBe(200);
  });
});
