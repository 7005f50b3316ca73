// Hashing: FNV-1a with a murmur3 finaliser for keys and ring points, and nginx's ip_hash.

/** murmur3's 32-bit finaliser: spreads FNV's weak low bits over the whole word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the string's UTF-16 code units (bytes for ASCII), then fmix32. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h >>> 0);
}

/**
 * nginx `ip_hash`: hash = 89, then for each of the address bytes hash = (hash * 113 + byte) % 6271.
 * For IPv4 only the first three octets are used, so every client of one /24 (say, an office behind
 * NAT) lands on the same server. nginx runs the loop again (carrying the hash on) when the server
 * it picked is down, up to 20 times, then falls back to round-robin.
 */
export function nginxIpHashStep(hash: number, bytes: Uint8Array, len: number): number {
  for (let i = 0; i < len; i++) hash = (hash * 113 + bytes[i]!) % 6271;
  return hash;
}
export const NGINX_IP_HASH_INIT = 89;

/** Parses an IPv4 address into a 32-bit unsigned number, or returns -1. */
export function parseIPv4(s: string): number {
  const parts = s.split('.');
  if (parts.length !== 4) return -1;
  let v = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return -1;
    const n = Number(p);
    if (n > 255) return -1;
    v = v * 256 + n;
  }
  return v;
}

export function formatIPv4(v: number): string {
  return `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/**
 * The bytes nginx hashes for a client address: the first three octets of IPv4 (also of an
 * IPv4-mapped IPv6 address), all sixteen bytes of IPv6. Writes into `out`, returns the length.
 * An address that parses as neither is hashed by its characters (never happens with real sockets).
 */
export function ipHashBytes(ip: string, out: Uint8Array): number {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const v4 = parseIPv4(mapped ? mapped[1]! : ip);
  if (v4 >= 0) {
    out[0] = (v4 >>> 24) & 255;
    out[1] = (v4 >>> 16) & 255;
    out[2] = (v4 >>> 8) & 255;
    return 3;
  }
  const v6 = parseIPv6(ip);
  if (v6) {
    out.set(v6);
    return 16;
  }
  const h = hashString(ip);
  out[0] = h >>> 24;
  out[1] = (h >>> 16) & 255;
  out[2] = (h >>> 8) & 255;
  return 3;
}

function parseIPv6(s: string): Uint8Array | null {
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!/^[0-9a-f:]+$/i.test(s) || s.split('::').length > 2) return null;
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  if (tail === undefined && h.length !== 8) return null;
  if (h.length + t.length > (tail === undefined ? 8 : 7)) return null;
  const groups = [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const out = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    const g = groups[i]!;
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = parseInt(g, 16);
    out[i * 2] = n >>> 8;
    out[i * 2 + 1] = n & 255;
  }
  return out;
}
