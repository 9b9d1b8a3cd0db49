import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { recordBodyFacts } from './article-facts.ts';

/**
 * Links of a body that get a number on paper: every `<a href>` except in-page ones (`#…`: footnote references,
 * back-references). The print stylesheet numbers exactly these with a CSS counter, using the same rule:
 * `.article-body a[href]:not([href^="#"])`.
 */
export function isEndnoteLink(href: unknown): href is string {
  return typeof href === 'string' && href !== '' && !href.startsWith('#');
}

/** Every endnote link's href, in document order (the order of the CSS counter). */
export function collectEndnoteLinks(tree: Root): string[] {
  const links: string[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const href = (node as Element).properties.href;
      if (node.tagName === 'a' && isEndnoteLink(href)) links.push(href);
      walk(node.children);
    }
  };
  walk(tree.children);
  return links;
}

/**
 * Rehype plugin (runs after rehype-sanitize): records the body's links as `links` in
 * render(entry).remarkPluginFrontmatter, for the printed endnotes. The tree itself is left unchanged,
 * so feeds and the screen get the body as it was; the numbers in the text come from print CSS.
 */
export function rehypeLinkEndnotes() {
  return (tree: Root, file: VFile) => {
    recordBodyFacts(file, { links: collectEndnoteLinks(tree) });
  };
}

/**
 * The full URL to print for a link: relative links are resolved against the page's permalink.
 * @example endnoteUrl('/articles/x/', 'https://news.example/articles/y/') //=> 'https://news.example/articles/x/'
 */
export function endnoteUrl(href: string, permalink: string): string {
  try {
    return new URL(href, permalink).href;
  } catch {
    return href;
  }
}
