import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { recordBodyFacts } from './article-facts.ts';

/** A section heading of the body, for the table of contents. */
export interface BodyHeading {
  id: string;
  text: string;
}

/** Fewer section headings than this: the article is short enough to read without a table of contents. */
const MIN_CONTENTS_HEADINGS = 3;

/** Whether an article with these section headings gets a table of contents (TableOfContents.astro). */
export function hasContents(headings: readonly BodyHeading[]): boolean {
  return headings.length >= MIN_CONTENTS_HEADINGS;
}

/**
 * Records the h2s of the body as the `headings` fact for the table of contents, and makes sure every h2 and h3 has
 * a stable id. Astro's Markdown step has already given each heading the GitHub-style slug of its own text (a
 * repeated heading gets -1, -2 in order), which the sanitizer prefixed `user-content-` so a heading can never take
 * one of the page's own ids: editing another section never changes it. A heading left without one (raw HTML)
 * gets the same form here.
 */
export function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    const headings: BodyHeading[] = [];
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'h2' && node.tagName !== 'h3') return;
      const text = toString(node).replace(/\s+/g, ' ').trim();
      if (typeof node.properties.id !== 'string') node.properties.id = `user-content-${slugger.slug(text) || 'section'}`;
      if (node.tagName === 'h2' && text) headings.push({ id: node.properties.id as string, text });
    });
    recordBodyFacts(file, { headings });
  };
}
