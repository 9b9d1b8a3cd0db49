import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { glob } from 'tinyglobby';

/** Every built HTML page of a dist folder, parsed: its path relative to dist and its document. */
export async function builtPages(dist: string): Promise<{ file: string; html: string; $: CheerioAPI }[]> {
  const files = (await glob('**/*.html', { cwd: dist })).sort();
  return Promise.all(files.map(async (file) => {
    const html = await readFile(join(dist, file), 'utf8');
    return { file, html, $: load(html) };
  }));
}

/** The URL path a built page is served at (folder with trailing slash for index.html). */
export const pageUrl = (file: string) => `/${file}`.replace(/(^|\/)index\.html$/, '$1');

/** Attributes that hold a URL the browser may fetch or navigate to. */
export const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'cite', 'dynsrc', 'lowsrc', 'ping', 'longdesc', 'manifest', 'icon'];

/** The URLs in one attribute value: srcset holds a comma-separated list of "url descriptor" candidates. */
export const urlsIn = (attribute: string, value: string): string[] =>
  attribute.toLowerCase() === 'srcset' ? value.split(/,\s+/).map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean) : [value];

/** A URL the browser would run or render as a document: javascript:, vbscript:, data: (spaces and controls ignored, as browsers do). */
export const isDangerousUrl = (value: string) => /^(?:javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020\u007f]+/g, ''));

/** Any script but a JSON data block (JSON-LD) counts as executable here: stricter than the browser, on purpose. */
export const isExecutableScript = (type: string | undefined) => !/^\s*application\/(?:ld\+)?json\s*$/i.test(type ?? '');

/** The origin the test builds are made for (SITE_URL's default): absolute URLs on it are links within the site. */
export const SITE = new URL('http://localhost:4321/');

/** The built file a same-site URL is served from, or undefined when none is. */
function builtFile(dist: string, pathname: string): string | undefined {
  const path = join(dist, decodeURIComponent(pathname));
  if (existsSync(path) && statSync(path).isFile()) return path;
  const index = join(path, 'index.html');
  return pathname.endsWith('/') && existsSync(index) ? index : undefined;
}

/**
 * Every URL of one built page that does not resolve, as `<tag attr="url"> (why)`, and how many URLs were checked.
 * Same-site URLs must name a built file (and a #fragment an id on the page); links may leave the site (web
 * pages, e-mail), but anything the page loads must come from it.
 */
export function brokenLinks(dist: string, file: string, $: CheerioAPI): { broken: string[]; checked: number } {
  const base = new URL(pageUrl(file), SITE);
  const problem = (name: string, value: string): string | undefined => {
    const url = new URL(value, base);
    if (url.origin !== SITE.origin) return name === 'href' && /^(?:https?|mailto):$/.test(url.protocol) ? undefined : 'not on this site';
    const target = builtFile(dist, url.pathname);
    if (!target) return 'no such file';
    const id = decodeURIComponent(url.hash.slice(1));
    if (id && target === join(dist, file) && $(`[id="${id}"]`).length === 0) return 'no such id';
    return undefined;
  };
  const broken: string[] = [];
  let checked = 0;
  $('*').each((_, el) => {
    for (const name of URL_ATTRIBUTES) {
      const attribute = $(el).attr(name);
      for (const value of attribute === undefined ? [] : urlsIn(name, attribute)) {
        checked++;
        const why = problem(name, value);
        if (why) broken.push(`<${(el as { tagName: string }).tagName} ${name}="${value}"> (${why})`);
      }
    }
  });
  return { broken, checked };
}
