import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { bodyLabels } from './body-words.ts';

/** Class of the empty "link to this paragraph" anchor; CSS draws its ¶ and the feeds drop it. */
export const PARAGRAPH_LINK_CLASS = 'pl';

/**
 * The id of a paragraph, from its own text only: `p-` and the first 6 hex digits of the SHA-256 of the
 * text with whitespace collapsed (NFC). Editing, inserting or removing another paragraph leaves it alone.
 * @example paragraphId('Hello  world.') //=> 'p-' + 6 hex digits, the same as for 'Hello world.'
 */
export function paragraphId(text: string): string {
  const normal = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return `p-${createHash('sha256').update(normal).digest('hex').slice(0, 6)}`;
}

/**
 * Gives every paragraph with text an id (see paragraphId) and an empty link to itself. Only the first link is a Tab
 * stop (ten paragraph links put the article's footer 28 Tab presses away): from it the arrow keys move between them
 * (src/scripts/enhance.ts), and a pointer reaches each one on hover.
 * Duplicates: the second paragraph with the same id gets `-2`, the third `-3`, in document order,
 * so only an identical paragraph added above can shift an id. A paragraph the author gave an id keeps it. Runs after rehype-sanitize: the ids are
 * ours, not the author's, so they are not prefixed.
 */
export function rehypeParagraphIds() {
  return (tree: Root, file: VFile) => {
    // Named in the article's language (English marked lang="en" where it has no words of its own).
    const { paragraphLink, lang } = bodyLabels(file);
    const seen = new Map<string, number>();
    let first = true;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'p') return;
      const text = toString(node);
      if (!text.trim()) return;
      // An id the author gave (already prefixed user-content- by the sanitizer) is kept, so links to it still work.
      let id = typeof node.properties.id === 'string' ? node.properties.id : undefined;
      if (!id) {
        const base = paragraphId(text);
        const count = (seen.get(base) ?? 0) + 1;
        seen.set(base, count);
        id = count === 1 ? base : `${base}-${count}`;
        node.properties.id = id;
      }
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}`, className: [PARAGRAPH_LINK_CLASS], ariaLabel: paragraphLink, lang, tabIndex: first ? undefined : -1 },
        children: [],
      });
      first = false;
    });
  };
}
