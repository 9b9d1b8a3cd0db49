import { getCollection, type CollectionEntry } from 'astro:content';
import { RESERVED_PAGE_SLUGS, sortPages } from './site-pages';

let cached: Promise<CollectionEntry<'pages'>[]> | undefined;

/**
 * The site pages in footer order, read once per build (every page's footer and every article's JSON-LD use them).
 * @throws when a page's slug is one of the site's own routes, naming the file.
 */
export function getSitePages(): Promise<CollectionEntry<'pages'>[]> {
  if (!cached || import.meta.env.DEV) {
    cached = getCollection('pages').then((pages) => {
      const clash = pages.find((p) => RESERVED_PAGE_SLUGS.includes(p.id));
      if (clash) throw new Error(`${clash.filePath ?? clash.id}: the page slug "${clash.id}" is taken by the site's own routes (${RESERVED_PAGE_SLUGS.join(', ')}): rename the file`);
      return sortPages(pages);
    });
  }
  return cached;
}

let authors: Promise<CollectionEntry<'authors'>[]> | undefined;

/** The authors of content/authors/, read once per build (bylines, author pages and JSON-LD use them). */
export function getAuthors(): Promise<CollectionEntry<'authors'>[]> {
  if (!authors || import.meta.env.DEV) authors = getCollection('authors');
  return authors;
}
