// The admin API under /_lab/, the same in both balancer modes: the built-in balancer answers it
// itself; with HAProxy a small admin server behind HAProxy's `lab_admin` backend does. Every call
// needs the header X-Lab-Token with the token printed at start (compared in constant time); without
// it: 403. A custom header also means a page on another site cannot make the call (no CORS).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, pathOf, readBody, refuseTooLarge, sendJson } from './http-util.js';

export const ADMIN_PREFIX = '/_lab/';
export const TOKEN_HEADER = 'x-lab-token';
const BACKEND_ACTION = /^\/_lab\/backends\/([A-Za-z0-9_-]{1,24})\/(kill|revive|drain)$/;

export type BackendAction = 'kill' | 'revive' | 'drain';

export class LabActionError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What the admin API can do to a running lab. */
export interface LabControl {
  state(): Promise<unknown>;
  act(name: string, action: BackendAction): Promise<unknown>;
  addBackend(): Promise<unknown>;
}

export function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function handleAdmin(req: IncomingMessage, res: ServerResponse, token: string, lab: LabControl): Promise<void> {
  if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
    req.resume();
    return sendJson(res, 403, { error: 'admin API: send the header X-Lab-Token with the token the lab printed at start' });
  }
  try {
    // Admin calls carry no body; one is read (bounded) and ignored so an oversized one still gets 413.
    await readBody(req);
    const path = pathOf(req);
    const method = req.method ?? 'GET';
    if (path === '/_lab/state') {
      if (method !== 'GET') return sendJson(res, 405, { error: 'use GET' }, { allow: 'GET' });
      return sendJson(res, 200, await lab.state());
    }
    if (path === '/_lab/backends') {
      if (method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { allow: 'POST' });
      return sendJson(res, 201, await lab.addBackend());
    }
    const m = BACKEND_ACTION.exec(path);
    if (m) {
      if (method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { allow: 'POST' });
      return sendJson(res, 200, await lab.act(m[1]!, m[2] as BackendAction));
    }
    sendJson(res, 404, { error: 'no such admin call; see GET /_lab/state, POST /_lab/backends, POST /_lab/backends/NAME/kill|revive|drain' });
  } catch (err) {
    if (res.headersSent) return void res.destroy();
    if (err instanceof BodyTooLarge) return refuseTooLarge(req, res);
    if (err instanceof LabActionError) return sendJson(res, err.status, { error: err.message });
    sendJson(res, 500, { error: err instanceof Error ? err.message : String(err) });
  }
}
