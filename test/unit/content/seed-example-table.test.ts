// The session-persistence answer's A/B/C/D table and `prepdeck simulate --scenario seed-example`
// must show the same thing: every row of the table is the scenario's row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/index.js';
import { plan } from '../sim/helpers.js';
import { ROOT } from '../../support/cli.js';

interface TableRow {
  n: number;
  user: string;
  plain: string;
  sticky: string;
  alone: string;
}

function answerTable(): TableRow[] {
  const text = readFileSync(join(ROOT, 'content/load-balancing/session-persistence.md'), 'utf8');
  const section = text.slice(text.indexOf('## How stickiness overrides the balancing algorithm'), text.indexOf('## How real load balancers'));
  const rows: TableRow[] = [];
  for (const line of section.split('\n')) {
    const m = /^\| (\d+) \| ([A-Z]) \| (s\d) \| (s\d)(?: \(cookie\))? \| (s\d) \|$/.exec(line);
    if (m) rows.push({ n: Number(m[1]), user: m[2]!, plain: m[3]!, sticky: m[4]!, alone: m[5]! });
  }
  return rows;
}

describe('the answer table and the seed-example scenario', () => {
  const table = answerTable();
  const p = plan({}, { scenario: 'seed-example' });
  const sticky = simulate(p.config, { trace: true }).rows!;
  const plain = simulate({ ...p.config, strategy: 'round-robin' }, { trace: true }).rows!;

  it('the table has a row for every request of the scenario', () => {
    expect(table.map((r) => r.n)).toEqual(sticky.map((r) => r.n));
  });

  it('users, servers, round-robin alone and plain round-robin match request for request', () => {
    expect(table.map((r) => [r.user, r.sticky, r.alone, r.plain])).toEqual(
      sticky.map((r, i) => [r.user, r.server, r.algorithmPick, plain[i]!.server]),
    );
  });
});
