import { getCollection } from 'astro:content';
import { isPublished, type ArticleEntry } from '../content/articles';
import { buildNewsroom, type Newsroom } from './listings';
import { relatedArticles } from './related';
import { siteFingerprint } from './page-keys';
import { getAuthors, getSitePages } from '../content/site-collections';

let cached: Promise<Newsroom<ArticleEntry>> | undefined;

/**
 * Every listing of the published articles, computed once per build and shared by all routes
 * (so listing and article pages never re-sort the collection per page).
 */
export function getNewsroom(): Promise<Newsroom<ArticleEntry>> {
  // In `astro dev` articles change while the server runs: recompute there, cache in production builds.
  if (!cached || import.meta.env.DEV) {
    cached = getCollection('articles', (entry) => isPublished(entry)).then((entries) => buildNewsroom(entries));
  }
  return cached;
}

let related: Promise<Map<string, ArticleEntry[]>> | undefined;

/** Each published article's related articles (src/newsroom/related.ts), computed once per build. */
export function getRelated(): Promise<Map<string, ArticleEntry[]>> {
  if (!related || import.meta.env.DEV) related = getNewsroom().then(({ all }) => relatedArticles(all));
  return related;
}

let fingerprint: Promise<string> | undefined;

/** What every page shows of the whole site, as one fingerprint for the pages' cache keys (src/newsroom/page-keys.ts). */
export function getSiteFingerprint(): Promise<string> {
  if (!fingerprint || import.meta.env.DEV) {
    fingerprint = Promise.all([getNewsroom(), getSitePages(), getAuthors()]).then(([newsroom, pages, authors]) => siteFingerprint(newsroom, [...pages, ...authors]));
  }
  return fingerprint;
}
