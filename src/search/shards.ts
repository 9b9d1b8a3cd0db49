import { createHash } from 'node:crypto';

/**
 * The search index in parts ("shards"), so that a build indexes again only the part whose pages changed.
 *
 * Pagefind has no incremental mode (Pagefind issue 71): given the whole site it reads and indexes every article page
 * on every build (10.4 s of a 46.7 s build after one edit at 5,000 articles, 20.4 s at 10,000), and its memory grows
 * with the pages it holds (1,360 MiB at 10,000). The article pages are dealt into shards by a hash of their address,
 * so a shard's members do not change when another article is added or edited; each shard is its own Pagefind index,
 * kept in Astro's cache folder under a hash of its pages, and the search page merges them (Pagefind's `mergeIndex`,
 * searched with the first index's WebAssembly: one download of it, one more small request per shard).
 *
 * A shard holds at most SHARD_PAGES article pages, half as many or more on average (SEARCH_SHARD_PAGES overrides it;
 * the tests build small sites with small shards); at most MAX_SHARDS of them: past MAX_SHARDS × SHARD_PAGES pages,
 * the shards grow instead.
 */
export const SHARD_PAGES = 2000;
export const MAX_SHARDS = 16;
export const SHARD_PAGES_SETTING = 'SEARCH_SHARD_PAGES';

/** A problem with SEARCH_SHARD_PAGES, in one line naming it; undefined when it is unset or a whole number from 1. */
export function shardPagesProblem(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '' || /^[1-9]\d*$/.test(value.trim())) return undefined;
  return `${SHARD_PAGES_SETTING} is "${value}": give the number of article pages in one part of the search index, a whole number from 1 (default ${SHARD_PAGES}).`;
}

/** Article pages in one shard: SEARCH_SHARD_PAGES, else SHARD_PAGES. */
export function shardPages(env: Record<string, string | undefined> = process.env): number {
  const value = env[SHARD_PAGES_SETTING]?.trim();
  return value && !shardPagesProblem(value) ? Number(value) : SHARD_PAGES;
}

/**
 * How many shards `pages` article pages make: a power of two, the smallest that gives shards of at most `perShard`
 * pages, at most MAX_SHARDS. When the number changes, every page is dealt again and every shard indexed again; with
 * one shard per `perShard` pages that happened at every multiple of it (the benchmark's new article at 10,000
 * articles made 6 shards of 5 and took 17.9 s of search index instead of 4.4 s); doubling, it happens at 2,000, 4,000,
 * 8,000 and 16,000 pages only.
 */
export function shardCount(pages: number, perShard: number = shardPages()): number {
  let count = 1;
  while (count < MAX_SHARDS && count * perShard < pages) count *= 2;
  return count;
}

/** The shard of an article page, by a hash of its slug: the same for as long as the number of shards is the same. */
export function shardOf(slug: string, count: number): number {
  return createHash('sha256').update(slug).digest().readUInt32BE(0) % count;
}

/** The folder of shard `i` in the site: the first is Pagefind's usual /pagefind/, the others /pagefind/<i>/. */
export function shardFolder(i: number): string {
  return i === 0 ? 'pagefind' : `pagefind/${i}`;
}

/** The file, in the first shard's folder, that lists the other shards' folders for the search page to merge. */
export const SHARD_LIST = 'pagefind/shards.json';
