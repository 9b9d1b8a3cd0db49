import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';

/**
 * The policy every page gets, before its own hashes. Nothing may load from another origin; images only from this
 * site (the site has no web manifest, so default-src 'none' refuses one); no plugins, no <base>, forms only to this site. Scripts and styles are added per
 * page: exactly the hashes of that page's own inline <script> and <style> elements (never 'unsafe-inline').
 */
export const BASE_POLICY: Record<string, string[]> = {
  'default-src': ["'none'"],
  'img-src': ["'self'"],
  // Same-site fetches only (Pagefind's index on /search/; audits such as Lighthouse fetch /robots.txt in-page).
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  // Forms only to this site: the search forms (/search/ and the 404 page) send ?q= to /search/; article forms are sanitized away.
  'form-action': ["'self'"],
};

/** Directives a <meta> policy cannot carry (browsers ignore them there): sent as HTTP headers only. */
export const HEADER_ONLY_POLICY: Record<string, string[]> = { 'frame-ancestors': ["'none'"] };

/** The other security headers, for hosts that read dist/_headers and for the nginx snippet in README.md. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
};

/** A CSP source expression for some inline text: 'sha256-<base64>' of its UTF-8 bytes. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Renders directives as a policy string. */
export function formatPolicy(directives: Record<string, string[]>): string {
  return Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'cite', 'background']);
/** Script types a browser runs (or, for importmap and speculationrules, that CSP governs); others are data blocks. */
const EXECUTABLE_SCRIPT = /^\s*(?:|module|importmap|speculationrules|(?:text|application)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/(?:jscript|livescript))\s*$/i;

/** What a page's policy is made of, and where in the HTML its <meta> goes: found in one streaming pass. */
interface PageScan {
  scripts: Set<string>;
  styles: Set<string>;
  /** Offset right after <head> or its leading <meta charset>, where the policy <meta> goes. */
  insertAt?: number;
  /** An existing policy <meta> [start, end), replaced rather than doubled. */
  existing?: [number, number];
}

/**
 * Scans a page with htmlparser2's tokenizer (an order of magnitude faster than building a parse5 tree, which
 * matters at 10,000 pages), with entities decoded in attributes as a browser would.
 * @throws when the page has markup a strict policy would silently block: event-handler or style attributes,
 *   javascript: URLs. The message names the page and the markup, so the build fails instead of the feature.
 */
function scanPage(html: string, page: string): PageScan {
  const scan: PageScan = { scripts: new Set(), styles: new Set() };
  let inHead = false;
  let headHasElement = false;
  let raw: { tag: 'script' | 'style'; text: string; executable: boolean } | undefined;
  let failure: Error | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        for (const [attr, value] of Object.entries(attrs)) {
          if (/^on/i.test(attr) || attr === 'style' || (URL_ATTRIBUTES.has(attr) && /^\s*(?:javascript|vbscript):/i.test(value))) {
            failure ??= new Error(`${page}: <${name} ${attr}="${value.slice(0, 60)}"> would be blocked by the Content-Security-Policy; use a <script> or a stylesheet instead`);
          }
        }
        if (name === 'head') {
          inHead = true;
          scan.insertAt = parser.endIndex + 1;
        } else if (inHead && name === 'meta') {
          if (attrs['http-equiv']?.toLowerCase() === 'content-security-policy') scan.existing = [parser.startIndex, parser.endIndex + 1];
          else if (!headHasElement && 'charset' in attrs) scan.insertAt = parser.endIndex + 1;
        }
        if (inHead && name !== 'head') headHasElement = true;
        if (name === 'script') {
          const executable = EXECUTABLE_SCRIPT.test(attrs.type ?? '');
          if (executable && attrs.src !== undefined) scan.scripts.add("'self'");
          // A script declares what it needs beyond its own hash: data-csp="self" lets it import same-site script
          // files (Pagefind's), "wasm" lets it compile WebAssembly (Pagefind).
          const needs = executable ? (attrs['data-csp'] ?? '').split(/\s+/) : [];
          if (needs.includes('self')) scan.scripts.add("'self'");
          if (needs.includes('wasm')) scan.scripts.add("'wasm-unsafe-eval'");
          raw = attrs.src === undefined ? { tag: 'script', text: '', executable } : undefined;
        } else if (name === 'style') {
          raw = { tag: 'style', text: '', executable: true };
        } else if (name === 'link' && /(?:^|\s)stylesheet(?:\s|$)/i.test(attrs.rel ?? '')) {
          scan.styles.add("'self'");
        }
      },
      ontext(text) {
        if (raw) raw.text += text;
      },
      onclosetag(name) {
        if (name === 'head') inHead = false;
        if (raw && name === raw.tag) {
          if (raw.executable) (raw.tag === 'script' ? scan.scripts : scan.styles).add(hashSource(raw.text));
          raw = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (failure) throw failure;
  return scan;
}

function policyOf(scan: PageScan): string {
  return formatPolicy({
    ...BASE_POLICY,
    'script-src': scan.scripts.size ? [...scan.scripts].sort() : ["'none'"],
    'style-src': scan.styles.size ? [...scan.styles].sort() : ["'none'"],
  });
}

/**
 * The Content-Security-Policy of one built page: the base policy plus the hashes of its inline scripts and
 * styles ('self' only if it loads a same-site script or stylesheet file).
 * @throws when the page has markup a strict policy would silently block (see scanPage).
 */
export function pagePolicy(html: string, page = 'page'): string {
  return policyOf(scanPage(html, page));
}

/** Where a page's policy <meta> goes: the page becomes html.slice(0, from) + meta + html.slice(to). */
export interface PolicyEdit {
  policy: string;
  meta: string;
  from: number;
  to: number;
}

/** The policy <meta> and where it goes: in place of one already there, else at the place the scan found. */
function metaEdit(policy: string, scan: PageScan, page: string): PolicyEdit {
  const meta = `<meta http-equiv="content-security-policy" content="${policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`;
  if (scan.existing) return { policy, meta, from: scan.existing[0], to: scan.existing[1] };
  if (scan.insertAt === undefined) throw new Error(`${page}: no <head> start tag to put the Content-Security-Policy in`);
  return { policy, meta, from: scan.insertAt, to: scan.insertAt };
}

/** The page with the edit made. */
export function applyPolicyEdit(html: string, { meta, from, to }: PolicyEdit): string {
  return html.slice(0, from) + meta + html.slice(to);
}

/**
 * The page with its policy as the first <meta> of <head> (after <meta charset>), so it covers every script
 * and style that follows. A policy meta already there is replaced.
 */
export function withCspMeta(html: string, policy: string, page = 'page'): string {
  return applyPolicyEdit(html, metaEdit(policy, scanPage(html, page), page));
}

/**
 * The policy sent as an HTTP header on every path: what a <meta> policy cannot carry (frame-ancestors) plus the
 * base rules, without default-src, script-src or style-src, which are per page (hashes) in each page's <meta>.
 * Browsers enforce both policies, so together they are the page's exact policy; and the header stays one rule
 * however many pages there are (a rule per page would make a multi-megabyte _headers at 10,000 articles, and
 * Cloudflare Pages reads at most 100 rules). README.md gives the same header for nginx.
 */
export const HEADER_POLICY = formatPolicy({
  ...Object.fromEntries(Object.entries(BASE_POLICY).filter(([name]) => name !== 'default-src')),
  ...HEADER_ONLY_POLICY,
});

/** dist/_headers (Netlify, Cloudflare Pages and others): the header policy and security headers everywhere. */
export function headersFile(): string {
  const headers = { 'Content-Security-Policy': HEADER_POLICY, ...SECURITY_HEADERS };
  return `${['/*', ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n')}\n`;
}

/**
 * A built page made safe to serve: its policy (see pagePolicy) and the page with that policy as its <meta>, from
 * one scan. The build does the same to every page as Astro renders it, in two steps: policyEdit on a worker
 * thread, applyPolicyEdit in Astro's (src/integrations/page-policies.ts).
 * @throws when the page has markup a strict policy would silently block (see scanPage).
 */
export function securePage(html: string, page = 'page'): { html: string; policy: string } {
  const edit = policyEdit(html, page);
  return { html: applyPolicyEdit(html, edit), policy: edit.policy };
}

/**
 * What securePage does to a page, from one scan, without making the new page: the policy <meta> and where it goes
 * (so a worker thread that scans the page sends back only that, not the page).
 */
export function policyEdit(html: string, page = 'page'): PolicyEdit {
  const scan = scanPage(html, page);
  return metaEdit(policyOf(scan), scan, page);
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
/**
 * policyEdit for a page as its UTF-8 bytes, as Astro hands it over and writes it: `from` and `to` count bytes. The
 * build's page thread then splices bytes (applyPolicyEditBytes) instead of decoding each page to text and encoding
 * the result again (about 0.2 ms a page of its thread, the one that renders the pages).
 */
export function policyEditBytes(bytes: Uint8Array, page = 'page'): PolicyEdit {
  const html = utf8.decode(bytes);
  const edit = policyEdit(html, page);
  const from = Buffer.byteLength(html.slice(0, edit.from));
  return { ...edit, from, to: from + Buffer.byteLength(html.slice(edit.from, edit.to)) };
}

/** The page's bytes with the edit of policyEditBytes made. */
export function applyPolicyEditBytes(bytes: Uint8Array, { meta, from, to }: PolicyEdit): Uint8Array<ArrayBuffer> {
  const metaBytes = Buffer.from(meta);
  const page = new Uint8Array(from + metaBytes.length + bytes.length - to);
  page.set(bytes.subarray(0, from));
  page.set(metaBytes, from);
  page.set(bytes.subarray(to), from + metaBytes.length);
  return page;
}
