// Small HTTP helpers shared by the backends, the built-in balancer and the admin API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LAB_LIMITS } from './options.js';

export class BodyTooLarge extends Error {
  constructor() {
    super('request body too large');
  }
}

/** Reads a request body of at most `limit` bytes; rejects with BodyTooLarge beyond that. */
export function readBody(req: IncomingMessage, limit = LAB_LIMITS.bodyBytes): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

/**
 * Answers 413 and closes the connection. The rest of the body is read and thrown away (bounded),
 * so the client sees the answer instead of a reset while it is still sending.
 */
export function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > 1024 * 1024) req.socket.destroy();
  });
  req.resume();
  sendJson(res, 413, { error: `request body larger than ${LAB_LIMITS.bodyBytes} bytes` }, { connection: 'close' });
}

/**
 * Answers 421 Misdirected Request to a request whose Host header is not one the lab was started on
 * (DNS rebinding: a page whose name now points at 127.0.0.1). The request's own Host is not echoed.
 */
export function refuseHost(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): void {
  req.resume();
  sendJson(
    res,
    421,
    { error: `this lab answers only requests for ${allowed.slice(0, 4).join(', ')}${allowed.length > 4 ? ', …' : ''} (Host header checked against DNS rebinding)` },
    { connection: 'close' },
  );
}

/**
 * Two Host headers that disagree (Node keeps only the first): HAProxy answers 400, and so does the
 * built-in balancer, so that the Host check cannot be passed with a right first one. Repeats of the
 * same value are let through, as HAProxy does.
 */
export function conflictingHosts(req: IncomingMessage): boolean {
  const values = new Set<string>();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() === 'host') values.add(req.rawHeaders[i + 1]!.trim().toLowerCase());
  }
  return values.size > 1;
}

export function refuseBadRequest(req: IncomingMessage, res: ServerResponse, why: string): void {
  req.resume();
  sendJson(res, 400, { error: why }, { connection: 'close' });
}

/** Form fields from an urlencoded or JSON body. */
export function parseFields(req: IncomingMessage, body: Buffer): Map<string, string> {
  const fields = new Map<string, string>();
  if (body.length === 0) return fields;
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  const text = body.toString('utf8');
  if (type.startsWith('application/json')) {
    try {
      const v = JSON.parse(text) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        for (const [k, x] of Object.entries(v)) if (typeof x === 'string') fields.set(k, x);
      }
    } catch {
      // not JSON: no fields
    }
    return fields;
  }
  for (const [k, v] of new URLSearchParams(text)) if (!fields.has(k)) fields.set(k, v);
  return fields;
}

export function wantsJson(req: IncomingMessage): boolean {
  return /\bapplication\/json\b/i.test(String(req.headers.accept ?? ''));
}

export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

export function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string | string[]> = {}): void {
  const body = JSON.stringify(value) + '\n';
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...extra,
  });
  res.end(body);
}

export function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string | string[]> = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A short, single-line, printable version of a user-supplied text: control characters (including CR
 * and LF), bidi overrides and surrounding spaces removed, runs of spaces collapsed.
 */
export function cleanText(s: string): string {
  let out = '';
  for (const ch of s) out += isInvisible(ch.codePointAt(0)!) ? ' ' : ch;
  return out.replace(/\s+/g, ' ').trim();
}

function isInvisible(cp: number): boolean {
  return (
    cp <= 0x1f ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff
  );
}

/** The request's path without the query string. */
export function pathOf(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/** Reads one cookie's value from a Cookie request header. */
export function readCookie(header: string | undefined | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
