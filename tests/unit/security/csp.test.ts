import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { applyPolicyEditBytes, hashSource, headersFile, pagePolicy, policyEditBytes, securePage, withCspMeta } from '../../../src/security/csp';

const page = (head: string, body = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

describe('hashSource', () => {
  it('is the CSP sha256 source of the UTF-8 text (the example from the CSP spec)', () => {
    expect(hashSource("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  });
});

describe('pagePolicy', () => {
  it('hashes exactly the inline scripts and styles of the page, never unsafe-inline', () => {
    const policy = pagePolicy(page('<style>p{}</style><script>a()</script>', '<script type="module">b()</script><script type="application/ld+json">{}</script>'));
    expect(policy).toContain(`script-src ${[hashSource('a()'), hashSource('b()')].sort().join(' ')};`);
    expect(policy).toContain(`style-src ${hashSource('p{}')}`);
    expect(policy).not.toContain('unsafe');
    expect(policy).not.toContain(hashSource('{}'));
  });

  it('is strict by default: nothing from another origin, no plugins, no base, no forms', () => {
    const policy = pagePolicy(page(''));
    for (const directive of ["default-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "script-src 'none'", "style-src 'none'", "img-src 'self'"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toMatch(/https?:|\*|data:/);
  });

  it("allows 'self' only for a same-site script or stylesheet file", () => {
    expect(pagePolicy(page('<script src="/a.js"></script><link rel="stylesheet" href="/a.css">'))).toMatch(/script-src 'self'; style-src 'self'$/);
  });

  it.each([
    ['an event handler attribute', '<button onclick="x()">b</button>', /dist\/x.html: <button onclick="x\(\)">/],
    ['a style attribute', '<p style="color:red">p</p>', /<p style=/],
    ['a javascript: URL', '<a href=" javascript:x()">a</a>', /<a href=/],
  ])('fails the build, naming the page, for %s (the policy would silently block it)', (_name, body, message) => {
    expect(() => pagePolicy(page('', body), 'dist/x.html')).toThrow(message);
  });

  it('does not mistake text about JavaScript for a URL', () => {
    expect(() => pagePolicy(page('<meta name="description" content="javascript: a history">'))).not.toThrow();
  });
});

describe('withCspMeta', () => {
  it('puts the policy right after <meta charset>, before any script or style, once', () => {
    const html = page('<style>p{}</style>');
    const once = withCspMeta(html, pagePolicy(html));
    const twice = withCspMeta(once, pagePolicy(once));
    const $ = load(twice);
    expect($('head > *').map((_, el) => $(el).attr('http-equiv') ?? (el as { tagName: string }).tagName).get().slice(0, 3)).toEqual(['meta', 'content-security-policy', 'title']);
    expect($('meta[http-equiv]')).toHaveLength(1);
    expect($('meta[http-equiv]').attr('content')).toBe(pagePolicy(html));
  });

  it('is what securePage gives, with the policy, from one scan', () => {
    const html = page('<style>p{}</style><script>a()</script>');
    expect(securePage(html)).toEqual({ html: withCspMeta(html, pagePolicy(html)), policy: pagePolicy(html) });
    expect(() => securePage(page('', '<a href="javascript:x()">x</a>'), '/articles/x/')).toThrow(/\/articles\/x\/: <a href="javascript:x\(\)">/);
  });

  it('edits the UTF-8 bytes of a page as the build does, to the bytes of securePage, letters of any width before and after', () => {
    const arabic = (head: string) => `<!DOCTYPE html><!-- نُشر 🗞️ é --><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر 🗞️</title>${head}</head><body><p>نص — “ok” 🗞️</p><style>p{}</style></body></html>`;
    const once = securePage(arabic('<style>p{}</style>')).html;
    // A page without the policy (inserted after <meta charset>), and one with it (replaced), after multi-byte letters.
    for (const html of [arabic('<style>p{}</style>'), once.replace('<title>', '<title>ـ')]) {
      const bytes = new TextEncoder().encode(html);
      const edit = policyEditBytes(bytes, 'p');
      expect(edit.from).toBe(new TextEncoder().encode(html.slice(0, html.search(/<meta http|<title>/))).length); // in bytes
      expect(new TextDecoder().decode(applyPolicyEditBytes(bytes, edit))).toBe(securePage(html).html);
    }
    expect(() => policyEditBytes(new TextEncoder().encode(page('', '<p style="x">é</p>')), '/ar/')).toThrow(/\/ar\/: <p style=/);
  });
});

describe('_headers', () => {
  it('sends one header policy on every path: frame-ancestors and the base rules, never a script or style rule', () => {
    expect(headersFile()).toBe([
      '/*',
      "  Content-Security-Policy: img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      '  Referrer-Policy: no-referrer',
      '  X-Content-Type-Options: nosniff',
      '  Permissions-Policy: accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
      '',
    ].join('\n'));
    // default-src in a second policy would block every script the page's own <meta> allows by hash.
    expect(headersFile()).not.toMatch(/default-src|script-src|style-src/);
  });
});

describe('which scripts are hashed', () => {
  it.each(['', 'module', 'text/javascript', 'application/x-javascript', 'text/ecmascript', 'importmap', ' TEXT/JAVASCRIPT '])('type="%s" is hashed', (type) => {
    expect(pagePolicy(page(`<script${type ? ` type="${type}"` : ''}>a()</script>`))).toContain(`script-src ${hashSource('a()')}`);
  });
  it.each(['application/ld+json', 'application/json', 'text/plain'])('type="%s" is data, not hashed', (type) => {
    expect(pagePolicy(page(`<script type="${type}">{}</script>`))).toContain("script-src 'none'");
  });
});
