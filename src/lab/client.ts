// A tiny HTTP client with a cookie jar, for the scripted walk-throughs (and the tests): one browser
// per simulated user. Loopback only is the lab's business; the client itself just follows the URL.
import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Set-Cookie headers of the response, as name -> value ('' for a cookie being removed). */
  setCookies: Map<string, string>;
  json<T = unknown>(): T;
}

export class Browser {
  /** The cookie jar: name -> value (every cookie the lab sets has Path=/). */
  readonly jar = new Map<string, string>();

  constructor(
    readonly base: string,
    private readonly timeoutMs = 5000,
  ) {}

  cookieHeader(): string | undefined {
    if (this.jar.size === 0) return undefined;
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async send(method: string, path: string, opts: { form?: Record<string, string>; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    const cookie = this.cookieHeader();
    if (cookie && !('cookie' in headers)) headers.cookie = cookie;
    let body: Buffer | null = null;
    if (opts.form) {
      body = Buffer.from(new URLSearchParams(opts.form).toString());
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (opts.body !== undefined) {
      body = Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body);
    }
    const reply = await rawRequest(new URL(path, this.base), method, headers, body, this.timeoutMs);
    for (const [k, v] of reply.setCookies) {
      if (v === '') this.jar.delete(k); // removed (Max-Age=0)
      else this.jar.set(k, v);
    }
    return reply;
  }

  get(path: string, headers?: Record<string, string>): Promise<Reply> {
    return this.send('GET', path, { headers });
  }

  post(path: string, form?: Record<string, string>, headers?: Record<string, string>): Promise<Reply> {
    return this.send('POST', path, { form, headers });
  }
}

export function rawRequest(url: URL, method: string, headers: Record<string, string>, body: Buffer | null, timeoutMs = 5000): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const h: Record<string, string | number> = { ...headers };
    if (body) h['content-length'] = body.length;
    const req = request(url, { method, headers: h, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const setCookies = new Map<string, string>();
        for (const sc of res.headers['set-cookie'] ?? []) {
          const [first, ...attributes] = sc.split(';');
          const eq = first!.indexOf('=');
          if (eq <= 0) continue;
          const expired = attributes.some((a) => /^\s*max-age\s*=\s*(?:0|-\d+)\s*$/i.test(a));
          setCookies.set(first!.slice(0, eq).trim(), expired ? '' : first!.slice(eq + 1).trim());
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text,
          setCookies,
          json: <T>() => JSON.parse(text) as T,
        });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}
