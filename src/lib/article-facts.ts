import { render } from 'astro:content';
import type { ArticleEntry } from './articles';
import type { ArticleFacts } from './rehype-article-facts';

/** Renders an entry and returns its body component with the facts the Markdown pipeline recorded. */
export async function renderArticle(entry: ArticleEntry) {
  const { Content, remarkPluginFrontmatter } = await render(entry);
  const facts = remarkPluginFrontmatter as Partial<ArticleFacts> & { links?: string[] };
  return { Content, wordCount: facts.wordCount ?? 0, firstParagraph: facts.firstParagraph ?? '', links: facts.links ?? [] };
}
