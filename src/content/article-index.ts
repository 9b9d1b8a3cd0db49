import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from './schema.ts';

/** What the build steps after the pages (sitemap dates, social images) need of an article. */
export interface ArticleIndexEntry {
  slug: string;
  data: Article;
}

/** The index file, in Astro's cache folder (the `cacheDir` setting). */
const INDEX_FILE = 'article-index.json';

/**
 * Writes the index of every valid article, as the loader stored them in this sync. It is how the integrations that
 * run after the pages (the sitemap's dates, the social images, in a child process) learn each article's data
 * without reading and checking every file again, whatever process or thread they run in.
 */
export async function writeArticleIndex(cacheDir: string, entries: ArticleIndexEntry[]): Promise<void> {
  const sorted = [...entries].sort((a, b) => (a.slug < b.slug ? -1 : 1));
  await writeFile(join(cacheDir, INDEX_FILE), JSON.stringify(sorted));
}

/**
 * The index the last sync wrote into `cacheDir`, its dates as Date objects again.
 * @throws when no sync has written one (the steps after the pages run only after Astro's sync).
 */
export async function readArticleIndex(cacheDir: string): Promise<ArticleIndexEntry[]> {
  const entries = JSON.parse(await readFile(join(cacheDir, INDEX_FILE), 'utf8')) as ArticleIndexEntry[];
  for (const { data } of entries) {
    data.published = new Date(data.published);
    if (data.updated) data.updated = new Date(data.updated);
    for (const correction of data.corrections) correction.date = new Date(correction.date);
  }
  return entries;
}
