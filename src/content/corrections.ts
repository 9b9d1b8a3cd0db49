import type { Article } from './schema';

export type Correction = Article['corrections'][number];

/** Corrections oldest first, the order a reader follows them in. */
export function sortedCorrections(article: Pick<Article, 'corrections'>): Correction[] {
  return [...article.corrections].sort((a, b) => a.date.getTime() - b.date.getTime());
}

/**
 * The date an article last changed, for the page, JSON-LD `dateModified` and feeds: the latest of
 * `updated` and every correction date (a correction is an update even when the editor did not touch
 * `updated`). Undefined when the article never changed after publication.
 */
export function lastUpdated(article: Pick<Article, 'updated' | 'corrections'>): Date | undefined {
  let latest = article.updated;
  for (const { date } of article.corrections) if (!latest || date > latest) latest = date;
  return latest;
}
