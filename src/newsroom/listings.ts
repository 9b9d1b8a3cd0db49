import { format } from 'date-fns/format';
import { tz } from '@date-fns/tz';
import type { Article } from '../content/schema';
import { byNewest } from '../content/articles';
import { nameSlug } from './slugs';
import { SITE } from '../site';
import { labelsFor } from '../format/i18n';
import { baseLanguage } from '../format/language';
import { pad, wallClock } from '../format/dates';

/** What a listing needs of an article: its id (slug) and frontmatter. */
export interface ListedArticle {
  id: string;
  data: Pick<Article, 'title' | 'published' | 'desk' | 'location' | 'tags'>;
}

/** Articles per listing page: keeps every listing page the same size whatever the number of articles. */
export const PAGE_SIZE = 20;
/** Desks, places or tags per page of a section index. */
export const GROUPS_PER_PAGE = 100;

export type Section = 'desks' | 'places' | 'tags';
/** Each section's article field; its index page is headed by the word of the same name in the site's language. */
export const SECTIONS: Record<Section, { field: 'desk' | 'location' | 'tags' }> = {
  desks: { field: 'desk' },
  places: { field: 'location' },
  tags: { field: 'tags' },
};

/** One named list of articles (a desk, a place, a tag, a year, a month or everything), newest first. */
export interface Listing<A extends ListedArticle = ListedArticle> {
  name: string;
  /** Its first page, e.g. /desks/israel-desk/; later pages add page/<n>/. */
  path: string;
  entries: A[];
}

/** The link to a group page and how many articles it holds, for section indexes and the archive. */
export interface GroupLink {
  name: string;
  path: string;
  count: number;
}

/** One static page: a slice of a listing, or a slice of a section index. */
export interface ListingPage<A extends ListedArticle = ListedArticle> {
  path: string;
  title: string;
  /** Number of this page (1-based) and of all pages. */
  page: number;
  pages: number;
  /** Articles in the whole listing (or groups in the whole index). */
  total: number;
  prev?: string;
  next?: string;
  entries: A[];
  groups: GroupLink[];
}

/** Path of page `n` of a listing whose first page is `base`: page 1 is the base itself. */
export function pagePath(base: string, n: number): string {
  return n === 1 ? base : `${base}page/${n}/`;
}

/** Cuts items into pages of `size`, never fewer than one page (an empty listing still has its page). */
export function paginate<T>(items: readonly T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length ? pages : [[]];
}

function pagesOf<A extends ListedArticle>(title: string, base: string, entries: A[], groups: GroupLink[] = []): ListingPage<A>[] {
  const slices = groups.length ? paginate(groups, GROUPS_PER_PAGE) : paginate(entries, PAGE_SIZE);
  return slices.map((slice, i) => ({
    path: pagePath(base, i + 1),
    title,
    page: i + 1,
    pages: slices.length,
    total: groups.length || entries.length,
    prev: i > 0 ? pagePath(base, i) : undefined,
    next: i < slices.length - 1 ? pagePath(base, i + 2) : undefined,
    entries: groups.length ? [] : (slice as A[]),
    groups: groups.length ? (slice as GroupLink[]) : [],
  }));
}

/** Year (yyyy) and month (MM) of a date in the site's time zone, as the archive files it. */
export function archiveKey(date: Date): { year: string; month: string } {
  const clock = wallClock(date);
  return { year: pad(clock.year, 4), month: pad(clock.month) };
}

/** "December 2024" for the archive's month 2024/12, in the site's language ("diciembre de 2024", "ديسمبر 2024"). */
export function monthName(year: string, month: string, lang = SITE.lang): string {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, 15));
  if (baseLanguage(lang) === 'en') return format(date, 'MMMM yyyy', { in: tz('UTC') });
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC', numberingSystem: 'latn', calendar: 'gregory' }).format(date);
}

/** Where an article sits among the others: older and newer neighbours, and the latest from its desk. */
export interface ArticleNeighbours<A extends ListedArticle = ListedArticle> {
  /** The next older article. */
  older?: A;
  /** The next newer article. */
  newer?: A;
  /** Up to `MORE_FROM_DESK` other articles from the same desk, newest first. */
  moreFromDesk: A[];
  deskPath: string;
}

export const MORE_FROM_DESK = 3;

/**
 * The newest MORE_FROM_DESK articles of a desk (`desk`, newest first) other than `id` and those in `shown`: a headline
 * the page lists among its related articles is not listed twice. Reads only as far as it needs to.
 */
function moreFrom<A extends ListedArticle>(desk: A[], id: string, shown: ReadonlyArray<{ id: string }>): A[] {
  const listed = new Set(shown.map((a) => a.id));
  const found: A[] = [];
  for (const a of desk) {
    if (found.length === MORE_FROM_DESK) break;
    if (a.id !== id && !listed.has(a.id)) found.push(a);
  }
  return found;
}

/** Everything the listing routes and article navigation need, computed in one pass over the articles. */
export interface Newsroom<A extends ListedArticle = ListedArticle> {
  /** All articles, newest first. */
  all: A[];
  /** Every listing page of the site except the article pages, home page 1 included (path '/'). */
  pages: ListingPage<A>[];
  /** Years, newest first, each with its months. */
  archive: (GroupLink & { months: GroupLink[] })[];
  /** Paths of the group pages for a desk, place or tag name. */
  groupPath: (section: Section, name: string) => string;
  /**
   * The name a desk, place or tag is shown under: its listing's (the newest article's spelling), so "world desk" in
   * an older article's credit reads "World Desk" as its listing does. A name no published article has is itself.
   */
  groupName: (section: Section, name: string) => string;
  /**
   * `related`: the articles the page lists as related, left out of "More from" (the article page and its cache key,
   * src/newsroom/page-keys.ts, both ask this way).
   */
  neighbours: (id: string, related?: ReadonlyArray<{ id: string }>) => ArticleNeighbours<A>;
}

/** Groups articles (already newest first) by key; the display name is the first spelling met. */
function group<A extends ListedArticle>(entries: A[], keysOf: (a: A) => string[]): Map<string, { name: string; entries: A[] }> {
  const groups = new Map<string, { name: string; entries: A[] }>();
  for (const entry of entries) {
    for (const name of new Set(keysOf(entry))) {
      const slug = nameSlug(name);
      const found = groups.get(slug);
      if (found) {
        if (found.entries.at(-1) !== entry) found.entries.push(entry);
      } else groups.set(slug, { name, entries: [entry] });
    }
  }
  return groups;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, SITE.lang);

/**
 * Builds every listing once: home, desks, places, tags, the archive by year and month, and each article's
 * neighbours. Linear in the number of articles (plus one sort), so it is computed once per build.
 */
export function buildNewsroom<A extends ListedArticle>(articles: readonly A[]): Newsroom<A> {
  const all = [...articles].sort(byNewest);
  const t = labelsFor(SITE.lang);
  const pages: ListingPage<A>[] = [...pagesOf(t.listings.latest, '/', all)];
  const slugs: Record<Section, Map<string, string>> = { desks: new Map(), places: new Map(), tags: new Map() };
  const deskEntries = new Map<string, A[]>();
  const names = new Map<string, string>();

  for (const [section, { field }] of Object.entries(SECTIONS) as [Section, (typeof SECTIONS)[Section]][]) {
    const groups = group(all, (a) => (field === 'tags' ? a.data.tags : [a.data[field]]));
    const links: GroupLink[] = [];
    for (const [slug, { name, entries }] of groups) {
      const path = `/${section}/${slug}/`;
      slugs[section].set(name, path);
      names.set(path, name);
      if (section === 'desks') deskEntries.set(path, entries);
      links.push({ name, path, count: entries.length });
      pages.push(...pagesOf(name, path, entries));
    }
    pages.push(...pagesOf(t[section], `/${section}/`, [], links.sort(byName)));
  }

  const years = new Map<string, { entries: A[]; months: Map<string, A[]> }>();
  for (const entry of all) {
    const { year, month } = archiveKey(entry.data.published);
    const y = years.get(year) ?? years.set(year, { entries: [], months: new Map() }).get(year)!;
    y.entries.push(entry);
    (y.months.get(month) ?? y.months.set(month, []).get(month)!).push(entry);
  }
  const archive: Newsroom<A>['archive'] = [];
  for (const [year, { entries, months }] of years) {
    pages.push(...pagesOf(year, `/archive/${year}/`, entries));
    const monthLinks: GroupLink[] = [];
    for (const [month, monthEntries] of months) {
      const name = monthName(year, month);
      pages.push(...pagesOf(name, `/archive/${year}/${month}/`, monthEntries));
      monthLinks.push({ name, path: `/archive/${year}/${month}/`, count: monthEntries.length });
    }
    archive.push({ name: year, path: `/archive/${year}/`, count: entries.length, months: monthLinks });
  }

  const position = new Map(all.map((a, i) => [a.id, i]));
  const groupPath = (section: Section, name: string) => slugs[section].get(name) ?? `/${section}/${nameSlug(name)}/`;
  return {
    all,
    pages,
    archive,
    groupPath,
    groupName: (section, name) => names.get(groupPath(section, name)) ?? name,
    neighbours: (id, related = []) => {
      const i = position.get(id);
      if (i === undefined) throw new Error(`No published article "${id}"`);
      const deskPath = groupPath('desks', all[i]!.data.desk);
      const desk = deskEntries.get(deskPath) ?? [];
      return {
        newer: all[i - 1],
        older: all[i + 1],
        moreFromDesk: moreFrom(desk, id, related),
        deskPath,
      };
    },
  };
}
