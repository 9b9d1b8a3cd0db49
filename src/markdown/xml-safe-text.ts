import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { recordBodyFacts } from './article-facts.ts';

/**
 * Characters XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; lone surrogates). One of them
 * in a body would make the whole RSS or Atom feed ill-formed, and feed readers drop every item of such a feed.
 */
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A forbidden character removed from a body: where (line of the rendered text) and which (U+0007). */
export interface RemovedCharacter {
  line?: number;
  character: string;
}

/** U+0007 for a character. */
export const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Rehype plugin: removes the characters XML forbids from the body's text and attribute values, wherever they came
 * from (typed, or written as `&#1;`), and records each as `removedCharacters` for the loader's warning.
 */
export function rehypeXmlSafeText() {
  return (tree: Root, file: VFile) => {
    const removed: RemovedCharacter[] = [];
    const clean = (value: string, line?: number) =>
      value.replace(XML_FORBIDDEN, (character) => {
        removed.push({ line, character: codePoint(character) });
        return '';
      });
    visit(tree, (node) => {
      const line = node.position?.start.line;
      if (node.type === 'text' || node.type === 'comment') node.value = clean(node.value, line);
      else if (node.type === 'element') {
        for (const [name, value] of Object.entries(node.properties ?? {})) {
          if (typeof value === 'string') node.properties[name] = clean(value, line);
          else if (Array.isArray(value)) node.properties[name] = value.map((v) => (typeof v === 'string' ? clean(v, line) : v));
        }
      }
    });
    recordBodyFacts(file, { removedCharacters: removed });
  };
}
