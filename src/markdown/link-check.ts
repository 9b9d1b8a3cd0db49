import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { recordBodyFacts } from './article-facts.ts';

/** Relative links are resolved against an article's permalink; this stands in for it. */
const PERMALINK = 'https://site.invalid/articles/slug/';

/** A link or image address of a body that is not a URL: where it is (line of the rendered text) and what. */
export interface InvalidLink {
  line?: number;
  what: 'link' | 'image';
  address: string;
}

/**
 * Rehype plugin (after the sanitizer): records as `invalidLinks` every link or image address of the body that a
 * browser could not resolve against the page (`[x](http://)`, `https://[bad]/`). The articles loader fails such a
 * body, naming the file, the line and the address; before, the feeds failed on it later with a stack trace. It
 * records rather than throws: Astro's renderer prints a thrown error with its stack before passing it on.
 */
export function rehypeCheckLinks() {
  return (tree: Root, file: VFile) => {
    const invalidLinks: InvalidLink[] = [];
    visit(tree, 'element', (node) => {
      for (const [attribute, what] of [['href', 'link'], ['src', 'image']] as const) {
        const address = node.properties?.[attribute];
        if (typeof address === 'string' && !URL.canParse(address, PERMALINK)) invalidLinks.push({ line: node.position?.start.line, what, address });
      }
    });
    recordBodyFacts(file, { invalidLinks });
  };
}
