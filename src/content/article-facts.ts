import { render } from 'astro:content';
import { renderedBody, type ArticleBody } from './article-bodies';
import type { ArticleEntry } from './articles';
import type { ArticleFacts } from '../markdown/article-facts';

/**
 * An article's rendered, sanitized body HTML with the facts the Markdown pipeline recorded (word count, first
 * paragraph, links). In a build the body comes from the articles loader, which renders it beside Astro's own
 * work (src/content/article-bodies.ts); in `astro dev` from Astro's store, where the glob loader put it.
 */
export async function renderArticle(entry: ArticleEntry): Promise<ArticleBody> {
  const built = renderedBody(entry.id);
  if (built) return built;
  // Neither: the pages would be built without their bodies (say, if Astro rendered pages in another process).
  if (!entry.rendered) throw new Error(`${entry.filePath ?? entry.id}: body: not rendered in this build`);
  const { remarkPluginFrontmatter } = await render(entry);
  const facts = remarkPluginFrontmatter as Partial<ArticleFacts> & { links?: string[] };
  return { html: entry.rendered.html, wordCount: facts.wordCount ?? 0, firstParagraph: facts.firstParagraph ?? '', links: facts.links ?? [] };
}
