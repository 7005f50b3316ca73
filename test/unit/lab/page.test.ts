import { describe, expect, it } from 'vitest';
import { cleanText, escapeHtml } from '../../../src/lab/http-util.js';
import { contentSecurityPolicy, renderPage, type PageView } from '../../../src/lab/page.js';

const view: PageView = {
  backend: 's1',
  session: 'abcdefgh',
  loggedIn: true,
  user: '<img src=x onerror=alert(1)>',
  cart: ['<script>alert(1)</script>', '"quoted" & \'single\''],
  createdBy: 's1',
  ignored: null,
  store: 'memory',
  nonce: 'n0nce',
};

describe('the shop page', () => {
  it('escapes everything user-supplied', () => {
    const html = renderPage(view);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#34;quoted&#34; &#38; &#39;single&#39;');
  });

  it('runs only its own nonce-tagged script and style; the token comes from the URL fragment only', () => {
    const html = renderPage(view);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="n0nce">');
    expect(html).toContain('location.hash');
    expect(html).not.toMatch(/innerHTML/);
    expect(contentSecurityPolicy('n0nce')).toMatch(/default-src 'none'; script-src 'nonce-n0nce'; style-src 'nonce-n0nce'; connect-src 'self'/);
  });

  it('shows the session, or says there is none yet and why a session cookie was ignored', () => {
    expect(renderPage(view)).toMatch(/Session <code data-testid="session">abcdefgh<\/code>, created on s1\./);
    const none = { ...view, session: null, createdBy: null, loggedIn: false, user: null, cart: [] };
    expect(renderPage(none)).toMatch(/data-testid="no-session">No session yet: your first login or cart item starts one\./);
    expect(renderPage(none)).not.toMatch(/data-testid="session"|data-testid="lost"/);
    expect(renderPage({ ...none, ignored: 'invalid' })).toMatch(/forged or altered/);
  });

  // One plain statement of what happened, never "no session yet" next to "your session is lost".
  it.each([
    ['memory, cookie named s3', { store: 'memory', previous: 's3' }, /Session lost\.<\/strong> Your session was in s3's memory and is lost: s1 does not have it/],
    ['memory, no balancer cookie', { store: 'memory', previous: null }, /Your session was in another backend's memory and is lost: s1 does not have it/],
    ['redis, expired', { store: 'redis', previous: null }, /Your session is no longer in Redis \(it expired or was ended\), so it is lost\./],
  ] as const)('a lost session (%s) is said to be lost, plainly', (_name, extra, message) => {
    const lost = { ...view, session: null, createdBy: null, loggedIn: false, user: null, cart: [], ignored: 'unknown' as const, ...extra };
    const html = renderPage(lost);
    expect(html).toMatch(message);
    expect(html).not.toMatch(/No session yet/);
  });

  it('with Redis, a session that moved to another backend is said to have survived', () => {
    const moved = { ...view, store: 'redis' as const, backend: 's2', createdBy: 's3', previous: 's3' };
    expect(renderPage(moved)).toMatch(/data-testid="survived">Your session survived: s3 served you before and no longer does, but the session lives in Redis, so s2 carries on with it\./);
    expect(renderPage({ ...moved, previous: null })).not.toMatch(/survived/);
  });

  it('the balancer cookie is HTML-escaped where it is shown', () => {
    const html = renderPage({ ...view, session: null, ignored: 'unknown', previous: '<b>' });
    expect(html).not.toContain("<b>'s memory");
  });
});

describe('cleanText and escapeHtml', () => {
  it('one printable line: control characters, CR/LF and bidi overrides become spaces', () => {
    expect(cleanText('  a\r\nSet-Cookie:\tx=1 ')).toBe('a Set-Cookie: x=1');
    expect(cleanText('abc\u202edef\u0000')).toBe('abc def');
    expect(cleanText('\u200b')).toBe('');
  });
  it('escapes the five HTML specials and the backtick', () => {
    expect(escapeHtml('<>&"\'`')).toBe('&#60;&#62;&#38;&#34;&#39;&#96;');
  });
});
