import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { recordBodyFacts } from './article-facts.ts';

/**
 * Rehype plugin: the body's photographs. Each image a photograph of the article (a file beside it, `./photo.jpg`,
 * or an http(s) address, which the article check has allowed) becomes a numbered slot, `<img data-photo="N" alt>`,
 * and its address is recorded, in order, as the body fact `photos`. The loader hands those addresses to Astro's
 * `image()` (the entry's `figures`), and the page puts the optimized picture in each slot (src/images/pictures.ts):
 * AVIF and WebP in every size the column needs, with a fallback, width and height. Images in raw HTML are photographs
 * too, so `<figure><img …><figcaption>` works as well as Markdown.
 *
 * A Markdown image alone in its paragraph, `![alt](./photo.jpg "Caption — Credit")`, becomes a figure with its
 * caption under it: the title's text before the last " — " is the caption, after it the credit.
 */
export function rehypeFigures() {
  return (tree: Root, file: VFile) => {
    const photos: string[] = [];
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string') return;
      const src = node.properties.src;
      if (addressKind(src) === 'other') return;
      let slot = photos.indexOf(src);
      if (slot < 0) slot = photos.push(src) - 1;
      const title = typeof node.properties.title === 'string' ? node.properties.title : '';
      node.properties = { dataPhoto: String(slot), alt: typeof node.properties.alt === 'string' ? node.properties.alt : '' };
      if (parent?.type !== 'element' || index === undefined) return;
      if (parent.tagName === 'figure') {
        // The author's own figure: keep its figcaption, or make one from the image's title.
        if (title && !parent.children.some((child) => child.type === 'element' && child.tagName === 'figcaption')) parent.children.push(caption(title));
        parent.properties.className = ['photo'];
        return;
      }
      if (parent.tagName === 'p' && parent.children.every((child) => child === node || (child.type === 'text' && !child.value.trim()))) {
        // The paragraph is this image alone: it becomes the figure (the paragraph's place in its parent is kept).
        parent.tagName = 'figure';
        parent.properties = { className: ['photo'] };
        parent.children = title ? [node, caption(title)] : [node];
      }
    });
    if (photos.length) recordBodyFacts(file, { photos });
  };
}

/** A figcaption from an image title, "Caption — Credit": the credit in its own span, styled apart. */
function caption(title: string): Element {
  const at = title.lastIndexOf(' — ');
  const [text, credit] = at < 0 ? [title, ''] : [title.slice(0, at).trim(), title.slice(at + 3).trim()];
  const children: ElementContent[] = [];
  if (text) children.push({ type: 'text', value: text } satisfies Text);
  if (text && credit) children.push({ type: 'text', value: ' ' });
  if (credit) children.push({ type: 'element', tagName: 'span', properties: { className: ['photo-credit'] }, children: [{ type: 'text', value: credit }] });
  return { type: 'element', tagName: 'figcaption', properties: {}, children };
}

/**
 * What an image address is: a file beside the article (a relative path), a remote photograph (http or https), or
 * neither (an empty address, a #fragment, a site path such as /favicon.svg, another scheme: the sanitizer removes
 * `javascript:` and the like, and the rest are not the article's photographs), by the rule the sanitizer uses: a
 * colon before any `/`, `?` or `#` starts a scheme.
 */
export function addressKind(src: string): 'file' | 'remote' | 'other' {
  const value = src.trim();
  if (!value || value.startsWith('#') || value.startsWith('/')) return 'other';
  const colon = value.indexOf(':');
  const end = value.search(/[/?#]/);
  if (colon < 0 || (end >= 0 && end < colon)) return 'file';
  return /^https?:$/i.test(value.slice(0, colon + 1)) ? 'remote' : 'other';
}
