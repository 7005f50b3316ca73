// One backend app server: a small node:http server on 127.0.0.1 serving the shop. "Kill" closes it
// (every connection too) and drops the sessions in its memory; "revive" starts it again, empty, on
// the same port. A session is created and stored only by the first write (log in, add to cart): a
// visit that only reads gets a session-less view, so a flood of cookieless requests stores nothing.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLarge, cleanText, conflictingHosts, parseFields, pathOf, readBody, refuseBadRequest, refuseHost, refuseTooLarge, SECURITY_HEADERS, sendJson, sendText, wantsJson, readCookie } from './http-util.js';
import { allowedHosts, closeServer, listen, type HostGuard } from './net.js';
import { LAB_LIMITS } from './options.js';
import { LAB_COOKIE_HEADER } from './routing.js';
import { contentSecurityPolicy, renderPage } from './page.js';
import { clearSessionCookie, MemoryStore, SESSION_COOKIE, sessionCookie, shortId, type SessionData, type SessionSigner, type SessionStore } from './session.js';

export interface Whoami {
  backend: string;
  /** The session id's first characters, or null: no session yet (the first write creates one). */
  session: string | null;
  loggedIn: boolean;
  user: string | null;
  cart: string[];
}

export interface BackendOptions {
  name: string;
  signer: SessionSigner;
  /** The shared store (Redis), or null: each backend keeps its sessions in its own memory. */
  shared: SessionStore | null;
  /** Host headers of the balancer (the backend also answers its own 127.0.0.1:PORT and localhost:PORT). */
  hosts: HostGuard;
  onChange: () => void;
  /** Each shop request: the SRV cookie it came with (as the balancer passed it on) and its session. */
  onRequest?: (r: ServedRequest) => void;
  now?: () => number;
}

export interface ServedRequest {
  backend: string;
  /** The balancer cookie the client sent (a backend name), or null. */
  cookie: string | null;
  /** The session's short id, or null. */
  session: string | null;
}

const BACKEND_NAME = /^[A-Za-z0-9_-]{1,24}$/;

/** The SRV cookie the balancer says the client sent (X-Lab-Cookie), when it looks like a backend name. */
function sentCookie(req: IncomingMessage): string | null {
  const v = req.headers[LAB_COOKIE_HEADER];
  return typeof v === 'string' && BACKEND_NAME.test(v.trim()) ? v.trim() : null;
}

/** Why a request that sent a session cookie has no session: an invalid one (forged, altered), or one this backend does not hold. */
export type IgnoredCookie = 'invalid' | 'unknown';

interface Loaded {
  /** null: no session (yet); `data` is then a blank one, stored by the first write. */
  id: string | null;
  data: SessionData;
  /** A session cookie came but named no session here. */
  ignored: IgnoredCookie | null;
  /** A Set-Cookie for the answer (new session id, or clearing it). */
  cookie: string | null;
}

export class Backend {
  readonly name: string;
  port = 0;
  /** Shop requests served (health checks not counted). */
  requests = 0;
  private server: Server | null = null;
  private memory: MemoryStore | null = null;
  private ownHosts = new Set<string>();
  private readonly opts: BackendOptions;

  constructor(opts: BackendOptions) {
    this.name = opts.name;
    this.opts = opts;
  }

  get running(): boolean {
    return this.server !== null;
  }

  get store(): SessionStore {
    return this.opts.shared ?? (this.memory ??= new MemoryStore());
  }

  /** Sessions held in this backend's memory (null with a shared store). */
  sessions(): number | null {
    return this.opts.shared ? null : (this.memory?.size() ?? 0);
  }

  /** Listens on 127.0.0.1; on its previous port when it had one (so HAProxy's server line stays right). */
  async start(): Promise<void> {
    if (this.server) return;
    this.memory = new MemoryStore();
    const server = createServer((req, res) => void this.handle(req, res));
    server.requestTimeout = 10_000;
    server.headersTimeout = 10_000;
    server.keepAliveTimeout = 5_000;
    try {
      await listen(server, this.port, '127.0.0.1');
    } catch (err) {
      // The old port was taken meanwhile: any free one (the balancer is told the new port).
      if (this.port === 0 || (err as { code?: string }).code !== 'EADDRINUSE') throw err;
      await listen(server, 0, '127.0.0.1');
    }
    this.port = (server.address() as AddressInfo).port;
    this.ownHosts = new Set(allowedHosts('127.0.0.1', this.port));
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.memory = null; // its sessions die with it
    await closeServer(server);
  }

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  private hostAllowed(req: IncomingMessage): boolean {
    const host = req.headers.host;
    return this.opts.hosts.ok(host) || (host !== undefined && this.ownHosts.has(host.trim().toLowerCase()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req);
    const method = req.method ?? 'GET';
    if (path === '/_health') {
      sendText(res, 200, 'ok\n');
      return;
    }
    if (conflictingHosts(req)) return refuseBadRequest(req, res, 'two different Host headers');
    if (!this.hostAllowed(req)) return refuseHost(req, res, [...this.opts.hosts.list(), ...this.ownHosts]);
    this.requests++;
    const sid = this.opts.signer.verify(readCookie(req.headers.cookie, SESSION_COOKIE));
    this.opts.onRequest?.({ backend: this.name, cookie: sentCookie(req), session: sid === null ? null : shortId(sid) });
    this.opts.onChange();
    try {
      if (path === '/' && (method === 'GET' || method === 'HEAD')) return await this.page(req, res);
      if (path === '/api/whoami' && (method === 'GET' || method === 'HEAD')) {
        const s = await this.load(req);
        return this.answer(res, 200, s);
      }
      if (path === '/login' || path === '/logout' || path === '/cart') {
        if (method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { allow: 'POST' });
        const fields = parseFields(req, await readBody(req));
        return await this.post(path, fields, req, res);
      }
      if (path === '/api/whoami' || path === '/') return sendJson(res, 405, { error: 'use GET' }, { allow: 'GET, HEAD' });
      sendJson(res, 404, { error: 'not found' });
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
      } else if (err instanceof BodyTooLarge) {
        refuseTooLarge(req, res);
      } else {
        sendJson(res, 503, { error: 'session store unavailable', backend: this.name });
      }
    }
  }

  private async page(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const s = await this.load(req);
    const nonce = randomBytes(16).toString('base64');
    const html = renderPage({
      backend: this.name,
      session: s.id === null ? null : shortId(s.id),
      loggedIn: s.data.loggedIn,
      user: s.data.user,
      cart: s.data.cart,
      createdBy: s.id === null ? null : s.data.createdBy,
      ignored: s.ignored,
      previous: ((c) => (c !== null && c !== this.name ? c : null))(sentCookie(req)),
      store: this.store.kind,
      nonce,
    });
    const headers: Record<string, string | string[]> = {
      ...SECURITY_HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(Buffer.byteLength(html)),
      'content-security-policy': contentSecurityPolicy(nonce),
      'x-lab-backend': this.name,
    };
    if (s.cookie) headers['set-cookie'] = [s.cookie];
    res.writeHead(200, headers);
    res.end(html);
  }

  private async post(path: string, fields: Map<string, string>, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const s = await this.load(req);
    const store = this.store;
    if (path === '/cart') {
      const item = cleanText(fields.get('item') ?? '');
      if (item === '' || item.length > LAB_LIMITS.itemChars) {
        return this.reject(req, res, `item: 1 to ${LAB_LIMITS.itemChars} characters`);
      }
      if (s.data.cart.length >= LAB_LIMITS.cartItems) return this.reject(req, res, `the cart holds at most ${LAB_LIMITS.cartItems} items`);
      // The first write creates the session.
      const cur = s.id === null ? this.issue(s, s.data) : s;
      cur.data.cart.push(item);
      await store.set(cur.id!, cur.data);
      return this.done(req, res, cur);
    }
    if (path === '/login') {
      const user = cleanText(fields.get('user') ?? '') || 'candidate';
      if (user.length > LAB_LIMITS.userChars) return this.reject(req, res, `user: at most ${LAB_LIMITS.userChars} characters`);
      // A new id on login: a session id planted before the login is worth nothing after it.
      if (s.id !== null) await store.delete(s.id);
      const next = this.issue(s, { ...s.data, loggedIn: true, user });
      await store.set(next.id!, next.data);
      return this.done(req, res, next);
    }
    // logout: the session is destroyed and its cookie cleared; the next write starts a new one.
    if (s.id !== null) await store.delete(s.id);
    const hadCookie = readCookie(req.headers.cookie, SESSION_COOKIE) !== null;
    return this.done(req, res, { id: null, data: this.blank(), ignored: null, cookie: hadCookie ? clearSessionCookie() : null });
  }

  /** A new session id (and its cookie) for `data`. */
  private issue(s: Loaded, data: SessionData): Loaded {
    const id = this.opts.signer.newId();
    return { id, data, ignored: s.ignored, cookie: sessionCookie(this.opts.signer.sign(id)) };
  }

  private blank(): SessionData {
    return { loggedIn: false, user: null, cart: [], createdBy: this.name, createdAt: this.now() };
  }

  /** The session the request's cookie names, or none (nothing is stored: also for a forged or unknown cookie). */
  private async load(req: IncomingMessage): Promise<Loaded> {
    const raw = readCookie(req.headers.cookie, SESSION_COOKIE);
    const id = this.opts.signer.verify(raw);
    if (id) {
      const data = await this.store.get(id);
      if (data) return { id, data, ignored: null, cookie: null };
    }
    return { id: null, data: this.blank(), ignored: id ? 'unknown' : raw ? 'invalid' : null, cookie: null };
  }

  private whoami(s: Loaded): Whoami {
    return { backend: this.name, session: s.id === null ? null : shortId(s.id), loggedIn: s.data.loggedIn, user: s.data.user, cart: s.data.cart };
  }

  private answer(res: ServerResponse, status: number, s: Loaded): void {
    const extra: Record<string, string | string[]> = { 'x-lab-backend': this.name };
    if (s.cookie) extra['set-cookie'] = [s.cookie];
    sendJson(res, status, this.whoami(s), extra);
  }

  /** After a POST: JSON for API clients, a redirect back to the page for a browser form. */
  private done(req: IncomingMessage, res: ServerResponse, s: Loaded): void {
    if (wantsJson(req)) return this.answer(res, 200, s);
    const headers: Record<string, string | string[]> = { ...SECURITY_HEADERS, location: '/', 'content-length': '0', 'x-lab-backend': this.name };
    if (s.cookie) headers['set-cookie'] = [s.cookie];
    res.writeHead(303, headers);
    res.end();
  }

  private reject(req: IncomingMessage, res: ServerResponse, message: string): void {
    if (wantsJson(req)) return sendJson(res, 400, { error: message });
    sendText(res, 400, `${message}\n`);
  }
}
