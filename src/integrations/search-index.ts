import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SITE } from '../site.ts';
import { linkTree } from './cache-files.ts';
import { SHARD_LIST, shardCount, shardFolder, shardOf } from '../search/shards.ts';

/** An article's page in a built site. */
const articlePage = (site: string, slug: string) => join(site, 'articles', slug, 'index.html');

/** The article pages of a built site: the slugs of articles/<slug>/index.html, sorted. */
async function articlePages(site: string): Promise<string[]> {
  const folders = await readdir(join(site, 'articles'), { withFileTypes: true }).catch(() => []);
  return folders.filter((entry) => entry.isDirectory() && existsSync(articlePage(site, entry.name))).map((entry) => entry.name).sort();
}

/** The article without its age notice: a paragraph of text alone (`<p class="age-notice" …>…</p>`). */
function withoutAgeNotice(article: string): string {
  const start = article.indexOf('<p class="age-notice"');
  const end = start < 0 ? -1 : article.indexOf('</p>', start);
  return end < 0 ? article : article.slice(0, start) + article.slice(end + '</p>'.length);
}

/**
 * What Pagefind reads of an article page, as a page of its own: the page's language and its `data-pagefind-body`
 * element (headline, credit, dates, body; the meta and ignored parts are inside it). Pagefind indexes nothing else
 * of a page that has such an element, so the index is the same; but a page whose neighbours, related articles or
 * listings changed gives the same text, and its shard is not indexed again for it. A page without the element is
 * given whole. The age notice above the headline (src/components/StoryTop.astro, words written at the build's time) is
 * left out: an excerpt would give a year-old page's age as it was at the build, and a new year would change the text
 * of every old page's shard. (Marking it `data-pagefind-ignore` would do the first, not the second, and cost the seed
 * page bytes its budget has not: 6,017 of 6,000 B.)
 */
export function searchablePart(html: string): string {
  const start = /<article\b[^>]*\bdata-pagefind-body\b/.exec(html)?.index;
  if (start === undefined) return html;
  const tags = /<article\b|<\/article>/g;
  tags.lastIndex = start;
  let depth = 0;
  let end = html.length;
  for (let tag; (tag = tags.exec(html)); ) {
    depth += tag[0] === '</article>' ? -1 : 1;
    if (depth === 0) {
      end = tags.lastIndex;
      break;
    }
  }
  const root = /<html\b[^>]*>/.exec(html)?.[0] ?? '<html>';
  return `<!DOCTYPE html>${root}<head><meta charset="utf-8"></head><body>${withoutAgeNotice(html.slice(start, end))}</body></html>`;
}

/**
 * What Pagefind reads of an article page of the built site, as the page's bytes (one Latin-1 character per byte of
 * its UTF-8; written back as Latin-1 they are the same bytes). searchablePart looks for ASCII tags and attributes
 * only, so it cuts a page's bytes where it would cut its text, and no page is decoded: keying the 10,000 pages of the
 * bench after an edit took 2.0 s read as UTF-8 (1.3 s of it decoding, 0.5 s hashing the two-byte strings) and 0.9 s
 * so. Read synchronously: at 5,000 pages, one `readFileSync` after another took 0.24 s where `fs/promises` `readFile`
 * took 2.5 s (1.5 s all at once), on this machine.
 */
export const readSearchable = (page: string): string => searchablePart(readFileSync(page, 'latin1'));

/** A shard's key: Pagefind's version, the site's language, and what Pagefind reads of each of its pages. */
function shardKey(site: string, slugs: string[], version: string): string {
  const hash = createHash('sha256').update(`pagefind ${version}\0${SITE.lang}\0`);
  for (const slug of slugs) hash.update(`${slug}\0`).update(readSearchable(articlePage(site, slug)), 'latin1').update('\0');
  return hash.digest('hex');
}

/**
 * Astro integration: when the pages are written, Pagefind (the binary in its npm package; no network) indexes the
 * article pages into /pagefind/. It reads what the pages mark with Pagefind's own attributes: each article's
 * `data-pagefind-body` element, minus the parts marked `data-pagefind-ignore` (the article footer's links and
 * citation, the printed endnotes). Every language goes into one index, filed under the site's (SITE.lang: the search
 * page loads the index of its own language). Pagefind runs in its own process; a failure fails the build.
 *
 * The index is made in shards (src/search/shards.ts): what Pagefind reads of each shard's pages (searchablePart) is
 * written into a folder of their own and indexed there, and the shard's files are kept in
 * <cacheDir>/search-index/<key>, where the key is a hash of that text; a later build whose shard reads the same copies
 * it from there instead of indexing it again. Shards no build uses any more are removed from the cache.
 *
 * Memory, measured at 10,000 articles in one index (BENCHMARKS.md): Pagefind 1.6 peaked at 1,360 MiB while it wrote
 * the index of the article pages (1,560 MiB given the whole site, as it keeps the listing pages it then leaves out).
 * Its allocator can be told to give freed memory back at once (`_RJEM_MALLOC_CONF=dirty_decay_ms:0`, read by its
 * Linux binary from 1.5.2, not a documented option): about 1,020 MiB, but 1.4 s slower at 5,000 articles and about 4
 * s at 10,000, so it is not set.
 */
export function searchIndex(): AstroIntegration {
  let cacheDir = '';
  let version = '';
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = join(fileURLToPath(config.cacheDir), 'search-index');
        // Pagefind's package exports neither its package.json nor a CommonJS entry: read the file where npm put it.
        version = (JSON.parse(readFileSync(new URL('node_modules/pagefind/package.json', config.root), 'utf8')) as { version: string }).version;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const site = fileURLToPath(dir);
        const slugs = await articlePages(site);
        const dealt: string[][] = Array.from({ length: shardCount(slugs.length) }, () => []);
        for (const slug of slugs) dealt[shardOf(slug, dealt.length)]!.push(slug);
        // A shard the hash gave no page is left out (Pagefind's index of nothing has no language to merge with);
        // the others take the folders in order. A site without articles keeps one, empty.
        const filled = dealt.filter((members) => members.length > 0);
        const shards = filled.length ? filled : [[]];
        const count = shards.length;
        const keys = shards.map((members) => shardKey(site, members, version));
        const pagefind = await import('pagefind');
        const staging = join(site, '.search-shard');
        let indexed = 0;
        try {
          await mkdir(cacheDir, { recursive: true });
          for (const [i, members] of shards.entries()) {
            const out = join(site, shardFolder(i));
            const kept = join(cacheDir, keys[i]!);
            if (existsSync(join(kept, 'pagefind-entry.json'))) {
              linkTree(kept, out);
              continue;
            }
            // The shard's pages, what Pagefind reads of them, in a folder of their own at the same addresses.
            await rm(staging, { recursive: true, force: true });
            // Written synchronously for the same reason as they are read so (3.3 s with fs/promises at 5,000 pages).
            for (const slug of members) {
              mkdirSync(join(staging, 'articles', slug), { recursive: true });
              writeFileSync(join(staging, 'articles', slug, 'index.html'), readSearchable(articlePage(site, slug)), 'latin1');
            }
            const { index, errors } = await pagefind.createIndex({ forceLanguage: SITE.lang });
            if (!index) throw new Error(`search index: ${errors.join('; ')}`);
            const added = await index.addDirectory({ path: staging, glob: 'articles/*/index.html' });
            const written = await index.writeFiles({ outputPath: out });
            await index.deleteIndex();
            const problems = [...added.errors, ...written.errors];
            if (problems.length) throw new Error(`search index: ${problems.join('; ')}`);
            indexed += 1;
            // Into the cache whole or not at all: linked beside its place, then renamed.
            await rm(`${kept}.partial`, { recursive: true, force: true });
            linkTree(out, `${kept}.partial`);
            await rm(kept, { recursive: true, force: true });
            await rename(`${kept}.partial`, kept);
          }
          // The search page merges the other shards (src/pages/search.astro).
          await writeFile(join(site, SHARD_LIST), JSON.stringify(shards.slice(1).map((_, i) => `/${shardFolder(i + 1)}/`)));
          const used = new Set(keys);
          for (const name of await readdir(cacheDir)) if (!used.has(name)) await rm(join(cacheDir, name), { recursive: true, force: true });
          logger.info(`${slugs.length} pages in the search index, ${count} part${count === 1 ? '' : 's'} (${indexed} indexed by Pagefind, ${count - indexed} from the cache) in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await rm(staging, { recursive: true, force: true });
          await pagefind.close();
        }
      },
    },
  };
}
