import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { labelsFor, type ChromeLabels } from '../format/i18n.ts';
import { SITE } from '../site.ts';

/**
 * The furniture words of the body being rendered, in its article's language: the articles loader
 * (src/content/loader.ts) gives each body its `lang` as the frontmatter Astro's renderer hands the pipeline
 * (`file.data.astro.frontmatter`); a body without one (a site page, an author's) is in the site's language.
 */
export function bodyLabels(file: VFile): ChromeLabels {
  const lang = (file.data as { astro?: { frontmatter?: { lang?: unknown } } }).astro?.frontmatter?.lang;
  return labelsFor(typeof lang === 'string' ? lang : SITE.lang);
}

/**
 * Puts the footnotes' furniture in the body's language: remark-rehype writes the hidden "Footnotes" heading and each
 * link back's name ("Back to reference 1", "… 1-2" for a second reference) in English, whatever the article's
 * language. A language without its words keeps them, marked `lang="en"`.
 */
export function rehypeFootnoteWords() {
  return (tree: Root, file: VFile) => {
    const t = bodyLabels(file);
    if (!t.lang && t.footnotes === labelsFor('en').footnotes) return;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'h2' && String(node.properties.id ?? '').endsWith('footnote-label')) {
        node.children = [{ type: 'text', value: t.footnotes }];
        node.properties.lang = t.lang;
      } else if (node.tagName === 'a' && node.properties.dataFootnoteBackref !== undefined && typeof node.properties.ariaLabel === 'string') {
        const n = /\d+(?:-\d+)?$/.exec(node.properties.ariaLabel)?.[0];
        if (n) node.properties.ariaLabel = t.backToReference(n);
        node.properties.lang = t.lang;
      }
    });
  };
}
