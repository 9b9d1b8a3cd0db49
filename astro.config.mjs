// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { markdownConfig } from './src/markdown/processor.ts';
import sitemap from '@astrojs/sitemap';
import { sitemapOptions } from './src/sharing/sitemap.ts';
import { socialImages } from './src/integrations/social-images.ts';
import { pagePolicies } from './src/integrations/page-policies.ts';

/** The public origin of the site; set SITE_URL when building for a real host. */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  // Permalinks are /articles/<slug>/: the trailing slash is part of every URL, so none redirects.
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 8 },
  markdown: markdownConfig,
  server: { port: 4321, host: 'localhost' },
  devToolbar: { enabled: false },
  // Scripts are never inlined: the one enhancement module is a cached file, outside the HTML byte budget.
  vite: { build: { assetsInlineLimit: 0 } },
  // The benchmark points each build at its own cache, so a "cold" build really is cold.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  // Sitemap with each article's lastmod; social preview images rendered after the pages, cached by content;
  // every page's Content-Security-Policy, added as the pages are rendered.
  integrations: [sitemap(sitemapOptions(fileURLToPath(new URL('.', import.meta.url)))), socialImages(), pagePolicies()],
});
