// Sessions in a real Redis, shared by every backend: any backend serves any user, and killing one
// loses nothing. Keys carry a per-run prefix and expire after an hour; the lab removes its own keys
// when it stops. Connecting fails fast (about 2 s, no endless reconnect) with a clear message.
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { UsageError } from '../errors.js';
import { redactUrl } from './options.js';
import { parseSessionData, type SessionData, type SessionStore } from './session.js';

const CONNECT_TIMEOUT_MS = 2000;
const COMMAND_TIMEOUT_MS = 2000;
/** Every session key expires after this long without a write, even if the lab never deletes it. */
export const SESSION_TTL_SECONDS = 3600;

function makeClient(url: string, connected: () => boolean) {
  return createClient({
    url,
    // Commands fail at once while the connection is down instead of queueing behind it.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Before the first connection: give up at once. Later: retry with a capped back-off, so a Redis
      // restart during a session heals by itself.
      reconnectStrategy: (retries: number, cause: Error) => (connected() ? Math.min(100 * 2 ** retries, 2000) : cause),
    },
  });
}
type Client = ReturnType<typeof makeClient>;

export class RedisStore implements SessionStore {
  readonly kind = 'redis' as const;
  roundTrips = 0;
  readonly prefix: string;

  private constructor(
    private readonly client: Client,
    readonly url: string,
  ) {
    this.prefix = `prepdeck:lab:${randomBytes(6).toString('hex')}:session:`;
  }

  static async connect(url: string): Promise<RedisStore> {
    let connected = false;
    let lastError: unknown = null;
    const client = makeClient(url, () => connected);
    client.on('error', (err: unknown) => {
      lastError = err;
    });
    const timeout = new Promise<never>((_, reject) => {
      const t = setTimeout(() => reject(new Error('connect timeout')), CONNECT_TIMEOUT_MS + 500);
      t.unref();
    });
    try {
      await Promise.race([client.connect(), timeout]);
      await Promise.race([client.ping(), timeout]);
      connected = true;
    } catch (err) {
      client.destroy();
      const why = describe(err ?? lastError);
      throw new UsageError(
        `Cannot reach Redis at ${redactUrl(url)} (${why}).\n` +
          "Start one (Debian package redis-server), e.g. redis-server --port 6379 --save '' --appendonly no\n" +
          'or point --redis-url at yours, or use --store memory.',
      );
    }
    const store = new RedisStore(client, url);
    // Tell the user once when the connection drops, and once when it is back.
    let down = false;
    client.on('error', (err: unknown) => {
      if (down) return;
      down = true;
      store.onStatus?.(`Redis connection lost (${describe(err)}): requests get 503 until it is back`);
    });
    client.on('ready', () => {
      if (!down) return;
      down = false;
      store.onStatus?.('Redis connection back');
    });
    return store;
  }

  /** Connection lost / back, for the live view. */
  onStatus: ((line: string) => void) | null = null;

  async get(id: string): Promise<SessionData | null> {
    this.roundTrips++;
    return parseSessionData(await this.timed(this.client.get(this.prefix + id)));
  }

  async set(id: string, data: SessionData): Promise<void> {
    this.roundTrips++;
    await this.timed(this.client.set(this.prefix + id, JSON.stringify(data), { EX: SESSION_TTL_SECONDS }));
  }

  async delete(id: string): Promise<void> {
    this.roundTrips++;
    await this.timed(this.client.del(this.prefix + id));
  }

  size(): null {
    return null;
  }

  /** Deletes every key under a prefix (this run's, or a killed run's); bounded. */
  async deleteByPrefix(prefix: string): Promise<void> {
    if (!/^prepdeck:lab:[0-9a-f]+:session:$/.test(prefix)) throw new Error('not a lab key prefix');
    let cursor = '0';
    for (let round = 0; round < 100; round++) {
      const r = await this.timed(this.client.scan(cursor, { MATCH: prefix + '*', COUNT: 500 }));
      if (r.keys.length > 0) await this.timed(this.client.del(r.keys));
      cursor = String(r.cursor);
      if (cursor === '0') break;
    }
  }

  /** Deletes this run's keys (bounded) and closes the connection. */
  async close(): Promise<void> {
    try {
      if (this.client.isReady) await this.deleteByPrefix(this.prefix);
    } catch {
      // The keys expire on their own within the hour.
    }
    try {
      await Promise.race([this.client.close(), new Promise((done) => setTimeout(done, 1000).unref())]);
    } catch {
      // already closed
    }
    this.client.destroy();
  }

  private timed<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('Redis did not answer within 2 s')), COMMAND_TIMEOUT_MS);
      p.then(
        (v) => {
          clearTimeout(t);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(t);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }
}

function describe(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof e.code === 'string') return e.code;
    if (Array.isArray(e.errors) && e.errors.length > 0) return describe(e.errors[0]);
    if (typeof e.message === 'string' && e.message) return e.message;
  }
  return String(err);
}
