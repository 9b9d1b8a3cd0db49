// @ts-check
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig, sharpImageService } from 'astro/config';
import { markdownConfig } from './src/markdown/processor.ts';
import { siteMap } from './src/integrations/sitemap.ts';
import { socialImages } from './src/integrations/social-images.ts';
import { pagePolicies } from './src/integrations/page-policies.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { imageRemotePatterns } from './src/content/photos.ts';
import { publicOrigin } from './src/integrations/public-origin.ts';
import { resolveOrigin } from './src/sharing/origin.ts';
import { SITE } from './src/site.ts';
import { settingProblems } from './src/settings.ts';
import { storeFromFile } from './src/content/store-module.ts';
import { releasingMemory } from './src/integrations/release-memory.ts';

/** The public origin of the site: SITE_URL, else SITE.url (src/site.ts); an invalid value stops here, naming it. */
const origin = (() => {
  try {
    return resolveOrigin(process.env.SITE_URL, SITE.url);
  } catch (error) {
    // The message names the setting and what is wrong; Astro would print its stack trace under it.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
})();
// The other settings (time zone, build time): one line each, then stop, before anything reads them.
const problems = settingProblems();
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const site = origin.url;
const root = fileURLToPath(new URL('.', import.meta.url));
/**
 * Astro's cache: the content store (each article's data and rendered body, reused while its file and the code are
 * unchanged) and the article index. The benchmark points each build at its own cache, so a "cold" build really is cold.
 */
const cacheDir = resolve(root, process.env.ASTRO_CACHE_DIR || 'node_modules/.astro');

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
  cacheDir,
  // A page whose cache key (src/newsroom/page-keys.ts) and code are unchanged is copied from the last build's output
  // (kept in <cacheDir>/dist) instead of being rendered again.
  experimental: { incrementalBuild: true },
  // Photographs by address only from the site's image hosts (SITE.imageHosts), fetched and optimized at build time.
  // Astro keeps every encoded photograph in <cacheDir>/assets: the next build re-encodes none.
  // Encoder effort, measured on a 2400×1600 photograph resized to 1280 px (sharp 0.35): AVIF at effort 2 takes a
  // quarter of the default effort 4's time (1.2 s against 4.7 s) for 22 % more bytes, WebP at effort 2 a third
  // (0.17 against 0.58 s) for 9 % more; mozjpeg halves the JPEG fallbacks and previews (22 against 43 KB) at the same time.
  image: {
    service: sharpImageService({ avif: { effort: 2 }, webp: { effort: 2 }, jpeg: { mozjpeg: true } }),
    remotePatterns: imageRemotePatterns(),
  },
  // As the pages are rendered: each page's Content-Security-Policy (its workers end before the next steps start).
  // After the pages, in this order: the sitemap (each article's lastmod), the garbage of the pages collected (and once
  // more as they start: src/integrations/release-memory.ts), the social preview images (cached by content, in a child
  // process), the search index.
  // First of all, the pages read the content store from Astro's file instead of a copy inlined into their code
  // (src/content/store-module.ts).
  integrations: [storeFromFile(), publicOrigin(origin), pagePolicies(), siteMap(cacheDir), releasingMemory(), socialImages(), searchIndex()],
});
