import { loadArticleFiles } from './article-loader';
import type { Article } from './article-schema';

const indexes = new Map<string, Promise<Array<{ slug: string; data: Article }>>>();

/**
 * Every article's slug and validated data, read straight from the files, for build steps that run
 * outside Astro's pages (sitemap dates, social images). Runs after the build, so the files are valid;
 * read once per process and shared by those steps.
 */
export function readArticleIndex(root: string): Promise<Array<{ slug: string; data: Article }>> {
  let index = indexes.get(root);
  if (!index) {
    index = loadArticleFiles(root).then((files) => [...files.values()].map(({ raw, data }) => ({ slug: raw.slug, data })));
    indexes.set(root, index);
  }
  return index;
}
