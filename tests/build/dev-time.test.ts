import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cleanEnv, ROOT } from '../../scripts/build.mjs';

// `astro dev` runs for hours: each page load is decided against the time it is loaded at (src/content/build-time.ts),
// not the moment the server started. Seen through the news sitemap, which holds the articles published before "now".
const work = await mkdtemp(join(tmpdir(), 'reader-dev-time-'));
const port = 4400 + Math.floor(Math.random() * 500);
let server: ReturnType<typeof spawn> | undefined;
afterAll(async () => {
  if (server?.pid) process.kill(server.pid);
  await rm(work, { recursive: true, force: true });
});

it('astro dev: an article whose time comes while the server runs is in the news sitemap from then on', { timeout: 180_000 }, async () => {
  const due = new Date(Math.ceil(Date.now() / 1000) * 1000 + 40_000);
  await writeFile(join(work, 'soon.md'), `---\ntitle: "Soon"\npublished: ${due.toISOString()}\ndesk: World Desk\nlocation: Paris\nsource: The Reader\n---\n\nSoon.\n`);
  server = spawn(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port)], {
    cwd: ROOT,
    env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', ARTICLES_DIR: work, ASTRO_CACHE_DIR: join(work, 'cache'), SITE_URL: 'https://news.example', SOURCE_DATE_EPOCH: '' },
    stdio: 'ignore',
  });
  const sitemap = async () => (await fetch(`http://localhost:${port}/news-sitemap.xml`)).text();
  let before: string | undefined;
  for (let tries = 0; before === undefined && tries < 60; tries++) {
    before = await sitemap().catch(() => new Promise<undefined>((done) => setTimeout(done, 1000)));
  }
  // The server took longer to start than the 40 seconds: nothing left to compare.
  expect(Date.now()).toBeLessThan(due.getTime());
  expect(before).toContain('<urlset');
  expect(before).not.toContain('Soon');
  await new Promise((done) => setTimeout(done, due.getTime() - Date.now() + 1000));
  expect(await sitemap()).toContain('<news:title>Soon</news:title>');
});
