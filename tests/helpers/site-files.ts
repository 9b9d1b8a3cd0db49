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
