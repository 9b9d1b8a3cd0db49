import rehypeRaw from 'rehype-raw';
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { parallelUnified } from './pool.ts';
import { sanitizeSchema } from '../security/sanitize-schema.ts';
import { rehypeSanitizeReported } from '../security/sanitize-report.ts';
import { rehypeArticleFacts } from './article-facts.ts';
import { rehypeParagraphIds } from './paragraph-ids.ts';
import { rehypeFootnoteWords } from './body-words.ts';
import { rehypeFigures } from './figures.ts';
import { rehypeHeadingIds } from './heading-ids.ts';
import { rehypeLinkEndnotes } from './link-endnotes.ts';
import { rehypeCheckLinks } from './link-check.ts';
import { rehypeXmlSafeText } from './xml-safe-text.ts';
import { remarkSmartypantsFast } from './smartypants.ts';

/**
 * The Markdown pipeline of every article body; astro.config.mjs and the tests use this very object.
 *
 * Astro runs: remark-parse → GFM → smart punctuation (ours, src/markdown/smartypants.ts) → remark-rehype (raw HTML kept as `raw` nodes) →
 * these rehype plugins → its own image and heading-id plugins → its rehype-raw → stringify.
 * Order here, and why:
 * 1. rehype-raw parses the author's raw HTML into elements, so the sanitizer can *filter* it
 *    (hast-util-sanitize drops `raw` nodes whole, which would lose safe markup such as <abbr>).
 * 2. rehype-sanitize (hast-util-sanitize, wrapped to warn the author naming the file and what it removed) is
 *    the last step that sees untrusted input ("sanitize after the last unsafe thing").
 * 3. rehypeXmlSafeText removes the characters XML forbids (a feed would be ill-formed), noting each for a warning;
 *    rehypeCheckLinks fails a body with a link or image address that is not a valid URL (src/markdown/link-check.ts).
 * 4. rehypeFigures turns each photograph into a numbered slot for the page's optimized picture, and an image alone in
 *    its paragraph into a figure with its caption (src/markdown/figures.ts).
 * 5. rehypeArticleFacts reads the clean tree (word count, first paragraph).
 * 6. rehypeLinkEndnotes records the body's links for the printed endnotes (src/markdown/link-endnotes.ts).
 * 7. rehypeParagraphIds gives each paragraph a stable id and link (after sanitizing, so ids stay unprefixed).
 * 8. rehypeHeadingIds gives each h2/h3 a stable id and records the h2s for the table of contents.
 * 9. rehypeFootnoteWords puts the footnotes' heading and links back in the article's language (src/markdown/body-words.ts;
 *    the loader passes the article's `lang` as the body's frontmatter, and rehypeParagraphIds names its links with it).
 * Astro's later plugins only add heading ids from heading text. Astro also appends rehype-raw; unified keeps one
 * entry per plugin function, so that is this same rehypeRaw, run once, in first place.
 */
export const markdownOptions = {
  gfm: true,
  // Astro's smartypants option runs remark-smartypants; remarkSmartypantsFast gives the same output in a fifth of the
  // smart-punctuation time (0.58 against 2.66 ms per article; see its file).
  smartypants: false,
  remarkPlugins: [remarkSmartypantsFast],
  rehypePlugins: [rehypeRaw, [rehypeSanitizeReported, sanitizeSchema], rehypeXmlSafeText, rehypeCheckLinks, rehypeFigures, rehypeArticleFacts, rehypeLinkEndnotes, rehypeParagraphIds, rehypeHeadingIds, rehypeFootnoteWords],
} satisfies UnifiedProcessorOptions;

/**
 * Astro's `markdown` setting: the unified processor above, run on worker threads in builds
 * (src/markdown/pool.ts); no syntax highlighter (it would add inline styles).
 */
export const markdownConfig = {
  processor: parallelUnified(markdownOptions, new URL('./worker.ts', import.meta.url)),
  syntaxHighlight: false,
} as const;
