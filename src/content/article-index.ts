import { lastLoadedArticles, loadArticleFiles, type ArticleIndexEntry } from './loader.ts';

const indexes = new Map<string, Promise<ArticleIndexEntry[]>>();

/**
 * Every article's slug and validated data, for build steps that run outside Astro's pages (sitemap dates,
 * social images): what the content loader read and checked in this build, else read straight from the files.
 * Computed once per process and shared by those steps.
 */
export function readArticleIndex(root: string): Promise<ArticleIndexEntry[]> {
  let index = indexes.get(root);
  if (!index) {
    const loaded = lastLoadedArticles(root);
    index = loaded ? Promise.resolve(loaded) : loadArticleFiles(root).then(() => lastLoadedArticles(root)!);
    indexes.set(root, index);
  }
  return index;
}
