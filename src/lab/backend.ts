// One backend app server: a small node:http server on 127.0.0.1 serving the shop. "Kill" closes it
// (every connection too) and drops the sessions in its memory; "revive" starts it again, empty, on
// the same port.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCookie } from '../sim/balancer.js';
import { BodyTooLarge, cleanText, parseFields, pathOf, readBody, refuseTooLarge, SECURITY_HEADERS, sendJson, sendText, wantsJson } from './http-util.js';
import { LAB_LIMITS } from './options.js';
import { contentSecurityPolicy, renderPage } from './page.js';
import { MemoryStore, SESSION_COOKIE, sessionCookie, shortId, type SessionData, type SessionSigner, type SessionStore } from './session.js';

export interface Whoami {
  backend: string;
  session: string;
  loggedIn: boolean;
  user: string | null;
  cart: string[];
}

export interface BackendOptions {
  name: string;
  signer: SessionSigner;
  /** The shared store (Redis), or null: each backend keeps its sessions in its own memory. */
  shared: SessionStore | null;
  onChange: () => void;
  now?: () => number;
}

/** Why a request got a fresh session: it sent none, an invalid one (forged, altered), or one this backend does not hold. */
export type FreshReason = 'none' | 'invalid' | 'unknown';

interface Loaded {
  id: string;
  data: SessionData;
  fresh: FreshReason | null;
  cookie: string | null;
}

export class Backend {
  readonly name: string;
  port = 0;
  /** Shop requests served (health checks not counted). */
  requests = 0;
  private server: Server | null = null;
  private memory: MemoryStore | null = null;
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
      await listen(server, this.port);
    } catch (err) {
      // The old port was taken meanwhile: any free one (the balancer is told the new port).
      if (this.port === 0 || (err as { code?: string }).code !== 'EADDRINUSE') throw err;
      await listen(server, 0);
    }
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.memory = null; // its sessions die with it
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = pathOf(req);
    const method = req.method ?? 'GET';
    if (path === '/_health') {
      sendText(res, 200, 'ok\n');
      return;
    }
    this.requests++;
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
      session: shortId(s.id),
      loggedIn: s.data.loggedIn,
      user: s.data.user,
      cart: s.data.cart,
      createdBy: s.data.createdBy,
      fresh: s.fresh,
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
      s.data.cart.push(item);
      await store.set(s.id, s.data);
      return this.done(req, res, s);
    }
    if (path === '/login') {
      const user = cleanText(fields.get('user') ?? '') || 'candidate';
      if (user.length > LAB_LIMITS.userChars) return this.reject(req, res, `user: at most ${LAB_LIMITS.userChars} characters`);
      // A new id on login: a session id planted before the login is worth nothing after it.
      await store.delete(s.id);
      const next = this.rotate(s, { ...s.data, loggedIn: true, user });
      await store.set(next.id, next.data);
      return this.done(req, res, next);
    }
    // logout: the session is destroyed; the visitor continues with a fresh, empty one.
    await store.delete(s.id);
    const next = this.rotate(s, this.blank());
    await store.set(next.id, next.data);
    return this.done(req, res, next);
  }

  private rotate(s: Loaded, data: SessionData): Loaded {
    const id = this.opts.signer.newId();
    return { id, data, fresh: s.fresh, cookie: sessionCookie(this.opts.signer.sign(id)) };
  }

  private blank(): SessionData {
    return { loggedIn: false, user: null, cart: [], createdBy: this.name, createdAt: this.now() };
  }

  /** The session the request's cookie names, or a fresh one (also for a forged or unknown cookie). */
  private async load(req: IncomingMessage): Promise<Loaded> {
    const raw = readCookie(req.headers.cookie, SESSION_COOKIE);
    const id = this.opts.signer.verify(raw);
    if (id) {
      const data = await this.store.get(id);
      if (data) return { id, data, fresh: null, cookie: null };
    }
    const fresh = this.opts.signer.newId();
    const data = this.blank();
    await this.store.set(fresh, data);
    return { id: fresh, data, fresh: id ? 'unknown' : raw ? 'invalid' : 'none', cookie: sessionCookie(this.opts.signer.sign(fresh)) };
  }

  private whoami(s: Loaded): Whoami {
    return { backend: this.name, session: shortId(s.id), loggedIn: s.data.loggedIn, user: s.data.user, cart: s.data.cart };
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

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
