import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SITE } from '../site.ts';

/**
 * Astro integration: when the pages are written, Pagefind (the binary in its npm package; no network) indexes the
 * article pages into /pagefind/. It reads what the pages mark with Pagefind's own attributes: each article's
 * `data-pagefind-body` element, minus the parts marked `data-pagefind-ignore` (the article footer's links and
 * citation, the printed endnotes). Every language goes into one index, so the one search page finds articles in any
 * language, filed under the site's (SITE.lang: the search page loads the index of its own language). Pagefind runs
 * in its own process; a failure fails the build.
 *
 * Memory, measured at 10,000 articles (BENCHMARKS.md): Pagefind 1.6 peaks while it writes the index. Given the
 * whole site it peaks at 1,560 MiB, as it keeps the listing pages it then leaves out; given the article pages alone,
 * 1,360 MiB. Its allocator can be told to give freed memory back at once (`_RJEM_MALLOC_CONF=dirty_decay_ms:0`,
 * read by its Linux binary from 1.5.2, not a documented option): about 1,020 MiB, but 1.4 s slower at 5,000 articles
 * and about 4 s at 10,000, which put the build over its time budget, so it is not set.
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
          const { index, errors } = await pagefind.createIndex({ forceLanguage: SITE.lang });
          if (!index) throw new Error(`search index: ${errors.join('; ')}`);
          // The article pages alone: given the whole site, Pagefind keeps the listing pages it then leaves out.
          const added = await index.addDirectory({ path: site, glob: 'articles/*/index.html' });
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
