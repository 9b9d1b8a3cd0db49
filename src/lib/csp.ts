import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * The policy every page gets, before its own hashes. Nothing may load from another origin; images and the
 * web manifest only from this site; no plugins, no <base>, no form posts. Scripts and styles are added per
 * page: exactly the hashes of that page's own inline <script> and <style> elements (never 'unsafe-inline').
 */
export const BASE_POLICY: Record<string, string[]> = {
  'default-src': ["'none'"],
  'img-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
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

function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node;
  const children = 'content' in node && node.nodeName === 'template' ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child);
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const text = (el: Element) => el.childNodes.map((c) => ('value' in c ? c.value : '')).join('');

/**
 * The Content-Security-Policy of one built page: the base policy plus the hashes of its inline scripts and
 * styles ('self' only if it loads a same-site script or stylesheet file).
 * @throws when the page has markup a strict policy would silently block: event-handler or style attributes,
 *   javascript: URLs. The message names the page and the markup, so the build fails instead of the feature.
 */
export function pagePolicy(html: string, page = 'page'): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const connect = new Set<string>();
  for (const el of elements(parse(html))) {
    for (const { name, value } of el.attrs) {
      if (/^on/i.test(name) || name === 'style' || (URL_ATTRIBUTES.has(name) && /^\s*(?:javascript|vbscript):/i.test(value))) {
        throw new Error(`${page}: <${el.tagName} ${name}="${value.slice(0, 60)}"> would be blocked by the Content-Security-Policy; use a <script> or a stylesheet instead`);
      }
    }
    if (el.tagName === 'script' && EXECUTABLE_SCRIPT.test(attr(el, 'type') ?? '')) {
      scripts.add(attr(el, 'src') === undefined ? hashSource(text(el)) : "'self'");
      // A script declares what it needs beyond its own hash: data-csp="self" lets it import same-site script
      // files and fetch same-site data (Pagefind's index), "wasm" lets it compile WebAssembly (Pagefind).
      const needs = (attr(el, 'data-csp') ?? '').split(/\s+/);
      if (needs.includes('self')) {
        scripts.add("'self'");
        connect.add("'self'");
      }
      if (needs.includes('wasm')) scripts.add("'wasm-unsafe-eval'");
    } else if (el.tagName === 'style') {
      styles.add(hashSource(text(el)));
    } else if (el.tagName === 'link' && /(?:^|\s)stylesheet(?:\s|$)/i.test(attr(el, 'rel') ?? '')) {
      styles.add("'self'");
    }
  }
  return formatPolicy({
    ...BASE_POLICY,
    'script-src': scripts.size ? [...scripts].sort() : ["'none'"],
    'style-src': styles.size ? [...styles].sort() : ["'none'"],
    ...(connect.size && { 'connect-src': [...connect] }),
  });
}

/**
 * The page with its policy as the first <meta> of <head> (after <meta charset>), so it covers every script
 * and style that follows. A policy meta already there is replaced.
 */
export function withCspMeta(html: string, policy: string, page = 'page'): string {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const head = [...elements(doc)].find((el) => el.tagName === 'head');
  const headStart = head?.sourceCodeLocation?.startTag?.endOffset;
  if (!head || headStart === undefined) throw new Error(`${page}: no <head> start tag to put the Content-Security-Policy in`);
  const meta = `<meta http-equiv="content-security-policy" content="${policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`;
  const old = head.childNodes.find((c): c is Element => 'tagName' in c && c.tagName === 'meta' && attr(c, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  if (old?.sourceCodeLocation) return html.slice(0, old.sourceCodeLocation.startOffset) + meta + html.slice(old.sourceCodeLocation.endOffset);
  const first = head.childNodes.find((c): c is Element => 'tagName' in c);
  const at = first && first.tagName === 'meta' && attr(first, 'charset') !== undefined ? first.sourceCodeLocation!.endOffset : headStart;
  return html.slice(0, at) + meta + html.slice(at);
}

/** The URL path a built HTML file is served at: index.html files by their folder, with the trailing slash. */
export function urlPath(file: string): string {
  const path = `/${file.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** dist/_headers (Netlify, Cloudflare Pages and others): security headers everywhere, each page's own CSP. */
export function headersFile(pages: { path: string; policy: string }[]): string {
  const lines = ['/*', ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`)];
  for (const { path, policy } of pages) {
    lines.push(path, `  Content-Security-Policy: ${policy}; ${formatPolicy(HEADER_ONLY_POLICY)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Post-build step over a built site: gives every HTML page its Content-Security-Policy <meta> (with the
 * hashes of its own inline scripts and styles, computed from the built files, so no list is kept by hand)
 * and writes `_headers` with the same policies plus the header-only directives and security headers.
 */
export async function applyCsp(dir: string, htmlFiles: string[]): Promise<{ path: string; policy: string }[]> {
  const pages: { path: string; policy: string }[] = [];
  for (const file of [...htmlFiles].sort()) {
    const name = relative(dir, file);
    const html = await readFile(file, 'utf8');
    const policy = pagePolicy(html, name);
    await writeFile(file, withCspMeta(html, policy, name));
    pages.push({ path: urlPath(name), policy });
  }
  await writeFile(join(dir, '_headers'), headersFile(pages));
  return pages;
}
