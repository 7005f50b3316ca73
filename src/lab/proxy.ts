// The built-in balancer: a small reverse proxy on node:http. Where each request goes is decided by
// the simulator's strategy code (through routing.ts); this file only moves bytes. Like HAProxy's
// `cookie SRV insert indirect nocache`: the balancer cookie is stripped before the backend sees the
// request, and Set-Cookie SRV=<backend> is added only when the request was balanced. A request for
// a Host the lab was not started on gets 421 (DNS rebinding), the admin API included.
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_PREFIX, handleAdmin, type LabControl } from './admin.js';
import { BodyTooLarge, conflictingHosts, readBody, refuseBadRequest, refuseHost, refuseTooLarge, sendJson, readCookie } from './http-util.js';
import { closeServer, listen, type HostGuard } from './net.js';
import { BALANCER_COOKIE, LAB_COOKIE_HEADER, stripCookie, type LabRouter } from './routing.js';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-authorization', 'proxy-authenticate']);
/** Request headers the balancer has already dealt with (it read the whole body before forwarding). */
const CONSUMED = new Set(['expect', 'content-length', 'cookie']);
const UPSTREAM_TIMEOUT_MS = 10_000;

export interface ProxyOptions {
  router: LabRouter;
  host: string;
  port: number;
  token: string;
  control: LabControl;
  /** The Host headers answered (the lab adds this balancer's once it listens). */
  hosts: HostGuard;
  /** Port of a running backend, or null when it is not running. */
  backendPort(name: string): number | null;
}

export class BuiltinBalancer {
  private server: Server | null = null;
  port = 0;

  constructor(private readonly opts: ProxyOptions) {}

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.requestTimeout = 15_000;
    server.headersTimeout = 10_000;
    await listen(server, this.opts.port, this.opts.host);
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    await closeServer(server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    if (conflictingHosts(req)) return refuseBadRequest(req, res, 'two different Host headers');
    if (!this.opts.hosts.ok(req.headers.host)) return refuseHost(req, res, this.opts.hosts.list());
    if (url.startsWith(ADMIN_PREFIX)) return handleAdmin(req, res, this.opts.token, this.opts.control);
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (err) {
      if (err instanceof BodyTooLarge) return refuseTooLarge(req, res);
      return void res.destroy();
    }
    const { router } = this.opts;
    const route = router.route(req.headers.cookie, req.socket.remoteAddress ?? '');
    const backend = route.backend;
    const port = backend ? this.opts.backendPort(backend) : null;
    if (!backend || port === null) {
      return sendJson(res, 503, { error: 'no backend can take the request (all down or draining)' }, { 'retry-after': '1' });
    }
    router.opened(backend);
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      router.closed(backend);
    };
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: url, headers: forwardHeaders(req, body.length), agent: false, timeout: UPSTREAM_TIMEOUT_MS },
      (up) => {
        const headers = backHeaders(up.headers);
        if (route.setCookie) {
          const cookies = headers['set-cookie'];
          headers['set-cookie'] = [...(Array.isArray(cookies) ? cookies : cookies ? [String(cookies)] : []), route.setCookie];
          headers['cache-control'] ??= 'private'; // HAProxy's `nocache`
        }
        res.writeHead(up.statusCode ?? 502, headers);
        up.pipe(res);
        up.on('end', finish);
        up.on('error', () => {
          finish();
          res.destroy();
        });
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
    upstream.on('error', () => {
      finish();
      if (!res.headersSent) sendJson(res, 502, { error: `backend ${backend} did not answer` });
      else res.destroy();
    });
    res.on('close', finish);
    upstream.end(body);
  }
}

function forwardHeaders(req: IncomingMessage, bodyLength: number): OutgoingHttpHeaders {
  const drop = connectionTokens(req.headers);
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || HOP_BY_HOP.has(k) || drop.has(k) || CONSUMED.has(k) || k.startsWith('x-forwarded-') || k === LAB_COOKIE_HEADER) continue;
    out[k] = v;
  }
  const cookie = stripCookie(req.headers.cookie);
  if (cookie) out.cookie = cookie;
  if (bodyLength > 0 || req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined) out['content-length'] = bodyLength;
  // From the socket, never from the client's own header.
  out['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  out['x-forwarded-proto'] = 'http';
  // The balancer cookie the client sent (the backend no longer sees it): the lab page tells a request
  // pinned by it from a balanced one. Set here, never taken from the client.
  out[LAB_COOKIE_HEADER] = readCookie(req.headers.cookie, BALANCER_COOKIE) ?? '';
  out.connection = 'close';
  return out;
}

function backHeaders(h: IncomingHttpHeaders): OutgoingHttpHeaders {
  const drop = connectionTokens(h);
  const out: OutgoingHttpHeaders = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined || HOP_BY_HOP.has(k) || drop.has(k)) continue;
    out[k] = v;
  }
  return out;
}

function connectionTokens(h: IncomingHttpHeaders): Set<string> {
  const c = h.connection;
  return new Set(
    String(c ?? '')
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  );
}
