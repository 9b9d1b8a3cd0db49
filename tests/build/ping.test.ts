import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build.mjs';
import { ROOT } from '../helpers/paths';

// WebSub and IndexNow configured, end to end: a real build of a small site, then `npm run ping` (scripts/ping.mjs)
// against a local stand-in for IndexNow and the hub (never a real host), then a second build with one new article.
const work = await mkdtemp(join(tmpdir(), 'reader-ping-build-'));
const received: { path: string; body: string }[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    received.push({ path: req.url!, body });
    res.writeHead(202).end();
  });
});
let base = '';
const ORIGIN = 'http://localhost:4321';
const KEY = 'reader-test-key-42';
const articles = join(work, 'articles');
const dist = join(work, 'dist');
const article = (title: string, published: string) => `---\ntitle: "${title}"\npublished: ${published}\ndesk: World Desk\nlocation: Paris\nsource: The Reader\n---\n\nOne paragraph about ${title}.\n`;
const env = () => ({
  ARTICLES_DIR: articles, SITE_URL: ORIGIN, ASTRO_CACHE_DIR: join(work, 'cache'), SOCIAL_IMAGE_CACHE: join(work, 'social'),
  INDEXNOW_KEY: KEY, INDEXNOW_ENDPOINT: `${base}/indexnow`, WEBSUB_HUB: `${base}/hub`,
});

/** `npm run ping` as an editor runs it, with the build's settings: what it printed, and what the stand-in received. */
async function runPing() {
  received.length = 0;
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/ping.mjs'], {
    cwd: ROOT, env: { ...process.env, ...env(), PING_DIST: dist, PING_STATE: join(work, 'ping-state.json') },
  });
  const indexNow = received.filter((r) => r.path === '/indexnow').flatMap((r) => JSON.parse(r.body).urlList as string[]);
  const hub = received.filter((r) => r.path === '/hub').map((r) => new URLSearchParams(r.body).get('hub.url'));
  return { stdout, indexNow, hub };
}

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await mkdir(articles);
  await writeFile(join(articles, 'first-story.md'), article('First Story', '2026-11-30T09:00:00Z'));
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  await rm(work, { recursive: true, force: true });
});

describe('npm run ping after real builds', () => {
  it('builds the key file and names the hub in the feeds', { timeout: 300_000 }, async () => {
    const build = await buildSite({ outDir: dist, env: env(), quiet: true });
    expect(build.code, build.output).toBe(0);
    expect(await readFile(join(dist, `${KEY}.txt`), 'utf8')).toBe(KEY);
    expect(await readFile(join(dist, 'atom.xml'), 'utf8')).toContain(`<link rel="hub" href="${base}/hub"`);
  });

  it('announces every page the first time, then nothing for the same build', { timeout: 60_000 }, async () => {
    const first = await runPing();
    expect(first.indexNow).toContain(`${ORIGIN}/`);
    expect(first.indexNow).toContain(`${ORIGIN}/articles/first-story/`);
    expect(first.indexNow).toContain(`${ORIGIN}/about/`);
    expect(first.hub).toEqual([`${ORIGIN}/rss.xml`, `${ORIGIN}/atom.xml`, `${ORIGIN}/feed.json`]);
    const again = await runPing();
    expect(again).toMatchObject({ indexNow: [], hub: [] });
    expect(again.stdout).toContain('ping: nothing changed since the last ping');
  });

  it('announces what a new article changed, and not the pages it left alone', { timeout: 300_000 }, async () => {
    await writeFile(join(articles, 'second-story.md'), article('Second Story', '2026-12-01T09:00:00Z'));
    const build = await buildSite({ outDir: dist, env: env(), quiet: true });
    expect(build.code, build.output).toBe(0);
    const { indexNow, hub } = await runPing();
    expect(indexNow).toContain(`${ORIGIN}/articles/second-story/`);
    expect(indexNow).toContain(`${ORIGIN}/`);
    for (const page of ['/about/', '/corrections/', '/ethics/', '/contact/']) expect(indexNow).not.toContain(`${ORIGIN}${page}`);
    expect(hub).toEqual([`${ORIGIN}/rss.xml`, `${ORIGIN}/atom.xml`, `${ORIGIN}/feed.json`]);
  });
});
