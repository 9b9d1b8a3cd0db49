import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleLoader } from './content/loader';
import { collectionSchema } from './content/schema';
import { PAGES_DIR, sitePageSchema } from './content/site-pages';
import { AUTHORS_DIR, authorSchema } from './content/authors';

/**
 * content/articles/<slug>.md (or <slug>/index.md with its photographs), validated by the one article schema;
 * content/pages/<slug>.md, the site's own pages; content/authors/<slug>.md, the authors bylines link to.
 */
export const collections = {
  articles: defineCollection({ loader: articleLoader(), schema: collectionSchema }),
  // Astro's glob loader renders with the same markdown.processor (astro.config.mjs): same pipeline and sanitizer.
  // An empty or missing folder gives no pages (and a warning), not a failed build.
  pages: defineCollection({ loader: glob({ pattern: '*.md', base: PAGES_DIR }), schema: sitePageSchema }),
  authors: defineCollection({ loader: glob({ pattern: '*.md', base: AUTHORS_DIR }), schema: authorSchema }),
};
