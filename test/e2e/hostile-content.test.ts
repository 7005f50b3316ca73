// Hostile or broken content folders through the built CLI: every bad file is invalid content
// (exit 4 from validate, naming the file and line), never a crash or a hang, and never stops the
// other questions from loading. Fixtures: test/fixtures/hostile/; huge, nested and special files
// are made here in a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
// In-process through main(argv, ctx): what is printed and the exit code are what these check.
import { runMain as runCli } from '../support/main.js';

const home = tempDir();
const work = tempDir('prepdeck-hostile-');
afterAll(() => {
  home.remove();
  work.remove();
});
const run = (args: string[], env?: Record<string, string>) => runCli(args, { home: home.path, env });
const HOSTILE = 'test/fixtures/hostile';
const FINE = readFileSync(join(HOSTILE, 'alias-bomb/fine.md'), 'utf8');

/** A folder holding the fine question and one more file whose detailed answer is `detailed`. */
function folderWith(name: string, detailed: string, fileName = `${name}.md`): string {
  const dir = join(work.path, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'fine.md'), FINE);
  const text = FINE.replace('id: hostile-fine', `id: hostile-${name}`).replace(/# Detailed answer\n\n[^]*$/, `# Detailed answer\n\n${detailed}\n`);
  writeFileSync(join(dir, fileName), text);
  return dir;
}

/** The 1-based line of the detailed answer's first line in a file made by folderWith. */
const DETAILED_LINE = FINE.split('\n').indexOf('# Detailed answer') + 3;

function expectNoCrash(r: { stderr: string }): void {
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('a YAML alias bomb', () => {
  it('is invalid content: validate exits 4 naming the file', async () => {
    const r = await run(['validate', join(HOSTILE, 'alias-bomb')]);
    expectNoCrash(r);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`${HOSTILE}/alias-bomb/bomb.md:1: front matter: too many YAML aliases`);
    expect(r.stderr).not.toContain('fine.md');
  });

  it.each([
    ['list', ['list', '--json']],
    ['read', ['read', 'hostile-fine']],
    ['progress', ['progress']],
  ])('does not stop %s from using the other files, and is named on stderr', async (_, args) => {
    const r = await run(['--content', join(HOSTILE, 'alias-bomb'), ...args]);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('bomb.md');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    if (args[0] !== 'progress') expect(r.stdout).toMatch(/hostile-fine|A fine question/);
  });
});

describe('deep nesting and huge sections', () => {
  it.each([
    ['quotes', '>'.repeat(5000) + ' deep'],
    ['quotes-spaced', '> '.repeat(40) + 'deep'],
    ['list-one-line', '- '.repeat(3000) + 'deep'],
    ['list-indented', Array.from({ length: 40 }, (_, i) => '  '.repeat(i) + '- level').join('\n')],
    ['list-ordered', Array.from({ length: 40 }, (_, i) => '   '.repeat(i) + '1. level').join('\n')],
    ['mixed', '> - > 1. '.repeat(10) + 'deep'],
  ])('%s: validate reports the line; read of the fine question still works', async (name, detailed) => {
    const dir = folderWith(name, detailed);
    const v = await run(['validate', dir]);
    expectNoCrash(v);
    expect(v.code).toBe(4);
    const m = new RegExp(`${name}\\.md:(\\d+): nesting too deep: more than 16 levels of block quotes and lists\n$`).exec(v.stderr);
    expect(m, v.stderr).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(DETAILED_LINE);
    const r = await run(['--content', dir, 'read', 'hostile-fine', '--depth', 'all']);
    expectNoCrash(r);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${name}.md`);
  });

  it('Markdown that makes the parser itself throw (found by the fuzz test) is invalid content', async () => {
    const dir = folderWith('marked-throws', '* x\n\t>2) x\nx');
    const v = await run(['validate', dir]);
    expectNoCrash(v);
    expect(v.code).toBe(4);
    expect(v.stderr).toMatch(new RegExp(`marked-throws\\.md:${DETAILED_LINE - 2}: the Markdown here cannot be parsed \\(.+\\); simplify its nesting\n$`));
    const r = await run(['--content', dir, 'read', 'hostile-marked-throws', '--depth', 'detailed']);
    expectNoCrash(r);
    expect(r.code).toBe(3);
  });

  it('a read of the deep question itself is "not found", never a stack overflow', async () => {
    const dir = folderWith('deep-read', '>'.repeat(5000) + ' deep');
    const r = await run(['--content', dir, 'read', 'hostile-deep-read', '--depth', 'detailed']);
    expectNoCrash(r);
    expect(r.code).toBe(3);
  });

  it('nesting up to the limit, and deep nesting inside a fenced code block, are fine', async () => {
    const atLimit = Array.from({ length: 8 }, (_, i) => '  '.repeat(i) + '- level').join('\n');
    const dir = folderWith('at-limit', `${'> '.repeat(8)}quoted\n\n${atLimit}\n\n\`\`\`\n${'>'.repeat(500)}\n\`\`\``);
    const v = await run(['validate', dir]);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
  });

  it('an answer over 64 KiB is too long, with the section heading line', async () => {
    const dir = folderWith('huge-answer', 'word '.repeat(14_000));
    const v = await run(['validate', dir]);
    expect(v.code).toBe(4);
    expect(v.stderr).toContain(`huge-answer.md:${DETAILED_LINE - 2}: section '# Detailed answer' is too long (70,003 characters; at most 65,536)`);
  });

  it('a file over 1 MiB is refused unread', async () => {
    const dir = folderWith('huge-file', 'word '.repeat(300_000));
    const v = await run(['validate', dir]);
    expect(v.code).toBe(4);
    expect(v.stderr).toContain('huge-file.md:1: is larger than 1 MiB, the most a content file may hold');
  });
});

describe('special files', () => {
  it('validate of a FIFO refuses at once (exit 4) instead of waiting for a writer', async () => {
    const fifo = join(work.path, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    const r = await run(['validate', fifo]);
    expectNoCrash(r);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`'${fifo}' is a named pipe (FIFO), not a content file or folder.\n`);
  });

  it('a FIFO inside a content folder is skipped, the rest loads', async () => {
    const dir = folderWith('fifo-folder', 'Fine.');
    execFileSync('mkfifo', [join(dir, 'zz-pipe.md')]);
    const r = await run(['--content', dir, 'read', 'hostile-fine']);
    expect(r.code).toBe(0);
  });

  it.each([['list'], ['validate']])('--content /dev/zero: %s refuses with a clear message', async (cmd) => {
    const r = await run([cmd!, '--content', '/dev/zero']);
    expectNoCrash(r);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe("'/dev/zero' is a character device, not a content file or folder.\n");
  });
});

describe('front matter keys', () => {
  it('an unknown (misspelt) key is a problem on its line', async () => {
    const r = await run(['validate', join(HOSTILE, 'unknown-key')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/extra-key\.md:7: front matter: unknown key 'relatd' \(known keys: id, deck, title, level, tags, .*related.*\)/ );
  });
});

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const EVIL = 'x\u001b]52;c;cm0gLXJmIH4=\u0007\u202egpj.exe\u001b[2J';

describe('arguments echoed in messages', () => {
  it.each([
    ['read', ['read', EVIL], 3, "No question matches 'xgpj.exe'"],
    ['list --deck', ['list', '--deck', EVIL], 3, "No deck 'xgpj.exe'"],
    ['validate', ['validate', join('/nonexistent', EVIL)], 3, 'No such file or folder: /nonexistent/xgpj.exe'],
    ['an unknown flag', ['list', `--${EVIL}`], 2, 'Unknown'],
  ])('%s: the argument is sanitised before it is printed', async (_, args, code, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
  });
});

describe("other programs' output", () => {
  it("HAProxy's messages are sanitised before they are printed (HAProxy said: …)", async () => {
    const fake = join(work.path, 'fake-haproxy');
    // Stands in for HAProxy: writes an OSC 52 clipboard write, a bidi override and a screen clear, then fails.
    writeFileSync(fake, "#!/bin/sh\nprintf '\\033]52;c;cm0gLXJmIH4=\\007[ALERT] \\342\\200\\256gifnoc dab\\033[2J\\n' >&2\nexit 1\n", { mode: 0o755 });
    const r = await run(['lab', '--balancer', 'haproxy', '--port', '0'], { PREPDECK_HAPROXY: fake });
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('HAProxy said:\n[ALERT] gifnoc dab');
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('file names', () => {
  it('control characters and escape sequences in a file name never reach the terminal', async () => {
    const dir = join(work.path, 'names');
    mkdirSync(dir, { recursive: true });
    const evil = 'evil\u001b]52;c;cm0gLXJmIH4=\u0007\u202ename.md';
    writeFileSync(join(dir, evil), '# no front matter\n');
    const r = await run(['validate', dir]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('evilname.md:1: missing front matter');
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('the simulate: field and simulate flags', () => {
  it('a shell command smuggled into simulate: is invalid content, never printed as a command', async () => {
    const v = await run(['validate', join(HOSTILE, 'simulate-injection')]);
    expect(v.code).toBe(4);
    expect(v.stderr).toBe(
      `${HOSTILE}/simulate-injection/inject.md:7: front matter: 'simulate': 'seed-example;': only letters, digits and _ . , : @ % / = + - may be used\n`,
    );
    const r = await run(['--content', join(HOSTILE, 'simulate-injection'), 'read', 'hostile-inject']);
    expect(r.code).toBe(3);
    expect(r.stdout).not.toContain('rm -rf');
  });

  it('a simulation too big to run from a question is invalid content, with the caps', async () => {
    const v = await run(['validate', join(HOSTILE, 'simulate-huge')]);
    expect(v.code).toBe(4);
    expect(v.stderr).toContain("huge.md:7: front matter: 'simulate': too big to run from a question: 256 servers (at most 32)");
  });

  it('a valid simulate: field is printed as a command to copy', async () => {
    const dir = join(work.path, 'linked');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'linked.md'), FINE.replace('tags: [testing]\n', 'tags: [testing]\nsimulate: --scenario failover --servers=4\n'));
    const r = await run(['--content', dir, 'read', 'hostile-fine']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('See it run:   prepdeck simulate --scenario failover --servers=4');
    const json = await run(['--content', dir, 'read', 'hostile-fine', '--json']);
    expect((JSON.parse(json.stdout) as { simulate: string }).simulate).toBe('prepdeck simulate --scenario failover --servers=4');
  });

  it('a bad value in simulate: is invalid content (exit 4), worded as the flag would be on the command line', async () => {
    const dir = join(work.path, 'bad-value');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bad.md'), FINE.replace('tags: [testing]\n', 'tags: [testing]\nsimulate: --compare ip-hash/local,ip-hash/redis\n'));
    const v = await run(['validate', dir]);
    expect(v.code).toBe(4);
    expect(v.stderr).toContain(
      `bad.md:7: front matter: 'simulate': --compare must be configurations STRATEGY[/STORE[/RR-MODE]] separated by commas, where STORE is one of local, shared, replicated ("redis" is not); got 'ip-hash/local,ip-hash/redis'\n`,
    );
  });

  it('simulate --servers 1e3 is an error (exit 2), not one server named 1e3', async () => {
    const r = await run(['simulate', '--servers', '1e3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("--servers must be a count from 1 to 256 or names with weights, e.g. 3 or a:2,b,c; got '1e3'.\n");
  });

  it('a run whose memory need is out of proportion is refused up front (exit 2) with the limit', async () => {
    const r = await run(['simulate', '--users', '5000000', '--servers', '256', '--store', 'replicated', '--replicas', '255'], {});
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('a run may take at most 1.0 GiB');
  });
});
