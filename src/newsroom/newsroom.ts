import { getCollection } from 'astro:content';
import { isPublished, type ArticleEntry } from '../content/articles';
import { buildNewsroom, type Newsroom } from './listings';
import { relatedArticles } from './related';

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
