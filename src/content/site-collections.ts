import { getCollection, type CollectionEntry } from 'astro:content';
import { sortPages } from './site-pages';

let cached: Promise<CollectionEntry<'pages'>[]> | undefined;

/**
 * The site pages in footer order, read once per build (every page's footer and every article's JSON-LD use them).
 * A slug the site's own routes use never gets here: the pages' loader refuses it (src/content/loader.ts).
 */
export function getSitePages(): Promise<CollectionEntry<'pages'>[]> {
  if (!cached || import.meta.env.DEV) cached = getCollection('pages').then(sortPages);
  return cached;
}

let authors: Promise<CollectionEntry<'authors'>[]> | undefined;

/** The authors of content/authors/, read once per build (bylines, author pages and JSON-LD use them). */
export function getAuthors(): Promise<CollectionEntry<'authors'>[]> {
  if (!authors || import.meta.env.DEV) authors = getCollection('authors');
  return authors;
}
