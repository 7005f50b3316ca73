// HAProxy's weighted `balance roundrobin` against the simulator's model of it (`--rr-mode haproxy`):
// a real HAProxy with weighted servers and `cookie SRV insert indirect nocache`, users arriving and
// returning in mixed order, a server put in maintenance and back, servers added at run time. Every
// request's server must be the one `prepdeck simulate --sequence … --json --trace` predicts.
import { describe, expect, it } from 'vitest';
import { Browser } from '../../src/lab/client.js';
import { runCli } from '../support/cli.js';
import { startRig, type Rig, type RigServer } from '../support/haproxy-rig.js';

interface Event {
  /** fail: `state maint`; recover: `state ready`; add: the spare slot (sticky) or `add server` (plain). */
  kind: 'fail' | 'recover' | 'add';
  server: string;
  at: number;
  weight?: number;
}

interface Case {
  name: string;
  weights: number[];
  sequence: string;
  events?: Event[];
  sticky?: boolean;
}

const NAMES = 'abcdefgh';
const servers = (weights: number[]): RigServer[] => weights.map((weight, i) => ({ name: NAMES[i]!, weight }));

function seeded(seed: number, length: number, users: number): string {
  let x = seed >>> 0;
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(String.fromCharCode(65 + ((x >>> 8) % users)));
  }
  return out.join(',');
}

const NEW_USERS = 'A,B,C,D,E,F,G,H,I,J,K,L,M,N';
const MIXED = 'A,B,A,C,D,B,E,A,F,G,C,H,I,D,J,K,A,L';
const CASES: Case[] = [
  { name: 'new users, weights 2,1,1', weights: [2, 1, 1], sequence: NEW_USERS },
  { name: 'new users, weights 5,1,1', weights: [5, 1, 1], sequence: NEW_USERS },
  { name: 'new users, weights 3,2,1', weights: [3, 2, 1], sequence: NEW_USERS },
  ...[[2, 1, 1], [5, 1, 1], [3, 2, 1]].map((weights) => ({ name: `new and returning users, weights ${weights.join(',')}`, weights, sequence: MIXED })),
  {
    name: 'a server in maintenance and back, weights 2,1,1',
    weights: [2, 1, 1],
    sequence: MIXED,
    events: [{ kind: 'fail', server: 'a', at: 4 }, { kind: 'recover', server: 'a', at: 11 }],
  },
  {
    name: 'a server in maintenance and back, weights 3,2,1',
    weights: [3, 2, 1],
    sequence: seeded(3, 30, 12),
    events: [{ kind: 'fail', server: 'b', at: 6 }, { kind: 'recover', server: 'b', at: 17 }],
  },
  {
    name: 'a server added mid-round, weights 5,1,1',
    weights: [5, 1, 1],
    sequence: seeded(11, 30, 14),
    events: [{ kind: 'add', server: 'd', at: 5, weight: 2 }],
  },
  {
    name: 'a server added, one in maintenance and back, weights 3,2,1',
    weights: [3, 2, 1],
    sequence: seeded(5, 36, 16),
    events: [{ kind: 'fail', server: 'c', at: 3 }, { kind: 'add', server: 'd', at: 8, weight: 3 }, { kind: 'recover', server: 'c', at: 20 }],
  },
  // HAProxy 2.6's `add server` refuses the `cookie` keyword, so a really dynamic server is compared
  // without cookies (plain `balance roundrobin`; the simulator's --strategy round-robin).
  {
    name: 'a dynamic server (`add server`) without cookies, weights 2,1,1',
    weights: [2, 1, 1],
    sequence: seeded(9, 24, 24),
    sticky: false,
    events: [{ kind: 'add', server: 'd', at: 6, weight: 3 }, { kind: 'fail', server: 'b', at: 12 }, { kind: 'recover', server: 'b', at: 18 }],
  },
  // The top of HAProxy's weight range (1-256; `--servers` and the lab's --weights take the same).
  {
    name: 'weights at the top of the range without cookies, 256,255,128, a server of weight 256 added',
    weights: [256, 255, 128],
    sequence: seeded(13, 60, 26),
    sticky: false,
    events: [{ kind: 'add', server: 'd', at: 20, weight: 256 }, { kind: 'fail', server: 'a', at: 30 }, { kind: 'recover', server: 'a', at: 45 }],
  },
  {
    name: 'weights 256,17,3 with cookies, the heavy server in maintenance and back',
    weights: [256, 17, 3],
    sequence: seeded(17, 40, 24),
    events: [{ kind: 'fail', server: 'a', at: 10 }, { kind: 'recover', server: 'a', at: 25 }],
  },
];

async function predicted(c: Case): Promise<(string | null)[]> {
  const flags = (c.events ?? []).flatMap((e) => [`--${e.kind}`, `${e.server}${e.weight ? `:${e.weight}` : ''}@${e.at}`]);
  const spec = servers(c.weights).map((s) => `${s.name}:${s.weight}`).join(',');
  const strategy = c.sticky === false ? 'round-robin' : 'sticky-cookie';
  const r = await runCli(['simulate', '--servers', spec, '--strategy', strategy, '--rr-mode', 'haproxy', '--sequence', c.sequence, ...flags, '--json', '--trace']);
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout) as { runs: { result: { rows?: { server: string | null }[] } }[] };
  return json.runs[0]!.result.rows!.map((row) => row.server);
}

async function apply(rig: Rig, e: Event, sticky: boolean): Promise<void> {
  const at = `web/${e.server}`;
  if (e.kind === 'fail') await rig.command(`set server ${at} state maint`);
  else if (e.kind === 'recover') await rig.command(`set server ${at} state ready`);
  else if (sticky) await rig.command(`set server ${at} state ready`);
  else {
    const port = await rig.backend(e.server);
    await rig.command(`add server ${at} 127.0.0.1:${port} weight ${e.weight ?? 1}`);
    await rig.command(`enable server ${at}`);
  }
}

async function live(c: Case): Promise<(string | null)[]> {
  const sticky = c.sticky !== false;
  const spares = sticky ? (c.events ?? []).filter((e) => e.kind === 'add').map((e) => ({ name: e.server, weight: e.weight ?? 1 })) : [];
  const rig = await startRig({ servers: servers(c.weights), spares, sticky });
  try {
    const browsers = new Map<string, Browser>();
    const out: (string | null)[] = [];
    const users = c.sequence.split(',');
    for (let n = 1; n <= users.length; n++) {
      for (const e of (c.events ?? []).filter((x) => x.at === n)) await apply(rig, e, sticky);
      let b = browsers.get(users[n - 1]!);
      if (!b) browsers.set(users[n - 1]!, (b = new Browser(rig.url)));
      const r = await b.get('/');
      out.push(r.status === 200 ? r.body : null);
    }
    return out;
  } finally {
    await rig.stop();
  }
}

describe("a real HAProxy's weighted roundrobin routes as prepdeck simulate --rr-mode haproxy predicts", () => {
  it('new users land a b a c with weights 2,1,1 and a a a b a a c with 5,1,1 (HAProxy, not nginx)', async () => {
    const [two, five] = await Promise.all([live(CASES[0]!), live(CASES[1]!)]);
    expect(two.slice(0, 4)).toEqual(['a', 'b', 'a', 'c']);
    expect(five.slice(0, 7)).toEqual(['a', 'a', 'a', 'b', 'a', 'a', 'c']);
  });

  for (const c of CASES) {
    const events = (c.events ?? []).map((e) => `${e.kind} ${e.server}${e.weight ? `:${e.weight}` : ''}@${e.at}`).join(', ');
    it(`${c.name}: ${c.sequence}${events ? ` with ${events}` : ''}`, async () => {
      const [want, got] = await Promise.all([predicted(c), live(c)]);
      expect(got).toEqual(want);
      // The events matter: an added server takes requests, none is lost.
      for (const e of c.events ?? []) if (e.kind === 'add') expect(got).toContain(e.server);
      expect(got).not.toContain(null);
    });
  }
});
