import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { unified, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import { sanitizeSchema } from './sanitize-schema';
import { rehypeArticleFacts } from './rehype-article-facts';
import { rehypeLinkEndnotes } from './link-endnotes';

/**
 * The Markdown pipeline of every article body; astro.config.mjs and the tests use this very object.
 *
 * Astro runs: remark-parse → GFM → smartypants → remark-rehype (raw HTML kept as `raw` nodes) →
 * these rehype plugins → its own image and heading-id plugins → its rehype-raw → stringify.
 * Order here, and why:
 * 1. rehype-raw parses the author's raw HTML into elements, so the sanitizer can *filter* it
 *    (hast-util-sanitize drops `raw` nodes whole, which would lose safe markup such as <abbr>).
 * 2. rehype-sanitize is the last step that sees untrusted input ("sanitize after the last unsafe thing").
 * 3. rehypeArticleFacts reads the clean tree (word count, first paragraph).
 * 4. rehypeLinkEndnotes records the body's links for the printed endnotes (src/lib/link-endnotes.ts).
 * Astro's later plugins only add heading ids from heading text; its rehype-raw finds no raw nodes left.
 */
export const markdownOptions = {
  gfm: true,
  smartypants: true,
  remarkPlugins: [],
  rehypePlugins: [rehypeRaw, [rehypeSanitize, sanitizeSchema], rehypeArticleFacts, rehypeLinkEndnotes],
} satisfies UnifiedProcessorOptions;

/** Astro's `markdown` setting: the unified processor above, no syntax highlighter (it would add inline styles). */
export const markdownConfig = {
  processor: unified(markdownOptions),
  syntaxHighlight: false,
} as const;
