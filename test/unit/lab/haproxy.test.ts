import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { balanceLines, findHaproxy, haproxyConfig, parseServersState } from '../../../src/lab/haproxy.js';

const input = {
  host: '127.0.0.1',
  port: 8080,
  strategy: 'sticky-cookie' as const,
  backends: [
    { name: 's1', port: 40001 },
    { name: 's2', port: 40002 },
  ],
  spares: ['s3', 's4'],
  adminPort: 40000,
  socketPath: '/tmp/x/haproxy.sock',
};

describe('haproxyConfig', () => {
  it('round-robin with an inserted SRV cookie, one server line per backend with checks, spare slots disabled', () => {
    const cfg = haproxyConfig(input);
    const lines = cfg.split('\n').map((l) => l.trim());
    expect(lines).toContain('balance roundrobin');
    expect(lines).toContain('cookie SRV insert indirect nocache');
    expect(lines).toContain('server s1 127.0.0.1:40001 check cookie s1');
    expect(lines).toContain('server s2 127.0.0.1:40002 check cookie s2');
    expect(lines).toContain('server s3 127.0.0.1:1 check cookie s3 disabled');
    expect(lines).toContain('stats socket /tmp/x/haproxy.sock mode 600 level admin');
    expect(lines).toContain('bind 127.0.0.1:8080');
    expect(lines).toContain('use_backend lab_admin if { path_beg /_lab/ }');
    expect(lines).toContain('server admin 127.0.0.1:40000');
    expect(lines).toContain('http-request deny deny_status 413 if { req.hdr_val(content-length) gt 16384 }');
    // The page labels each request "cookie" or "round-robin" from the SRV cookie the client sent.
    expect(lines).toContain('http-request set-header X-Lab-Cookie %[req.cook(SRV)]');
  });

  it('maps each simulator strategy to a balance algorithm; only sticky-cookie inserts a cookie', () => {
    expect(balanceLines('round-robin')).toEqual(['balance roundrobin']);
    expect(balanceLines('least-connections')).toEqual(['balance leastconn']);
    expect(balanceLines('ip-hash')).toEqual(['balance source']);
    expect(balanceLines('consistent-hash')).toEqual(['balance source', 'hash-type consistent']);
    expect(haproxyConfig({ ...input, strategy: 'round-robin' })).not.toMatch(/cookie/);
  });

  it('refuses any Host but the one the lab was started on with 421 (DNS rebinding), before anything else', () => {
    const lines = haproxyConfig(input).split('\n').map((l) => l.trim());
    const rule = lines.findIndex((l) => l.startsWith('http-request deny deny_status 421'));
    expect(lines[rule]).toBe('http-request deny deny_status 421 unless { req.hdr(host) -i 127.0.0.1:8080 localhost:8080 }');
    expect(rule).toBeLessThan(lines.findIndex((l) => l.startsWith('use_backend lab_admin')));
    expect(haproxyConfig({ ...input, hosts: ['127.0.0.1:8080', '10.0.0.5:8080'] })).toMatch(/req\.hdr\(host\) -i 127\.0\.0\.1:8080 10\.0\.0\.5:8080 \}/);
  });

  it('writes every running server\'s weight once one differs from 1; spare slots keep the default', () => {
    const weighted = { ...input, backends: [{ name: 's1', port: 40001, weight: 5 }, { name: 's2', port: 40002, weight: 1 }] };
    const lines = haproxyConfig(weighted).split('\n').map((l) => l.trim());
    expect(lines).toContain('server s1 127.0.0.1:40001 weight 5 check cookie s1');
    expect(lines).toContain('server s2 127.0.0.1:40002 weight 1 check cookie s2');
    expect(lines).toContain('server s3 127.0.0.1:1 check cookie s3 disabled');
    const ones = { ...input, backends: input.backends.map((b) => ({ ...b, weight: 1 })) };
    expect(haproxyConfig(ones)).not.toMatch(/weight/);
  });

  it('binds IPv6 hosts in brackets', () => {
    expect(haproxyConfig({ ...input, host: '::1' })).toMatch(/bind \[::1\]:8080/);
  });
});

describe('parseServersState', () => {
  it('reads operational and admin states', () => {
    const text = `1
# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl srv_check_port srv_check_addr srv_agent_addr srv_agent_port
3 shop 1 s1 127.0.0.1 2 0 1 1 3 6 3 4 6 0 0 0 - 40001 - 0 0 - - 0
3 shop 2 s2 127.0.0.1 0 0 1 1 3 6 3 4 6 0 0 0 - 40002 - 0 0 - - 0
3 shop 3 s3 127.0.0.1 2 8 1 1 3 6 3 4 6 0 0 0 - 40003 - 0 0 - - 0
3 shop 4 s4 127.0.0.1 0 5 1 1 3 6 3 4 6 0 0 0 - 1 - 0 0 - - 0
`;
    expect(parseServersState(text)).toEqual([
      { name: 's1', port: 40001, operational: 'up', admin: 'ready' },
      { name: 's2', port: 40002, operational: 'down', admin: 'ready' },
      { name: 's3', port: 40003, operational: 'up', admin: 'drain' },
      { name: 's4', port: 1, operational: 'down', admin: 'maint' },
    ]);
  });
});

describe('findHaproxy', () => {
  it('names the Debian package when HAProxy is missing', () => {
    expect(() => findHaproxy({ PREPDECK_HAPROXY: '/nonexistent/haproxy' })).toThrow(UsageError);
    expect(() => findHaproxy({ PREPDECK_HAPROXY: '/nonexistent/haproxy' })).toThrow(/Debian package haproxy/);
  });
});
