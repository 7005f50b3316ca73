// The running lab: N backends, a balancer in front (built-in or a real HAProxy), sessions in memory
// or Redis, and the admin operations behind /_lab/. stop() closes every server, stops HAProxy,
// removes the temporary folder and frees every port.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { RrMode, ServerState, Strategy } from '../sim/model.js';
import { UsageError } from '../errors.js';
import { handleAdmin, LabActionError, type BackendAction, type LabControl } from './admin.js';
import { Backend } from './backend.js';
import { findHaproxy, haproxyConfig, HaproxyProcess, HAPROXY_BACKEND, type HaproxyServerState } from './haproxy.js';
import { refuseHost } from './http-util.js';
import { cleanLeftovers, RunFolder, urlHash } from './leftovers.js';
import { allowedHosts, canConnect, closeServer, HostGuard, listen } from './net.js';
import { backendName, LAB_LIMITS, spareNames, type BalancerKind, type LabOptions, type LabStore } from './options.js';
import { BuiltinBalancer } from './proxy.js';
import { SESSION_TTL_SECONDS, type RedisStore } from './redis-store.js';
import { LabRouter, RECENT_REQUESTS, routeLabel, type RecentRequest, type RoutingCounters } from './routing.js';
import { SessionSigner, type SessionStore } from './session.js';

export interface BackendState {
  name: string;
  port: number;
  /** Share of the balancing, as HAProxy's `weight` (1 unless --weights). */
  weight: number;
  state: ServerState;
  running: boolean;
  requests: number;
  /** Sessions in the backend's memory (null with Redis). */
  sessions: number | null;
}

export interface LabState {
  balancer: BalancerKind;
  strategy: Strategy;
  rrMode: RrMode;
  store: LabStore;
  url: string;
  backends: BackendState[];
  /** Shop requests the backends served. */
  requests: number;
  storeRoundTrips: number;
  /** Built-in balancer: how requests were routed. */
  routing?: RoutingCounters;
  /** HAProxy mode: HAProxy's own view of its servers (`show servers state`). */
  haproxy?: HaproxyServerState[];
  /** The last shop requests, oldest first (the lab page draws them as arrows). */
  recent: RecentRequest[];
}

export interface LabEvents {
  /** Something shown in the live view changed (counts or states). */
  change?: () => void;
  /** A line worth logging: an admin action, HAProxy noticing a server going down, … */
  log?: (line: string) => void;
  /** The lab cannot go on (HAProxy died): the command should stop it and exit. */
  fatal?: (message: string) => void;
}

interface Member {
  backend: Backend;
  weight: number;
  state: ServerState;
}

export class Lab implements LabControl {
  readonly token = randomBytes(16).toString('hex');
  url = '';
  haproxyConfigPath: string | null = null;
  private readonly members: Member[] = [];
  private readonly signer = new SessionSigner();
  /** The Host headers the shop and the admin API answer (filled once the balancer's port is known). */
  private readonly hosts = new HostGuard();
  private shared: SessionStore | null = null;
  private redis: RedisStore | null = null;
  private router: LabRouter | null = null;
  private builtin: BuiltinBalancer | null = null;
  private haproxy: HaproxyProcess | null = null;
  private adminServer: Server | null = null;
  private runFolder: RunFolder | null = null;
  private readonly recent: RecentRequest[] = [];
  private served = 0;
  /** What this run cleaned up after killed runs (one line each). */
  cleaned: string[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  private constructor(
    readonly options: LabOptions,
    private readonly events: LabEvents,
    private readonly env: Record<string, string | undefined>,
  ) {}

  static async start(options: LabOptions, env: Record<string, string | undefined>, events: LabEvents = {}): Promise<Lab> {
    const lab = new Lab(options, events, env);
    try {
      await lab.boot();
    } catch (err) {
      await lab.stop();
      throw err;
    }
    return lab;
  }

  get backends(): { name: string; port: number; weight: number }[] {
    return this.members.map((m) => ({ name: m.backend.name, port: m.backend.port, weight: m.weight }));
  }

  get haproxyPid(): number | undefined {
    return this.haproxy?.pid;
  }

  /** Every port the lab listens on (balancer, backends, admin server). */
  ports(): number[] {
    const ports = this.members.filter((m) => m.backend.running).map((m) => m.backend.port);
    const main = Number(new URL(this.url || 'http://x:0').port);
    if (main) ports.push(main);
    const admin = this.adminServer?.address();
    if (admin && typeof admin === 'object') ports.push(admin.port);
    return ports;
  }

  /** Session store, leftovers of killed runs, the backends, then the balancer in front of them. */
  private async boot(): Promise<void> {
    const o = this.options;
    const bin = o.balancer === 'haproxy' ? findHaproxy(this.env) : null;
    if (o.store === 'redis') await this.connectRedis();
    await this.cleanAfterKilledRuns();
    for (let i = 0; i < o.backends; i++) await this.newMember(backendName(i));
    if (bin === null) await this.startBuiltin();
    else await this.startHaproxy(bin);
  }

  private async connectRedis(): Promise<void> {
    const { RedisStore } = await import('./redis-store.js');
    this.redis = await RedisStore.connect(this.options.redisUrl);
    this.redis.onStatus = (line) => this.events.log?.(line);
    this.shared = this.redis;
  }

  private async startBuiltin(): Promise<void> {
    const o = this.options;
    this.router = new LabRouter({ backends: this.members.map((m) => m.backend.name), weights: this.members.map((m) => m.weight), strategy: o.strategy, rrMode: o.rrMode });
    this.builtin = new BuiltinBalancer({
      router: this.router,
      host: o.host,
      port: o.port,
      token: this.token,
      control: this,
      hosts: this.hosts,
      backendPort: (name) => {
        const m = this.find(name);
        return m && m.backend.running ? m.backend.port : null;
      },
    });
    try {
      await this.builtin.start();
    } catch (err) {
      throw listenError(err, o.host, o.port);
    }
    this.hosts.allow(hostsFor(o.host, this.builtin.port));
    this.url = urlFor(o.host, this.builtin.port);
  }

  /** HAProxy: the admin API is served by a small server of ours behind HAProxy's lab_admin backend. */
  private async startHaproxy(bin: string): Promise<void> {
    const o = this.options;
    const adminPort = await this.startAdminServer();
    const port = await reservePort(o.host, o.port);
    const hosts = hostsFor(o.host, port);
    this.hosts.allow(hosts);
    const folder = this.runFolder!;
    const socketPath = join(folder.path, 'haproxy.sock');
    const configPath = join(folder.path, 'haproxy.cfg');
    const config = haproxyConfig({ host: o.host, port, strategy: o.strategy, backends: this.backends, spares: spareNames(this.members.length), adminPort, socketPath, hosts });
    writeFileSync(configPath, config, { mode: 0o600 });
    this.haproxyConfigPath = configPath;
    const hp = this.watchHaproxy(new HaproxyProcess(bin, configPath, socketPath));
    await hp.start(() => canConnect(o.host, port));
    folder.record({ haproxyPid: hp.pid, haproxyConfig: configPath });
    this.url = urlFor(o.host, port);
  }

  private async startAdminServer(): Promise<number> {
    const admin = createServer((req, res) => {
      if (!this.hosts.ok(req.headers.host)) return refuseHost(req, res, this.hosts.list());
      void handleAdmin(req, res, this.token, this);
    });
    await listen(admin, 0, '127.0.0.1');
    this.adminServer = admin;
    return (admin.address() as AddressInfo).port;
  }

  /** HAProxy's log lines about servers go to the live view; its death (unless we stopped it) is fatal. */
  private watchHaproxy(hp: HaproxyProcess): HaproxyProcess {
    this.haproxy = hp;
    hp.onLine = (line) => {
      const m = /Server \S+\/(\S+) is ([A-Za-z]+)/.exec(line);
      if (m) this.events.log?.(`HAProxy: ${m[1]} is ${m[2]}`);
    };
    hp.onUnexpectedExit = (why) => {
      if (!this.stopped) this.events.fatal?.(why);
    };
    return hp;
  }

  /**
   * Cleans what killed runs left (leftovers.ts), then opens this run's folder when there is something
   * to leave behind: HAProxy's config and socket, or Redis keys.
   */
  private async cleanAfterKilledRuns(): Promise<void> {
    const redis = this.redis;
    this.cleaned = await cleanLeftovers({
      redisUrl: redis ? this.options.redisUrl : null,
      deleteKeys: redis ? (prefix) => redis.deleteByPrefix(prefix) : undefined,
      now: Date.now(),
    });
    if (this.options.balancer !== 'haproxy' && !redis) return;
    this.runFolder = new RunFolder(Date.now());
    if (redis) this.runFolder.record({ redis: { urlHash: urlHash(this.options.redisUrl), prefix: redis.prefix, ttlSeconds: SESSION_TTL_SECONDS } });
  }

  private async newMember(name: string): Promise<Member> {
    // The starting backends take --weights in order; one added later gets 1, as in simulate's --add.
    const weight = this.options.weights[this.members.length] ?? 1;
    const backend = new Backend({
      name,
      signer: this.signer,
      shared: this.shared,
      hosts: this.hosts,
      onChange: () => this.events.change?.(),
      onRequest: (r) => {
        this.recent.push({ n: ++this.served, backend: r.backend, by: routeLabel(this.options.strategy, r.backend, r.cookie), session: r.session });
        if (this.recent.length > RECENT_REQUESTS) this.recent.shift();
      },
    });
    await backend.start();
    const m: Member = { backend, weight, state: 'up' };
    this.members.push(m);
    return m;
  }

  private find(name: string): Member | undefined {
    return this.members.find((m) => m.backend.name === name);
  }

  /** Admin operations run one at a time. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async state(): Promise<LabState> {
    const o = this.options;
    const s: LabState = {
      balancer: o.balancer,
      strategy: o.strategy,
      rrMode: o.rrMode,
      store: o.store,
      url: this.url,
      backends: this.snapshot(),
      requests: this.members.reduce((n, m) => n + m.backend.requests, 0),
      storeRoundTrips: this.redis?.roundTrips ?? 0,
      recent: [...this.recent],
    };
    if (this.router) s.routing = { ...this.router.counters };
    if (this.haproxy) {
      try {
        const active = new Set(this.members.map((m) => m.backend.name));
        s.haproxy = (await this.haproxy.servers()).filter((x) => active.has(x.name));
      } catch {
        // HAProxy busy or gone: leave it out
      }
    }
    return s;
  }

  /** A synchronous snapshot for the live view. */
  snapshot(): BackendState[] {
    return this.members.map((m) => ({
      name: m.backend.name,
      port: m.backend.port,
      weight: m.weight,
      state: m.state,
      running: m.backend.running,
      requests: m.backend.requests,
      sessions: m.backend.sessions(),
    }));
  }

  act(name: string, action: BackendAction): Promise<BackendState> {
    return this.serial(async () => {
      const m = this.find(name);
      if (!m) throw new LabActionError(404, `no backend named ${name}`);
      if (action === 'kill') await this.kill(m);
      else if (action === 'revive') await this.revive(m);
      else await this.drain(m);
      this.events.change?.();
      return this.snapshot().find((b) => b.name === name)!;
    });
  }

  addBackend(): Promise<BackendState> {
    return this.serial(async () => {
      if (this.members.length >= LAB_LIMITS.backends) throw new LabActionError(409, `the lab runs at most ${LAB_LIMITS.backends} backends`);
      const m = await this.newMember(backendName(this.members.length));
      const name = m.backend.name;
      if (this.router) this.router.add(name);
      await this.haproxy?.enableServer(name, m.backend.port);
      this.events.log?.(`${name} added on port ${m.backend.port}`);
      this.events.change?.();
      return this.snapshot().find((b) => b.name === name)!;
    });
  }

  private async kill(m: Member): Promise<void> {
    if (m.state === 'down') return;
    const name = m.backend.name;
    // Out of rotation first, then the process goes: no request is sent to a closed port.
    m.state = 'down';
    this.router?.setState(name, 'down');
    // As if HAProxy's health check had just failed (the checks keep it DOWN while the port is closed).
    await this.haproxy?.command(`set server ${HAPROXY_BACKEND}/${name} health down`);
    await m.backend.stop();
    this.events.log?.(`${name} killed${this.options.store === 'memory' ? ': the sessions in its memory are gone' : ''}`);
  }

  private async revive(m: Member): Promise<void> {
    if (m.state === 'up') return;
    const name = m.backend.name;
    if (!m.backend.running) await m.backend.start();
    m.state = 'up';
    await this.haproxy?.enableServer(name, m.backend.port);
    this.router?.setState(name, 'up');
    this.events.log?.(`${name} revived (empty)`);
  }

  private async drain(m: Member): Promise<void> {
    if (m.state === 'draining') return;
    if (m.state === 'down') throw new LabActionError(409, `${m.backend.name} is down: revive it first`);
    m.state = 'draining';
    this.router?.setState(m.backend.name, 'draining');
    await this.haproxy?.command(`set server ${HAPROXY_BACKEND}/${m.backend.name} state drain`);
    this.events.log?.(`${m.backend.name} draining: pinned users stay, new users go elsewhere`);
  }

  /** Stops everything; safe to call more than once. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.queue.catch(() => undefined);
    const tasks: Promise<unknown>[] = [];
    if (this.haproxy) tasks.push(this.haproxy.stop());
    if (this.builtin) tasks.push(this.builtin.stop());
    if (this.adminServer) tasks.push(closeServer(this.adminServer));
    for (const m of this.members) tasks.push(m.backend.stop());
    await Promise.allSettled(tasks);
    if (this.redis) await this.redis.close();
    this.runFolder?.remove();
  }
}

function urlFor(host: string, port: number): string {
  // Listening on every address: the URL to open is still the loopback one.
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const h = shown.includes(':') ? `[${shown.replace(/^\[|\]$/g, '')}]` : shown;
  return `http://${h}:${port}/`;
}

/** The Host headers the balancer answers; on every address also this machine's own addresses. */
function hostsFor(host: string, port: number): string[] {
  const wildcard = host === '0.0.0.0' || host === '::';
  const own = wildcard ? Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address.replace(/%.*$/, ''))) : [];
  return allowedHosts(host, port, own);
}

function listenError(err: unknown, host: string, port: number): Error {
  const code = (err as { code?: string }).code;
  if (code === 'EADDRINUSE') return new UsageError(`Port ${port} on ${host} is in use: pick another with --port, or --port 0 for any free port.`);
  if (code === 'EACCES') return new UsageError(`Not allowed to listen on port ${port}: use a port above 1023, or --port 0.`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new UsageError(`Cannot listen on ${host}: no such local address.`);
  return err instanceof Error ? err : new Error(String(err));
}

/** Checks the balancer's port is free (or picks a free one for 0) before HAProxy tries to bind it. */
async function reservePort(host: string, port: number): Promise<number> {
  const probe = createServer();
  try {
    await listen(probe, port, host);
  } catch (err) {
    throw listenError(err, host, port);
  }
  const got = (probe.address() as AddressInfo).port;
  await closeServer(probe);
  return got;
}
