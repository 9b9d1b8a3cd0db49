import { loadArticleFiles } from './article-loader';
import { validateFrontmatter } from './article-file';
import type { Article } from './article-schema';

/**
 * Every article's slug and validated data, read straight from the files, for build steps that run
 * outside Astro's pages (sitemap dates, social images). Runs after the build, so the files are valid.
 */
export async function readArticleIndex(root: string): Promise<Array<{ slug: string; data: Article }>> {
  const files = await loadArticleFiles(root);
  return [...files.entries()].flatMap(([path, raw]) => {
    const { data } = validateFrontmatter(path, raw.frontmatter);
    return data ? [{ slug: raw.slug, data }] : [];
  });
}
