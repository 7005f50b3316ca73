// What a killed lab leaves behind, and its cleaning by the next run. A lab that uses HAProxy or Redis
// works in a temporary folder `prepdeck-lab-run-<pid>-XXXXXX` holding `owner.json`: the lab's pid
// and start time (a reused pid is not mistaken for the lab), HAProxy's pid and its Redis key prefix
// (with a hash of the Redis URL, never the URL: it may hold a password). When the owner is dead, the
// next lab kills a HAProxy still running on that folder's config (the watchdog normally has), deletes
// the dead run's Redis keys when it talks to the same Redis, and removes the folder. Keys on another
// Redis expire on their own (every session key has a TTL); their folder goes once the TTL is over.
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const RUN_FOLDER_PREFIX = 'prepdeck-lab-run-';
const OWNER_FILE = 'owner.json';
const FOLDER = new RegExp(`^${RUN_FOLDER_PREFIX}(\\d+)-`);

export interface RunOwner {
  pid: number;
  /** Process start time (Linux /proc, clock ticks since boot); null elsewhere. */
  started: number | null;
  createdAt: number;
  haproxyPid?: number;
  haproxyConfig?: string;
  redis?: { urlHash: string; prefix: string; ttlSeconds: number };
}

export interface LeftoverCleaner {
  /** The Redis URL this run uses (null without Redis) and a way to delete keys by prefix. */
  redisUrl: string | null;
  deleteKeys?: (prefix: string) => Promise<void>;
  now: number;
  /** The folder to look in (default: the OS temporary folder). */
  dir?: string;
}

export function urlHash(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 16);
}

/** Start time of a process from /proc (field 22), or null where there is no /proc. */
export function processStartTime(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const v = Number(fields[19]);
    return Number.isFinite(v) ? v : null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote owner.json still runs (same pid and, where known, same start time). */
export function ownerAlive(owner: Pick<RunOwner, 'pid' | 'started'>): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as { code?: string }).code !== 'EPERM') return false;
  }
  const started = processStartTime(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

/** This run's folder (mode 0700) with its owner.json. */
export class RunFolder {
  readonly path: string;
  private owner: RunOwner;

  constructor(now: number, dir = tmpdir()) {
    this.path = mkdtempSync(join(dir, `${RUN_FOLDER_PREFIX}${process.pid}-`));
    this.owner = { pid: process.pid, started: processStartTime(process.pid), createdAt: now };
    this.write();
  }

  record(update: Partial<RunOwner>): void {
    this.owner = { ...this.owner, ...update };
    this.write();
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }

  private write(): void {
    writeFileSync(join(this.path, OWNER_FILE), JSON.stringify(this.owner) + '\n', { mode: 0o600 });
  }
}

/** Cleans after dead runs; returns one line per cleaned run (for the user). Never throws. */
export async function cleanLeftovers(c: LeftoverCleaner): Promise<string[]> {
  const dir = c.dir ?? tmpdir();
  const notes: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => FOLDER.test(n));
  } catch {
    return notes;
  }
  for (const name of names) {
    try {
      const note = await cleanOne(join(dir, name), c);
      if (note) notes.push(note);
    } catch {
      // Someone else's folder, or half-removed meanwhile: leave it.
    }
  }
  return notes;
}

async function cleanOne(folder: string, c: LeftoverCleaner): Promise<string | null> {
  const st = lstatSync(folder);
  if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid())) return null;
  const owner = readOwner(folder);
  if (!owner || ownerAlive(owner)) return null;
  const done: string[] = [];
  if (owner.haproxyPid && owner.haproxyConfig && stillHaproxyOf(owner.haproxyPid, owner.haproxyConfig)) {
    process.kill(owner.haproxyPid, 'SIGKILL');
    done.push(`stopped its HAProxy (pid ${owner.haproxyPid})`);
  }
  if (owner.redis) {
    if (c.redisUrl !== null && c.deleteKeys && urlHash(c.redisUrl) === owner.redis.urlHash) {
      await c.deleteKeys(owner.redis.prefix);
      done.push('deleted its Redis keys');
    } else if (c.now < owner.createdAt + owner.redis.ttlSeconds * 1000) {
      return null; // its keys live on another Redis: keep the note until they have expired
    }
  }
  rmSync(folder, { recursive: true, force: true });
  done.push('removed its temporary folder');
  return `Cleaned up after a lab that was killed (pid ${owner.pid}): ${done.join(', ')}.`;
}

function readOwner(folder: string): RunOwner | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(folder, OWNER_FILE), 'utf8'));
  } catch {
    return null;
  }
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Partial<RunOwner>;
  if (!Number.isInteger(o.pid) || typeof o.createdAt !== 'number') return null;
  return { ...o, pid: o.pid!, started: typeof o.started === 'number' ? o.started : null, createdAt: o.createdAt };
}

/** The pid runs haproxy with that config file (and is not some other process that got the pid). */
function stillHaproxyOf(pid: number, config: string): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return argv.includes(config) && /haproxy/.test(argv[0] ?? '');
  } catch {
    return false;
  }
}
