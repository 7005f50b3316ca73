// One engine, two front ends: for request sequences (with failures, drains, recoveries and an added
// server), the routing a live balancer produces equals what `prepdeck simulate --sequence … --json
// --trace` predicts. With a real HAProxy this checks the model against the real thing; with the
// built-in balancer it checks that the proxy really is driven by the simulator's strategy code.
import { describe, expect, it } from 'vitest';
import { Browser } from '../../src/lab/client.js';
// The prediction only needs simulate's output: in-process through main(argv, ctx).
import { runMain as runCli } from '../support/main.js';
import { startLab } from '../support/lab.js';

interface Case {
  name: string;
  sequence: string;
  /** Simulator event flags, e.g. fail s2@5; the lab applies the same through its admin API. */
  events: string[];
  /** The backends' weights (lab --weights, simulate --servers s1:W,…); all 1 when absent. */
  weights?: number[];
}

const CASES: Case[] = [
  { name: 'the seed example', sequence: 'A,B,C,D,A,B,A,C,A,D', events: [] },
  { name: 'users arriving between pinned requests', sequence: 'A,A,B,A,C,B,D,E,A,F,G,B,H', events: [] },
  { name: 'a pinned backend fails', sequence: 'A,B,C,D,E,F,A,B,C,D,E,F,G,H', events: ['fail s2@7'] },
  { name: 'a failure and a recovery', sequence: 'A,B,C,D,A,B,C,D,E,F,A,B,G,H,I', events: ['fail s1@5', 'recover s1@11'] },
  { name: 'a drain', sequence: 'A,B,C,A,B,C,D,E,F,G,A,B,C', events: ['drain s3@4'] },
  { name: 'a server added after full rounds', sequence: 'A,B,C,D,E,F,A,B,C,G,H,I,J,K', events: ['add s4@10'] },
  { name: 'a server added in the middle of a round', sequence: 'A,B,C,D,E,A,F,G,H,B,I,J,K,L,M,N', events: ['add s4@5'] },
];

// A seeded stream of users for a few longer sequences.
function randomSequence(seed: number, length: number, users: number): string {
  let x = seed >>> 0;
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(String.fromCharCode(65 + (x % users)));
  }
  return out.join(',');
}
for (const seed of [7, 42]) CASES.push({ name: `random traffic (seed ${seed})`, sequence: randomSequence(seed, 24, 7), events: [] });

// Weighted backends, with new users arriving between returning ones: HAProxy's `balance roundrobin`
// spreads weights differently from nginx's smooth round-robin (for 5,1,1 new users land a a a b a a c).
const WEIGHTED: Case[] = [
  { name: 'weights 2,1,1', weights: [2, 1, 1], sequence: 'A,B,A,C,D,B,E,A,F,C,G,H,D,I', events: [] },
  { name: 'weights 5,1,1', weights: [5, 1, 1], sequence: 'A,B,C,A,D,E,B,F,G,C,H,I,A,J,K,L', events: [] },
  { name: 'weights 3,2,1', weights: [3, 2, 1], sequence: 'A,B,C,D,A,E,F,B,G,H,C,I,J,K,D,L', events: [] },
  { name: 'weights 3,2,1 with a failure and a recovery', weights: [3, 2, 1], sequence: 'A,B,C,D,E,F,A,B,C,G,H,D,I,J,E,K,L,M', events: ['fail s1@6', 'recover s1@12'] },
  { name: 'weights 5,1,1 (seeded traffic)', weights: [5, 1, 1], sequence: randomSequence(11, 24, 9), events: [] },
];
CASES.push(...WEIGHTED);

const label = (c: Case): string => `${c.name}: ${c.sequence}${c.events.length ? ` with ${c.events.join(', ')}` : ''}`;

async function predicted(c: Case, rrMode: string): Promise<(string | null)[]> {
  const flags = c.events.flatMap((e) => {
    const [kind, arg] = e.split(' ') as [string, string];
    return [`--${kind}`, arg];
  });
  const servers = c.weights ? c.weights.map((w, i) => `s${i + 1}:${w}`).join(',') : '3';
  const r = await runCli(['simulate', '--servers', servers, '--strategy', 'sticky-cookie', '--rr-mode', rrMode, '--sequence', c.sequence, ...flags, '--json', '--trace']);
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout) as { runs: { result: { rows?: { server: string | null }[] } }[] };
  const rows = json.runs[0]?.result.rows;
  expect(rows, 'simulate --json --trace prints every request row').toBeDefined();
  return rows!.map((row) => row.server);
}

async function live(c: Case, args: string[]): Promise<(string | null)[]> {
  const weights = c.weights ? ['--weights', c.weights.join(',')] : [];
  const lab = await startLab(['--backends', '3', '--strategy', 'sticky-cookie', ...weights, ...args]);
  try {
    const adminCall = async (path: string): Promise<void> => {
      const r = await new Browser(lab.url).post(path, undefined, { 'x-lab-token': lab.token });
      expect(r.status, `${path}: ${r.body}`).toBeLessThan(300);
    };
    const events = c.events.map((e) => {
      const m = /^(\w+) (s\d+)@(\d+)$/.exec(e)!;
      return { kind: m[1]!, server: m[2]!, at: Number(m[3]) };
    });
    // The lab says which weights it runs with: the admin API's state (the page's backend boxes).
    const state = (await new Browser(lab.url).get('/_lab/state', { 'x-lab-token': lab.token })).json<{ backends: { weight: number }[] }>();
    expect(state.backends.map((b) => b.weight)).toEqual(c.weights ?? [1, 1, 1]);
    const browsers = new Map<string, Browser>();
    const out: (string | null)[] = [];
    const users = c.sequence.split(',');
    for (let n = 1; n <= users.length; n++) {
      for (const e of events.filter((x) => x.at === n)) {
        if (e.kind === 'add') await adminCall('/_lab/backends');
        else await adminCall(`/_lab/backends/${e.server}/${{ fail: 'kill', recover: 'revive', drain: 'drain' }[e.kind]}`);
      }
      const user = users[n - 1]!;
      let b = browsers.get(user);
      if (!b) browsers.set(user, (b = new Browser(lab.url)));
      const r = await b.get('/api/whoami');
      out.push(r.status === 200 ? r.json<{ backend: string }>().backend : null);
    }
    return out;
  } finally {
    const r = await lab.stop();
    expect(r.code).toBe(130);
  }
}

describe('a real HAProxy routes as prepdeck simulate predicts', () => {
  for (const c of CASES) {
    it(label(c), async () => {
      const [want, got] = await Promise.all([predicted(c, 'haproxy'), live(c, ['--balancer', 'haproxy'])]);
      expect(got).toEqual(want);
    });
  }
});

it('the weighted cases test the weights: unweighted, the simulator routes each of them differently', async () => {
  for (const c of WEIGHTED) expect(await predicted({ ...c, weights: undefined }, 'haproxy'), c.name).not.toEqual(await predicted(c, 'haproxy'));
});

describe('the built-in balancer routes as prepdeck simulate predicts (both rr-modes)', () => {
  for (const rrMode of ['haproxy', 'nginx']) {
    for (const c of [CASES[0]!, CASES[3]!, ...WEIGHTED]) {
      it(`--rr-mode ${rrMode}, ${label(c)}`, async () => {
        const [want, got] = await Promise.all([predicted(c, rrMode), live(c, ['--rr-mode', rrMode])]);
        expect(got).toEqual(want);
      });
    }
  }
});
