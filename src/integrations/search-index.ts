import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * Astro integration: when the pages are written, Pagefind (the binary in its npm package; no network) indexes the
 * site into /pagefind/. It reads what the pages mark with Pagefind's own attributes: each article's
 * `data-pagefind-body` element, minus the parts marked `data-pagefind-ignore` (the article footer's links and
 * citation, the printed endnotes); pages without such an element are not indexed. Every language goes into one
 * index, so the one search page finds articles in any language. Pagefind runs in its own process; a failure fails
 * the build.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pagefind = await import('pagefind');
        const started = performance.now();
        try {
          const site = fileURLToPath(dir);
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          if (!index) throw new Error(`search index: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
          const problems = [...added.errors, ...written.errors];
          if (problems.length) throw new Error(`search index: ${problems.join('; ')}`);
          logger.info(`${added.page_count} pages indexed by Pagefind in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
