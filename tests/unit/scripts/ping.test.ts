import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('announces every URL the first time: IndexNow as JSON with the key file, the hub once per feed', async () => {
    await writeFile(join(dir, 'sitemap-0.xml'), sitemap([['https://news.example/', ''], ['https://news.example/articles/a/', '2026-12-01T10:00:00.000Z']]));
    const result = await ping(options());
    expect(result.changed).toEqual(['https://news.example/', 'https://news.example/articles/a/']);
    expect(received[0]).toMatchObject({ path: '/indexnow', type: 'application/json; charset=utf-8' });
    expect(JSON.parse(received[0]!.body)).toEqual({
      host: 'news.example', key: 'abcdef12-key', keyLocation: 'https://news.example/abcdef12-key.txt',
      urlList: ['https://news.example/', 'https://news.example/articles/a/'],
    });
    expect(received.slice(1).map((r) => [r.path, new URLSearchParams(r.body).get('hub.mode'), new URLSearchParams(r.body).get('hub.url')])).toEqual([
      ['/hub', 'publish', 'https://news.example/rss.xml'], ['/hub', 'publish', 'https://news.example/atom.xml'], ['/hub', 'publish', 'https://news.example/feed.json'],
    ]);
  });

  it('announces only what changed since, and nothing when nothing did', async () => {
    received.length = 0;
    await writeFile(join(dir, 'sitemap-0.xml'), sitemap([
      ['https://news.example/', ''], ['https://news.example/articles/a/', '2026-12-02T09:00:00.000Z'], ['https://news.example/articles/b/', '2026-12-02T08:00:00.000Z'],
    ]));
    expect((await ping({ ...options(), hub: '' })).changed).toEqual(['https://news.example/articles/a/', 'https://news.example/articles/b/']);
    expect(JSON.parse(received[0]!.body).urlList).toEqual(['https://news.example/articles/a/', 'https://news.example/articles/b/']);
    expect(await ping(options())).toEqual({ changed: [], requests: 0 });
    expect(lines.at(-1)).toBe('ping: nothing changed since the last ping');
  });

  it('fails, naming the endpoint and its answer, when it refuses', async () => {
    await writeFile(join(dir, 'sitemap-0.xml'), sitemap([['https://news.example/articles/c/', '2026-12-02T11:00:00.000Z']]));
    await expect(ping({ ...options(), endpoint: `${base}/broken` })).rejects.toThrow(`ping: IndexNow (${base}/broken) answered 500`);
  });
});
