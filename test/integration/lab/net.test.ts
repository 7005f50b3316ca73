import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { allowedHosts, canConnect, closeServer, HostGuard, listen } from '../../../src/lab/net.js';

describe('allowedHosts', () => {
  it('loopback: 127.0.0.1 and localhost on the port', () => {
    expect(allowedHosts('127.0.0.1', 8080).sort()).toEqual(['127.0.0.1:8080', 'localhost:8080']);
    expect(allowedHosts('localhost', 8080).sort()).toEqual(['127.0.0.1:8080', 'localhost:8080']);
  });

  it('the --host value itself, IPv6 in brackets', () => {
    expect(allowedHosts('::1', 9000)).toContain('[::1]:9000');
    expect(allowedHosts('127.0.0.2', 9000)).toContain('127.0.0.2:9000');
    expect(allowedHosts('192.168.1.10', 9000).sort()).toEqual(['127.0.0.1:9000', '192.168.1.10:9000', 'localhost:9000']);
  });

  it("every address: also the machine's own addresses", () => {
    const hosts = allowedHosts('0.0.0.0', 9000, ['10.0.0.5', 'fe80::1']);
    expect(hosts).toEqual(expect.arrayContaining(['127.0.0.1:9000', 'localhost:9000', '[::1]:9000', '0.0.0.0:9000', '10.0.0.5:9000', '[fe80::1]:9000']));
    expect(allowedHosts('127.0.0.1', 9000, ['10.0.0.5'])).not.toContain('10.0.0.5:9000');
  });

  it('port 80 also without the port, as browsers send it', () => {
    expect(allowedHosts('127.0.0.1', 80)).toEqual(expect.arrayContaining(['127.0.0.1', 'localhost', '127.0.0.1:80']));
  });
});

describe('HostGuard', () => {
  const guard = new HostGuard();
  guard.allow(allowedHosts('127.0.0.1', 8080));

  it('accepts only the allowed Host values (case-insensitive)', () => {
    for (const ok of ['127.0.0.1:8080', 'localhost:8080', 'LOCALHOST:8080', ' localhost:8080 ']) expect(guard.ok(ok), ok).toBe(true);
    for (const bad of [undefined, '', 'evil.example', 'evil.example:8080', '127.0.0.1', '127.0.0.1:8081', 'localhost:8080.evil.example', '127.0.0.1:8080@evil']) {
      expect(guard.ok(bad), String(bad)).toBe(false);
    }
  });

  it('starts empty: nothing is allowed before a server listens', () => {
    expect(new HostGuard().ok('127.0.0.1:8080')).toBe(false);
  });
});

describe('listen and closeServer', () => {
  it('listens on a free loopback port; closing frees it, open connections included', async () => {
    const server = createServer((_req, res) => res.end('ok'));
    await listen(server, 0, '127.0.0.1');
    const port = (server.address() as { port: number }).port;
    expect(await canConnect('127.0.0.1', port)).toBe(true);
    await closeServer(server);
    expect(await canConnect('127.0.0.1', port)).toBe(false);
  });

  it('rejects with the listen error (port in use)', async () => {
    const a = createServer();
    await listen(a, 0, '127.0.0.1');
    const port = (a.address() as { port: number }).port;
    try {
      await expect(listen(createServer(), port, '127.0.0.1')).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await closeServer(a);
    }
  });
});
