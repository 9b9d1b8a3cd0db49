// `npm run ping` (scripts/ping.mjs): tells an IndexNow endpoint and a WebSub hub what the last build changed.
// Off unless configured (SITE.indexNowKey, SITE.websubHub in src/site.ts, or their environment variables).
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** IndexNow takes at most 10,000 URLs a request. */
const INDEXNOW_BATCH = 10_000;
/** The feeds a WebSub hub is told about: those that name it (src/sharing/feeds.ts). */
const FEEDS = ['/rss.xml', '/atom.xml', '/feed.json'];

/**
 * Every URL of the built site's sitemaps.
 * @param {string} dist
 * @returns {Promise<string[]>}
 */
export async function sitemapUrls(dist) {
  const xml = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
  const index = xml.parse(await readFile(join(dist, 'sitemap-index.xml'), 'utf8'));
  const urls = [];
  for (const { loc } of index.sitemapindex.sitemap) {
    const file = join(dist, new URL(loc).pathname);
    for (const url of xml.parse(await readFile(file, 'utf8')).urlset.url ?? []) urls.push(String(url.loc));
  }
  return urls;
}

/**
 * A fingerprint of what the build wrote for each URL (a hash of its file in `dist`: `/a/` is `a/index.html`), so
 * any change to a page counts, a new lastmod or not: an edited site page, a listing with a new article in it, a
 * page whose age notice now says one year more. A URL without a file gets an empty fingerprint.
 * @param {string} dist
 * @param {string[]} urls
 * @returns {Promise<Map<string, string>>}
 */
export async function fingerprints(dist, urls) {
  const entries = await Promise.all(urls.map(async (url) => {
    const path = decodeURIComponent(new URL(url).pathname);
    const bytes = await readFile(join(dist, path.endsWith('/') ? `${path}index.html` : path)).catch(() => undefined);
    return [url, bytes ? createHash('sha256').update(bytes).digest('base64url').slice(0, 22) : ''];
  }));
  return new Map(entries);
}

/**
 * The URLs that are new or whose fingerprint changed since the state saved by the previous ping.
 * @param {Map<string, string>} now
 * @param {Record<string, string>} before
 */
export const changedUrls = (now, before) => [...now].filter(([url, print]) => before[url] !== print).map(([url]) => url);

/**
 * Announces the changed URLs, then saves the state. Without a key and a hub it does nothing and says so.
 * @param {{ dist: string, state: string, key?: string, endpoint: string, hub?: string, fetch?: typeof fetch, log?: (line: string) => void }} options
 * @returns {Promise<{ changed: string[], requests: number }>}
 */
export async function ping({ dist, state, key, endpoint, hub, fetch = globalThis.fetch, log = console.log }) {
  if (!key && !hub) {
    log('ping: off (set indexNowKey or websubHub in src/site.ts, or INDEXNOW_KEY / WEBSUB_HUB)');
    return { changed: [], requests: 0 };
  }
  const pages = await sitemapUrls(dist);
  // The feeds, at the origin of the sitemap's URLs, are fingerprinted too: the hub hears only of those that changed.
  const origin = pages.length ? new URL(pages[0]).origin : undefined;
  const feeds = origin ? FEEDS.map((feed) => origin + feed) : [];
  const urls = await fingerprints(dist, [...pages, ...feeds]);
  const before = JSON.parse(await readFile(state, 'utf8').catch(() => '{}'));
  const all = changedUrls(urls, before);
  const changed = all.filter((url) => !feeds.includes(url));
  const changedFeeds = all.filter((url) => feeds.includes(url));
  let requests = 0;
  const send = async (url, init, what) => {
    requests++;
    const response = await fetch(url, init);
    // IndexNow answers 200 or 202; a hub 202 or 204.
    if (!response.ok) throw new Error(`ping: ${what} answered ${response.status} ${response.statusText}`);
  };
  if (changed.length && key) {
    for (let i = 0; i < changed.length; i += INDEXNOW_BATCH) {
      const urlList = changed.slice(i, i + INDEXNOW_BATCH);
      await send(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ host: new URL(origin).host, key, keyLocation: `${origin}/${key}.txt`, urlList }),
      }, `IndexNow (${endpoint})`);
    }
    log(`ping: IndexNow told of ${changed.length} changed URL(s)`);
  }
  for (const feed of hub ? changedFeeds : []) {
    await send(hub, { method: 'POST', body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feed }) }, `WebSub hub (${hub})`);
  }
  if (hub && changedFeeds.length) log(`ping: WebSub hub told ${changedFeeds.length} feed(s) changed`);
  if (!all.length) log('ping: nothing changed since the last ping');
  await mkdir(dirname(state), { recursive: true });
  await writeFile(state, JSON.stringify(Object.fromEntries(urls)));
  return { changed, requests };
}
