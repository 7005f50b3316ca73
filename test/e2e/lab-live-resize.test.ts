// The lab's live counts in a real terminal that reflows its lines when resized (tmux, like most
// terminals today): after the terminal narrows, the rows drawn at the old width take two lines each,
// and the in-place redraw must go up by those lines (QA: at ~60 columns the old rows stayed on
// screen under the new ones). Our own test/support/screen.ts emulator does not reflow, so tmux it is.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnv, tempDir } from '../support/cli.js';
import { waitFor } from '../support/lab.js';

const SOCKET = `prepdeck-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const home = tempDir('prepdeck-lab-resize-');
const env = cleanEnv(home.path);

const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SOCKET, ...args], { env, encoding: 'utf8' });
/** The whole pane, scrollback included, as the terminal shows it now. */
const screen = (): string => tmux('capture-pane', '-p', '-S', '-200');
const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The live block's rows on screen: one per backend (`  s1   up …`) and the total. */
function liveRows(text: string): string[] {
  return text.split('\n').filter((l) => /^\s+s\d+\s+(up|down|draining)\b/.test(l) || /requests? in all/.test(l));
}

async function get(url: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await (await fetch(url)).arrayBuffer();
}

describe('prepdeck lab in a terminal that is resized', () => {
  let url = '';
  let socketPath = '';
  beforeAll(async () => {
    tmux('new-session', '-d', '-x', '60', '-y', '40', `${quote(process.execPath)} ${quote(BIN)} lab --port 0`);
    socketPath = tmux('display-message', '-p', '#{socket_path}').trim();
    tmux('set-option', '-t', '0', 'remain-on-exit', 'on');
    await waitFor('the live view', () => /requests? in all/.test(screen()), 20_000);
    url = /Shop:\s+(\S+)/.exec(tmux('capture-pane', '-p', '-J', '-S', '-200'))![1]!;
  }, 30_000);
  afterAll(() => {
    try {
      tmux('send-keys', '-t', '0', 'C-c');
      execFileSync('sleep', ['1']);
      tmux('kill-server');
    } catch {
      // The server may be gone already.
    }
    // tmux leaves its socket file behind.
    if (socketPath) rmSync(socketPath, { force: true });
    home.remove();
  });

  it('at 60 columns the admin URL is whole on a line of its own (the terminal may soft-wrap it; copy and click get it whole)', () => {
    const joined = tmux('capture-pane', '-p', '-J', '-S', '-200');
    const token = /Admin token:\s+([0-9a-f]{32})/.exec(joined)?.[1];
    expect(token, joined).toBeDefined();
    expect(joined.split('\n').map((l) => l.trimEnd()), joined).toContain(`${url}#token=${token}`);
  });

  it('narrowed from 60 to 44 columns: one block of counts, at the new width, and no stale rows', async () => {
    await get(url, 12);
    await waitFor('12 requests', () => screen().includes('12 requests in all'));
    expect(liveRows(screen())).toHaveLength(4);
    // The rows drawn at 60 columns are wider than 44: the terminal wraps each onto two lines.
    expect(Math.max(...liveRows(screen()).map((l) => l.trimEnd().length))).toBeGreaterThan(44);

    tmux('resize-window', '-t', '0', '-x', '44', '-y', '40');
    await get(url, 3);
    await waitFor('15 requests', () => screen().includes('15 requests in all'));
    const text = screen();
    const rows = liveRows(text);
    expect(rows, text).toHaveLength(4);
    expect(rows.at(-1)).toMatch(/15 requests in all/);
    for (const row of rows) expect(row.trimEnd().length, row).toBeLessThanOrEqual(44);
    // Laid out narrower by a rule, never cut mid-word ("0 sessio…").
    for (const row of rows) expect(row, row).not.toContain('…');
    expect(rows[0]).toMatch(/\d+ (req|requests?) +\d+ (sess|sessions?)\b/);
    // Nothing of the old block is left below the banner (a wrapped half-row would be a line of bars or a port).
    const afterBanner = text.slice(text.lastIndexOf('127.0.0.1:'));
    expect(afterBanner.split('\n').filter((l) => /^\s*█+\s*$/.test(l))).toEqual([]);
  });
});
