import { createHash } from 'node:crypto';
import { storyAge } from '../format/story-labels.ts';
import { SITE } from '../site.ts';
import { SECTIONS, type ListedArticle, type ListingPage, type Newsroom, type Section } from './listings.ts';

/*
 * Cache keys for Astro's incremental build (experimental.incrementalBuild in astro.config.mjs): a page whose key and
 * code are unchanged since the last build is not rendered again; Astro copies its previous output. Astro itself
 * compares the route's code (its module graph), the config, the lockfile and the render hash of the entry the page
 * renders; the key must hold everything else the page shows, or a skipped page would be stale. So an article page's
 * key is made of:
 * - its own entry's digest (the file, its photographs, the code that stores it, the time zone, its language, which is
 *   the site's when the file gives none: src/content/loader.ts);
 * - the digests of every other article it shows (older, newer, more from its desk, related), which change when any
 *   of them is edited;
 * - every desk, place and tag name of the site with the address and spelling it is shown under (one changes when an
 *   article brings a new name or spelling, and then every page is rendered again, which is rare and always right);
 * - the site pages and authors (footer links, bylines, JSON-LD), the site's settings (SITE, its language among them),
 *   and the age notice the page carries at this build's time.
 * tests/build/incremental.test.ts builds a site cold, edits and adds articles, and checks that the warm build's dist/
 * is byte for byte the cold build's of the same content.
 */

/** What a key reads of an article: its id, its data and Astro's digest of its stored entry. */
export interface KeyedArticle extends ListedArticle {
  data: ListedArticle['data'] & { lang: string };
  digest?: string | number;
}

const hash = (...parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

/** An entry as a key holds it: its id and its digest (empty for no entry, e.g. the newest article's newer neighbour). */
const stamp = (entry?: { id: string; digest?: string | number }) => (entry ? `${entry.id}\0${entry.digest}` : '');

/**
 * One fingerprint of what every page shows of the whole site: each name's address and spelling, the site pages' and
 * authors' digests, and the settings.
 */
export function siteFingerprint(newsroom: Newsroom<KeyedArticle>, shared: { digest?: string | number; id: string }[]): string {
  const names = new Set<string>();
  for (const article of newsroom.all) {
    for (const [section, { field }] of Object.entries(SECTIONS) as [Section, (typeof SECTIONS)[Section]][]) {
      for (const name of field === 'tags' ? article.data.tags : [article.data[field]]) {
        names.add(`${section}\0${name}\0${newsroom.groupPath(section, name)}\0${newsroom.groupName(section, name)}`);
      }
    }
  }
  return hash([...names].sort(), shared.map(stamp).sort(), SITE);
}

/** Each article page's cache key (see above), by article id. */
export function articlePageKeys(newsroom: Newsroom<KeyedArticle>, related: Map<string, KeyedArticle[]>, site: string, now: Date): Map<string, string> {
  return new Map(
    newsroom.all.map((article) => {
      const listed = related.get(article.id) ?? [];
      const { older, newer, moreFromDesk, deskPath } = newsroom.neighbours(article.id, listed);
      const shown = [older, newer, ...moreFromDesk, ...listed].map(stamp);
      return [article.id, hash(stamp(article), shown, deskPath, site, storyAge(article.data, now, SITE.ageNoticeDays))];
    }),
  );
}

/**
 * A listing page's cache key: where it is among its listing's pages, the groups it links to, and the articles whose
 * cards it shows (their digests), with the site's fingerprint. A new article shifts every page of the listings it
 * joins; the other listings keep their keys.
 */
export function listingPageKey(listing: ListingPage<KeyedArticle>, site: string): string {
  const { entries, ...place } = listing;
  return hash(place, entries.map(stamp), site);
}
