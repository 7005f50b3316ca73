// Listening and stopping, the same for every server the lab runs (backends, the built-in balancer,
// the admin server), and which Host headers they answer: only the address they were started on, so a
// web page whose own name was re-pointed at 127.0.0.1 (DNS rebinding) cannot talk to the lab.
import type { Server } from 'node:http';
import { connect } from 'node:net';

/** Listens on host:port (0: any free port) and resolves once listening; rejects with the listen error. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops listening and closes every connection, idle or not; resolves when the server is closed. */
export function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}

/** Whether something accepts TCP connections on host:port (within half a second). */
export function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port });
    const done = (ok: boolean): void => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(500, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

function hostPart(host: string): string {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h.includes(':') ? `[${h}]` : h;
}

/**
 * The Host header values a server started on host:port answers: 127.0.0.1:PORT, localhost:PORT and
 * the --host value itself; listening on every address (0.0.0.0, ::), also the machine's own addresses
 * (`addresses`, from os.networkInterfaces()). Port 80 also without the port, as browsers send it.
 */
export function allowedHosts(host: string, port: number, addresses: readonly string[] = []): string[] {
  const names = new Set(['127.0.0.1', 'localhost']);
  if (host === '::1' || host === '[::1]' || WILDCARD.has(host)) names.add('::1');
  names.add(host);
  if (WILDCARD.has(host)) for (const a of addresses) names.add(a);
  const out = new Set<string>();
  for (const name of names) {
    const h = hostPart(name);
    out.add(`${h}:${port}`);
    if (port === 80) out.add(h);
  }
  return [...out];
}

/** Host header values allowed so far; more are added as servers start (ports picked at listen time). */
export class HostGuard {
  private readonly allowed = new Set<string>();

  allow(hosts: Iterable<string>): void {
    for (const h of hosts) this.allowed.add(h.toLowerCase());
  }

  /** Whether a request's Host header is one of them (no Host at all: no). */
  ok(header: string | undefined): boolean {
    return header !== undefined && this.allowed.has(header.trim().toLowerCase());
  }

  /** For messages: the allowed values. */
  list(): string[] {
    return [...this.allowed];
  }
}
