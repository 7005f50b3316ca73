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
    expect(renderPage(none)).not.toMatch(/data-testid="session"|data-testid="fresh"/);
    expect(renderPage({ ...none, ignored: 'unknown' })).toMatch(/data-testid="fresh">\(this backend does not hold your previous session/);
    expect(renderPage({ ...none, ignored: 'invalid' })).toMatch(/forged or altered/);
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
