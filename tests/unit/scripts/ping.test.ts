import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ping } from '../../../scripts/lib/ping.mjs';

// `npm run ping` against a local server started here: it must never reach a real host in a test.
const received: { path: string; type: string; body: string }[] = [];
const server = createServer((req: IncomingMessage, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    received.push({ path: req.url!, type: req.headers['content-type'] ?? '', body });
    res.writeHead(req.url === '/broken' ? 500 : 202).end();
  });
});
let base = '';
let dir = '';
const sitemap = (entries: [string, string][]) =>
  `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.map(([loc, lastmod]) => `<url><loc>${loc}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</url>`).join('')}</urlset>`;

beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'ping-test-'));
  await writeFile(join(dir, 'sitemap-index.xml'), '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://news.example/sitemap-0.xml</loc></sitemap></sitemapindex>');
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  await rm(dir, { recursive: true, force: true });
});

describe('npm run ping', () => {
  const lines: string[] = [];
  const options = () => ({ dist: dir, state: join(dir, 'state.json'), key: 'abcdef12-key', endpoint: `${base}/indexnow`, hub: `${base}/hub`, log: (l: string) => lines.push(l) });

  it('is off, sending nothing, without a key and a hub', async () => {
    const result = await ping({ ...options(), key: '', hub: '' });
    expect(result).toEqual({ changed: [], requests: 0 });
    expect(received).toEqual([]);
    expect(lines.at(-1)).toMatch(/^ping: off/);
  });

  // The built pages and feeds, as the build writes them: `/a/` is a/index.html.
  const page = async (path: string, text: string) => {
    await mkdir(join(dir, dirname(path)), { recursive: true });
    await writeFile(join(dir, path), text);
  };
  const feeds = (text: string) => Promise.all(['rss.xml', 'atom.xml', 'feed.json'].map((feed) => page(feed, `${feed}: ${text}`)));
  const hubCalls = () => received.filter((r) => r.path === '/hub').map((r) => [new URLSearchParams(r.body).get('hub.mode'), new URLSearchParams(r.body).get('hub.url')]);

  it('announces every URL the first time: IndexNow as JSON with the key file, the hub once per feed', async () => {
    await writeFile(join(dir, 'sitemap-0.xml'), sitemap([['https://news.example/', ''], ['https://news.example/articles/a/', '2026-12-01T10:00:00.000Z']]));
    await page('index.html', '<h1>Home</h1><a href="/articles/a/">A</a>');
    await page('articles/a/index.html', '<h1>A</h1>');
    await feeds('A');
    const result = await ping(options());
    expect(result.changed).toEqual(['https://news.example/', 'https://news.example/articles/a/']);
    expect(received[0]).toMatchObject({ path: '/indexnow', type: 'application/json; charset=utf-8' });
    expect(JSON.parse(received[0]!.body)).toEqual({
      host: 'news.example', key: 'abcdef12-key', keyLocation: 'https://news.example/abcdef12-key.txt',
      urlList: ['https://news.example/', 'https://news.example/articles/a/'],
    });
    expect(hubCalls()).toEqual([
      ['publish', 'https://news.example/rss.xml'], ['publish', 'https://news.example/atom.xml'], ['publish', 'https://news.example/feed.json'],
    ]);
  });

  it('announces only the pages the last build changed, whatever their lastmod says, and nothing when nothing changed', async () => {
    received.length = 0;
    // A new article b; the home page lists it; a's lastmod is the same but its page changed (an age notice, say).
    await writeFile(join(dir, 'sitemap-0.xml'), sitemap([
      ['https://news.example/', ''], ['https://news.example/about/', ''], ['https://news.example/articles/a/', '2026-12-01T10:00:00.000Z'], ['https://news.example/articles/b/', '2026-12-02T08:00:00.000Z'],
    ]));
    await page('index.html', '<h1>Home</h1><a href="/articles/b/">B</a><a href="/articles/a/">A</a>');
    await page('about/index.html', '<h1>About</h1>');
    await page('articles/a/index.html', '<p>This article is more than 1 year old</p><h1>A</h1>');
    await page('articles/b/index.html', '<h1>B</h1>');
    await page('feed.json', 'feed.json: A, B');
    const result = await ping(options());
    expect(result.changed).toEqual(['https://news.example/', 'https://news.example/about/', 'https://news.example/articles/a/', 'https://news.example/articles/b/']);
    expect(JSON.parse(received[0]!.body).urlList).toEqual(result.changed);
    // The hub hears of the one feed that changed.
    expect(hubCalls()).toEqual([['publish', 'https://news.example/feed.json']]);

    // An edited site page, and nothing else.
    received.length = 0;
    await page('about/index.html', '<h1>About us</h1>');
    expect(await ping(options())).toEqual({ changed: ['https://news.example/about/'], requests: 1 });
    expect(JSON.parse(received[0]!.body).urlList).toEqual(['https://news.example/about/']);

    // The same build again: nothing to say.
    expect(await ping(options())).toEqual({ changed: [], requests: 0 });
    expect(lines.at(-1)).toBe('ping: nothing changed since the last ping');
  });

  it('fails, naming the endpoint and its answer, when it refuses', async () => {
    await writeFile(join(dir, 'sitemap-0.xml'), sitemap([['https://news.example/articles/c/', '2026-12-02T11:00:00.000Z']]));
    await expect(ping({ ...options(), endpoint: `${base}/broken` })).rejects.toThrow(`ping: IndexNow (${base}/broken) answered 500`);
  });
});
