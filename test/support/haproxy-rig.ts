// A bare real HAProxy for comparing `balance roundrobin` with the simulator: tiny node:http backends
// on free loopback ports that answer their own name, and an HAProxy (src/lab/haproxy.ts's process
// wrapper, one thread, runtime API at level admin) configured with weights, optional
// `cookie SRV insert indirect nocache`, and spare `disabled` slots to put in service at run time.
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { HaproxyProcess, findHaproxy } from '../../src/lab/haproxy.js';
import { tempDir } from './cli.js';
import { freePort } from './lab.js';

export interface RigServer {
  name: string;
  weight: number;
}

export interface Rig {
  url: string;
  /** Runs a runtime API command (`set server web/b state maint`, …) and returns HAProxy's answer. */
  command(cmd: string): Promise<string>;
  /** Starts a backend named `name` and returns its port (for `add server` or a spare slot). */
  backend(name: string): Promise<number>;
  stop(): Promise<void>;
}

function startBackend(name: string, port: number): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', connection: 'close' });
    res.end(name);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** HAProxy's configuration: one `listen web` section, no health checks (states change only when told). */
export function rigConfig(o: { port: number; socket: string; sticky: boolean; servers: readonly (RigServer & { port: number; spare?: boolean })[] }): string {
  return [
    'global',
    `    stats socket ${o.socket} mode 600 level admin`,
    '    nbthread 1',
    'defaults',
    '    mode http',
    '    timeout connect 2s',
    '    timeout client 10s',
    '    timeout server 10s',
    'listen web',
    `    bind 127.0.0.1:${o.port}`,
    '    balance roundrobin',
    ...(o.sticky ? ['    cookie SRV insert indirect nocache'] : []),
    ...o.servers.map(
      (s) => `    server ${s.name} 127.0.0.1:${s.port} weight ${s.weight}${o.sticky ? ` cookie ${s.name}` : ''}${s.spare ? ' disabled' : ''}`,
    ),
    '',
  ].join('\n');
}

export async function startRig(o: { servers: readonly RigServer[]; spares?: readonly RigServer[]; sticky: boolean }): Promise<Rig> {
  const dir = tempDir('prepdeck-haproxy-');
  const backends: Server[] = [];
  let proc: HaproxyProcess | null = null;
  const backend = async (name: string): Promise<number> => {
    const port = await freePort();
    backends.push(await startBackend(name, port));
    return port;
  };
  const stop = async (): Promise<void> => {
    await proc?.stop();
    await Promise.all(backends.map((b) => new Promise((r) => b.close(r))));
    dir.remove();
  };
  try {
    const all = [...o.servers.map((s) => ({ ...s, spare: false })), ...(o.spares ?? []).map((s) => ({ ...s, spare: true }))];
    const servers = [];
    for (const s of all) servers.push({ ...s, port: await backend(s.name) });
    const port = await freePort();
    const socket = join(dir.path, 'admin.sock');
    const configPath = join(dir.path, 'haproxy.cfg');
    writeFileSync(configPath, rigConfig({ port, socket, sticky: o.sticky, servers }));
    proc = new HaproxyProcess(findHaproxy(process.env), configPath, socket);
    await proc.start(async () => true);
    const running = proc;
    return { url: `http://127.0.0.1:${port}`, command: (cmd) => running.command(cmd), backend, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
