import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { load } from 'cheerio';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build.mjs';

// Real builds of a one-article folder (cheap): what `npm run build` does when two run at once in one folder, when
// dist is a symlink, and when no public origin is set.
const work = await mkdtemp(join(tmpdir(), 'reader-publish-build-'));
afterAll(() => rm(work, { recursive: true, force: true }));
const articles = join(work, 'articles');
await mkdir(articles);
await writeFile(join(articles, 'only-article.md'), '---\ntitle: "The Only Article"\npublished: 2024-03-01T09:00:00Z\ndesk: World Desk\nlocation: Paris\nsource: The Reader\n---\n\nOne paragraph.\n');
// No origin and no CI, whatever the machine's environment says; a cache of its own.
const env = { ARTICLES_DIR: articles, SITE_URL: '', CI: '', ASTRO_CACHE_DIR: join(work, 'cache') };

describe('npm run build in one folder', () => {
  it('publishes two builds started at once, one after the other, through a dist that is a symlink', { timeout: 600_000 }, async () => {
    await mkdir(join(work, 'web-root'));
    await symlink('web-root', join(work, 'dist'));
    const outDir = join(work, 'dist');
    const builds = await Promise.all([buildSite({ outDir, env, quiet: true }), buildSite({ outDir, env, quiet: true })]);
    expect(builds.map((b) => b.code)).toEqual([0, 0]);
    // The second waited, saying why.
    expect(builds.map((b) => b.output).join('\n')).toMatch(/Another build \(process \d+\) is publishing .*web-root: waiting for it to finish\./);
    expect((await lstat(outDir)).isSymbolicLink()).toBe(true);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'articles/only-article/index.html'))).toBe(true);
    // The first build's site, swapped out by the second, is deleted in the background.
    await expect.poll(async () => (await readdir(work)).sort(), { timeout: 10_000 }).toEqual(['articles', 'cache', 'dist', 'web-root']);
    // Unset origin: one warning line naming the setting, in each build.
    for (const { output } of builds) expect(output).toMatch(/\[WARN\] \[public-origin\] SITE_URL is not set \(nor SITE\.url in src\/site\.ts\)/);
  });

  it('fails with CI set and no origin, in one line naming SITE_URL, writing nothing', async () => {
    const outDir = join(work, 'ci-dist');
    const build = await buildSite({ outDir, env: { ...env, CI: 'true' }, quiet: true });
    expect(build.code).not.toBe(0);
    expect(build.output).toMatch(/SITE_URL is not set .* CI is set, so the build stops/);
    expect(build.output).not.toMatch(/\n\s+at /);
    expect((await readdir(work)).filter((name) => name.startsWith('ci-dist'))).toEqual([]);
  });
});

describe('the build time and the site time zone', () => {
  const seconds = (iso: string) => String(Date.parse(iso) / 1000);

  it('publishes a scheduled article from the first build after its time, and shows times in SITE_TIME_ZONE', { timeout: 600_000 }, async () => {
    const folder = join(work, 'scheduled-articles');
    await mkdir(folder);
    // Just after midnight UTC on 1 March 2030 is still 28 February in New York.
    await writeFile(join(folder, 'later.md'), '---\ntitle: "Later"\npublished: 2030-03-01T03:00:00Z\ndesk: Night Desk\nlocation: Paris\nsource: The Reader\n---\n\nLater.\n');
    await writeFile(join(folder, 'now.md'), '---\ntitle: "Now"\npublished: 2030-01-01\ndesk: World Desk\nlocation: Paris\nsource: The Reader\n---\n\nNow.\n');
    // Written in Paris time: shown in New York time, kept at +02:00 wherever a machine reads it.
    await writeFile(join(folder, 'warned.md'), '---\ntitle: "Warned"\npublished: 2030-01-01\ndesk: World Desk\nlocation: Paris\nsource: The Reader\n---\n\nOne paragraph.\n\n<script>alert(1)</script>\n');
    await writeFile(join(folder, 'offset.md'), '---\ntitle: "Offset"\npublished: 2030-01-02T14:30:00+02:00\nupdated: 2030-01-03T08:00:00-05:00\ndesk: World Desk\nlocation: Paris\nsource: The Reader\n---\n\nOffset.\n');
    const build = (time: string) => {
      const outDir = join(work, `scheduled-${time.slice(0, 10)}`);
      return buildSite({ outDir, env: { ...env, ARTICLES_DIR: folder, SITE_URL: 'https://news.example', SITE_TIME_ZONE: 'America/New_York', SOURCE_DATE_EPOCH: seconds(time) }, quiet: true }).then((b) => ({ ...b, outDir }));
    };
    const before = await build('2030-03-01T02:59:59Z');
    expect(before.code).toBe(0);
    // A clean log: a count in place of Astro's list of every page (interleaved, a timestamp each); the warnings stay,
    // naming the file and its line.
    expect(before.output).not.toMatch(/[├└]─|\(\+\d+ms\)/);
    expect(before.output).toMatch(/^\d\d:\d\d:\d\d \[build\] \d+ pages and files written in /m);
    expect(before.output).toMatch(/warned\.md: unsafe or unsupported markup removed from the body: <script> \(line 11\)/);
    expect(existsSync(join(before.outDir, 'articles/now/index.html'))).toBe(true);
    expect(existsSync(join(before.outDir, 'articles/later'))).toBe(false);
    expect(existsSync(join(before.outDir, 'desks/night-desk'))).toBe(false);
    expect(await readFile(join(before.outDir, 'rss.xml'), 'utf8')).not.toContain('Later');

    const after = await build('2030-03-01T03:00:00Z');
    expect(after.code).toBe(0);
    const $ = load(await readFile(join(after.outDir, 'articles/later/index.html'), 'utf8'));
    expect($('.dates time').first().text()).toBe('28 February 2030, 22:00 GMT-5');
    expect($('.dates time').first().attr('datetime')).toBe('2030-03-01T03:00:00.000Z');
    expect(existsSync(join(after.outDir, 'archive/2030/02/index.html'))).toBe(true);
    expect(existsSync(join(after.outDir, 'archive/2030/03'))).toBe(false);
    expect(await readFile(join(after.outDir, 'rss.xml'), 'utf8')).toContain('<pubDate>Fri, 01 Mar 2030 03:00:00 GMT</pubDate>');

    // An article's own offset is kept in datetime attributes, JSON-LD and the three feeds; the page shows the site's zone.
    const page = load(await readFile(join(after.outDir, 'articles/offset/index.html'), 'utf8'));
    expect(page('.dates').first().find('time').map((_, el) => `${page(el).attr('datetime')} ${page(el).text()}`).get()).toEqual([
      '2030-01-02T14:30:00+02:00 2 January 2030, 07:30 GMT-5',
      '2030-01-03T08:00:00-05:00 3 January 2030, 08:00 GMT-5',
    ]);
    expect(JSON.parse(page('script[type="application/ld+json"]').first().text())).toMatchObject({ datePublished: '2030-01-02T14:30:00+02:00', dateModified: '2030-01-03T08:00:00-05:00' });
    const rss = await readFile(join(after.outDir, 'rss.xml'), 'utf8');
    const atom = await readFile(join(after.outDir, 'atom.xml'), 'utf8');
    for (const xml of [rss, atom]) expect(XMLValidator.validate(xml)).toBe(true);
    const rssItem = new XMLParser().parse(rss).rss.channel.item.find((i: { title: string }) => i.title === 'Offset');
    expect(rssItem.pubDate).toBe('Wed, 02 Jan 2030 14:30:00 +0200');
    const atomEntry = new XMLParser().parse(atom).feed.entry.find((e: { title: string }) => e.title === 'Offset');
    expect([atomEntry.published, atomEntry.updated]).toEqual(['2030-01-02T14:30:00+02:00', '2030-01-03T08:00:00-05:00']);
    const json = JSON.parse(await readFile(join(after.outDir, 'feed.json'), 'utf8')) as { items: { title: string; date_published: string }[] };
    expect(json.items.find((i) => i.title === 'Offset')?.date_published).toBe('2030-01-02T14:30:00+02:00');
  });

  it('stops at an unknown time zone or build time in one line naming the setting, writing nothing', async () => {
    for (const [setting, value, line] of [
      ['SITE_TIME_ZONE', 'Europe/Lodnon', 'SITE_TIME_ZONE: "Europe/Lodnon" is not a time zone this Node.js knows'],
      ['SOURCE_DATE_EPOCH', 'next week', 'SOURCE_DATE_EPOCH: "next week" is not a time'],
    ]) {
      const outDir = join(work, 'bad-setting-dist');
      const build = await buildSite({ outDir, env: { ...env, SITE_URL: 'https://news.example', [setting!]: value! }, quiet: true });
      expect(build.code).not.toBe(0);
      expect(build.output).toContain(line);
      expect(build.output).not.toMatch(/\n\s+at /);
      expect((await readdir(work)).filter((name) => name.startsWith('bad-setting-dist'))).toEqual([]);
    }
  });
});
