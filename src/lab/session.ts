// Shop sessions: 128-bit random ids signed with HMAC-SHA256 (a per-run key), and where they live.
// A cookie whose signature does not verify is treated as no cookie at all: the visitor has no
// session (the next write creates a fresh one), never somebody else's. The memory store lives and dies with one backend; the Redis store
// (redis-store.ts) is shared by all of them.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LAB_LIMITS } from './options.js';

export const SESSION_COOKIE = 'sid';
export const SESSION_COOKIE_ATTRIBUTES = 'Path=/; HttpOnly; SameSite=Lax';
const ID = /^[A-Za-z0-9_-]{22}$/;
const SIGNED = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export interface SessionData {
  loggedIn: boolean;
  user: string | null;
  cart: string[];
  /** Backend that created the session (shown on the page: "created on s2"). */
  createdBy: string;
  createdAt: number;
}

export class SessionSigner {
  private readonly key: Buffer;

  constructor(key: Buffer = randomBytes(32)) {
    this.key = key;
  }

  /** A new id: 16 random bytes (128 bits), base64url. */
  newId(): string {
    return randomBytes(16).toString('base64url');
  }

  sign(id: string): string {
    if (!ID.test(id)) throw new Error('not a session id');
    return `${id}.${this.mac(id)}`;
  }

  /** The id inside a signed cookie value, or null when it is malformed or its signature is wrong. */
  verify(value: string | null | undefined): string | null {
    if (!value) return null;
    const m = SIGNED.exec(value);
    if (!m) return null;
    const id = m[1]!;
    // Compare the text, not decoded bytes: base64url's last character carries spare bits, so two
    // different strings can decode to the same bytes, and an altered cookie must never verify.
    const given = Buffer.from(m[2]!, 'latin1');
    const want = Buffer.from(this.mac(id), 'latin1');
    return given.length === want.length && timingSafeEqual(given, want) ? id : null;
  }

  private mac(id: string): string {
    return createHmac('sha256', this.key).update(id).digest('base64url');
  }
}

export function sessionCookie(signed: string): string {
  return `${SESSION_COOKIE}=${signed}; ${SESSION_COOKIE_ATTRIBUTES}`;
}

/** Removes the session cookie from the browser (after logout). */
export function clearSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${SESSION_COOKIE_ATTRIBUTES}; Max-Age=0`;
}

/** The first characters of an id: enough to tell sessions apart on the page, useless to an attacker. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

export interface SessionStore {
  readonly kind: 'memory' | 'redis';
  get(id: string): Promise<SessionData | null>;
  set(id: string, data: SessionData): Promise<void>;
  delete(id: string): Promise<void>;
  /** Sessions held, when the store can tell cheaply (memory), else null. */
  size(): number | null;
  /** Round trips to an external store so far (0 for memory). */
  readonly roundTrips: number;
}

/** Sessions in one backend's memory: gone when the backend is killed. */
export class MemoryStore implements SessionStore {
  readonly kind = 'memory' as const;
  readonly roundTrips = 0;
  private readonly map = new Map<string, SessionData>();

  constructor(private readonly max = LAB_LIMITS.memorySessions) {}

  async get(id: string): Promise<SessionData | null> {
    const s = this.map.get(id);
    return s ? structuredClone(s) : null;
  }

  async set(id: string, data: SessionData): Promise<void> {
    this.map.delete(id); // re-inserting keeps the map in least-recently-written order
    this.map.set(id, structuredClone(data));
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }

  async delete(id: string): Promise<void> {
    this.map.delete(id);
  }

  size(): number {
    return this.map.size;
  }
}

/** Checks data read back from an external store; anything odd counts as no session. */
export function parseSessionData(text: string | null): SessionData | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as Partial<SessionData>;
    if (
      typeof v !== 'object' ||
      v === null ||
      typeof v.loggedIn !== 'boolean' ||
      !(v.user === null || typeof v.user === 'string') ||
      !Array.isArray(v.cart) ||
      !v.cart.every((x) => typeof x === 'string') ||
      typeof v.createdBy !== 'string' ||
      typeof v.createdAt !== 'number'
    ) {
      return null;
    }
    return { loggedIn: v.loggedIn, user: v.user ?? null, cart: v.cart.slice(0, LAB_LIMITS.cartItems), createdBy: v.createdBy, createdAt: v.createdAt };
  } catch {
    return null;
  }
}
