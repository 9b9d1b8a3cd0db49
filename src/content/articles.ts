import type { CollectionEntry } from 'astro:content';
import { SITE } from '../site';
import { truncateAtWord } from '../format/text.ts';
import type { ArticleFacts } from '../markdown/article-facts.ts';
import type { BodyHeading } from '../markdown/heading-ids.ts';
import { isPublic } from './build-time.ts';

export type ArticleEntry = CollectionEntry<'articles'>;

/** Production builds leave out drafts and articles scheduled after the build time; `astro dev` shows them. */
export function isPublished(entry: Pick<ArticleEntry, 'data'>, production = import.meta.env.PROD, now?: Date): boolean {
  return isPublic(entry.data, production, now);
}

/** Newest first by publication date; ties broken by headline so the order is stable. */
export function byNewest(a: { data: Pick<ArticleEntry['data'], 'published' | 'title'> }, b: { data: Pick<ArticleEntry['data'], 'published' | 'title'> }): number {
  return b.data.published.getTime() - a.data.published.getTime() || a.data.title.localeCompare(b.data.title);
}

/** The permalink path of an article: /articles/<slug>/. */
export function articlePath(slug: string): string {
  return `/articles/${slug}/`;
}

/** Whole minutes to read a body of `wordCount` words, at least 1. */
export function readingMinutes(wordCount: number, wordsPerMinute: number = SITE.wordsPerMinute): number {
  return Math.max(1, Math.round(wordCount / wordsPerMinute));
}

/**
 * The meta description: the dek when there is one, else the first paragraph cut at a word boundary.
 * @example metaDescription(undefined, 'One two three four', 10) //=> 'One two…'
 */
export function metaDescription(description: string | undefined, firstParagraph: string, max = 160): string {
  return truncateAtWord(description ?? firstParagraph, max);
}

/** What the Markdown pipeline recorded about a body (src/markdown/article-facts.ts, link-endnotes.ts). */
export interface BodyFacts extends ArticleFacts {
  /** The body's links, listed as endnotes on paper. */
  links: string[];
  /** The body's section headings (h2), for the table of contents (src/markdown/heading-ids.ts). */
  headings: BodyHeading[];
}

/**
 * The facts of a rendered body, from what the pipeline put in its frontmatter: `render(entry).remarkPluginFrontmatter`
 * in a route, `entry.rendered.metadata.frontmatter` where only the data is at hand (cards, feeds).
 */
export function bodyFacts(frontmatter: unknown): BodyFacts {
  const facts = (frontmatter ?? {}) as Partial<BodyFacts>;
  return { wordCount: facts.wordCount ?? 0, firstParagraph: facts.firstParagraph ?? '', links: facts.links ?? [], headings: facts.headings ?? [] };
}
