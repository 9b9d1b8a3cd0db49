import type { Root, Element } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';

/** Facts about a rendered body, read back through render(entry).remarkPluginFrontmatter. */
export interface ArticleFacts {
  /** Number of words in the body. */
  wordCount: number;
  /** The first paragraph as plain text: the fallback meta description. */
  firstParagraph: string;
}

/**
 * Records facts about a body where Astro passes them on: the rendered entry's frontmatter
 * (`render(entry).remarkPluginFrontmatter`, `entry.rendered.metadata.frontmatter`). Every plugin of the pipeline
 * that reports something about the body uses this.
 */
export function recordBodyFacts(file: VFile, facts: Record<string, unknown>): void {
  const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
  astro.frontmatter = { ...astro.frontmatter, ...facts };
}

/** Counts words in any script: runs of letters/digits (Arabic, Hebrew and Latin alike). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}'’-]|[.,](?=\p{N}))*/gu)?.length ?? 0;
}

/** Rehype plugin: records word count and first paragraph of the (already sanitized) body. */
export function rehypeArticleFacts() {
  return (tree: Root, file: VFile) => {
    const first = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'p');
    const facts: ArticleFacts = {
      wordCount: countWords(toString(tree)),
      firstParagraph: first ? toString(first).replace(/\s+/g, ' ').trim() : '',
    };
    recordBodyFacts(file, { ...facts });
  };
}
