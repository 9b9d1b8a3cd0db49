import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/build.mjs';
import { FIXTURE_ARTICLES, FIXTURE_AUTHORS, SEED_ARTICLES } from '../helpers/paths';
import { writeNewsroom } from '../helpers/newsroom-fixtures';
import { photo } from '../helpers/photo-fixtures';

// Astro's incremental build (experimental.incrementalBuild; src/newsroom/page-keys.ts): a build after an edit, a new
// article or a replaced photograph renders again only the pages whose keys changed, and copies the others from the
// last build. Whatever it skipped, its dist/ must be byte for byte what a cold build of the same content gives: every
// page, listing, feed, sitemap, social image and the search index.
const work = await mkdtemp(join(tmpdir(), 'reader-incremental-'));
afterAll(() => rm(work, { recursive: true, force: true }));
const articles = join(work, 'articles');
await cp(SEED_ARTICLES, articles, { recursive: true });
await cp(FIXTURE_ARTICLES, articles, { recursive: true });
await writeNewsroom(articles);
const folder = join(articles, 'quay-photograph');
await mkdir(folder);
await writeFile(join(folder, 'lead.jpg'), await photo(1600, 1067));
await writeFile(
  join(folder, 'index.md'),
  '---\ntitle: "Quay Reopens"\npublished: 2025-02-20T08:00:00Z\ndesk: World Desk\nlocation: Haifa\nsource: The Reader\nimage: { src: ./lead.jpg, alt: "The quay at dawn" }\n---\n\nDock workers returned on Tuesday.\n',
);

/**
 * Each build at its own time, an hour after the one before, as a newsroom's builds are; a warm build and the cold
 * build it is compared with share theirs (pages show an article's age).
 */
const at = (hour: number) => String(Date.parse('2026-06-01T00:00:00Z') / 1000 + hour * 3600);
const build = async (name: string, cache: string, hour: number) => {
  const outDir = join(work, name);
  const env = { ARTICLES_DIR: articles, AUTHORS_DIR: FIXTURE_AUTHORS, SITE_URL: 'http://localhost:4321', SOURCE_DATE_EPOCH: at(hour), ASTRO_CACHE_DIR: join(work, cache, 'astro'), SOCIAL_IMAGE_CACHE: join(work, cache, 'social'), SEARCH_SHARD_PAGES: '8' };
  const result = await buildSite({ outDir, env, quiet: true });
  expect(result.code, result.output.slice(-2000)).toBe(0);
  // The policy integration counts the pages Astro rendered (a page copied from the last build is not rendered).
  const rendered = Number(/Content-Security-Policy: (\d+) pages/.exec(result.output)?.[1]);
  // The search index integration counts the parts of the index Pagefind made again (the rest came from the cache).
  const [, parts, indexed] = /(\d+) parts \((\d+) indexed by Pagefind/.exec(result.output)?.map(Number) ?? [];
  return { outDir, rendered, parts, indexed };
};

async function files(dir: string): Promise<Map<string, Buffer>> {
  const all = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) all.set(relative(dir, join(entry.parentPath, entry.name)), await readFile(join(entry.parentPath, entry.name)));
  }
  return all;
}

/** The files that differ between two builds (missing on one side, or other bytes). */
async function differences(a: string, b: string): Promise<string[]> {
  const [left, right] = await Promise.all([files(a), files(b)]);
  const names = [...new Set([...left.keys(), ...right.keys()])].sort();
  return names.filter((name) => !left.get(name)?.equals(right.get(name) ?? Buffer.alloc(0)) || !right.has(name));
}

const edit = async (file: string, change: (text: string) => string) => writeFile(file, change(await readFile(file, 'utf8')));

describe('a build after a change', { timeout: 900_000 }, () => {
  let total = 0;

  it('after one article is edited: renders only the pages that show it, and gives the same dist/ as a cold build', async () => {
    total = (await build('dist', 'kept', 0)).rendered;
    expect(total).toBeGreaterThan(100);
    await edit(join(articles, 'newsroom-story-10.md'), (text) => `${text.replace('title: "Newsroom story', 'title: "Edited: Newsroom story')}\nA sentence added by the editor.\n`);
    const warm = await build('dist', 'kept', 1);
    expect(warm.rendered).toBeGreaterThan(0);
    expect(warm.rendered).toBeLessThan(total / 3);
    // The search index in parts of at most 8 pages: 8 parts (a power of two, src/search/shards.ts); the edited
    // article's part alone is indexed again.
    expect(warm.parts).toBe(8);
    expect(warm.indexed).toBe(1);
    const cold = await build('cold-edit', 'cold-edit', 1);
    expect(cold.rendered).toBe(total);
    expect(await differences(cold.outDir, warm.outDir)).toEqual([]);
  });

  it('after a new article (it shifts listings, neighbours and feeds) and a photograph replaced under the same name: the same dist/ as a cold build', async () => {
    await writeFile(join(articles, 'breaking.md'), '---\ntitle: "Breaking: Port Strike Ends"\npublished: 2025-03-01T06:00:00Z\ndesk: World Desk\nlocation: London\nsource: The Reader\ntags: [Economy]\n---\n\nThe strike ended overnight.\n');
    await writeFile(join(folder, 'lead.jpg'), await photo(1800, 1200, { hue: 200 }));
    const warm = await build('dist', 'kept', 2);
    expect(warm.rendered).toBeLessThan(total / 2);
    const cold = await build('cold-new', 'cold-new', 2);
    expect(await differences(cold.outDir, warm.outDir)).toEqual([]);
  });
});
