import type { Article } from '../content/schema';
import { pad, wallClock } from '../format/dates';

/** A citation split so the title can be set in italics: `${before}<i>${title}</i>${after}`. */
export interface Citation {
  before: string;
  title: string;
  after: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/**
 * The date of the citation in the site's time zone, from the wall clock the pages' dates read (src/format/dates.ts):
 * "2024, December 16" (APA, in English) or "2024/12/16" (Highwire). Two zoned date-fns dates made these before, about
 * 0.1 ms of every article page.
 */
const apaDate = (d: Date) => { const { year, month, day } = wallClock(d); return `${year}, ${MONTHS[month - 1]} ${day}`; };
const slashDate = (d: Date) => { const { year, month, day } = wallClock(d); return `${pad(year, 4)}/${pad(month)}/${pad(day)}`; };

/**
 * A byline as APA 7 writes an author: surname, comma, initials ("Ana María Pérez" → "Pérez, A. M.", "Jean-Paul Sartre"
 * → "Sartre, J.-P."). A byline already written "Surname, Given" keeps its surname; a single word (a desk, an
 * organisation) is kept whole.
 */
export function apaAuthor(byline: string): string {
  const name = byline.trim().replace(/\s+/g, ' ');
  const comma = name.indexOf(',');
  const [surname, given] = comma > 0 ? [name.slice(0, comma), name.slice(comma + 1)] : [name.slice(name.lastIndexOf(' ') + 1), name.slice(0, Math.max(name.lastIndexOf(' '), 0))];
  const initials = given.trim().split(' ').filter(Boolean).map((word) => word.split('-').map((part) => `${[...part][0]!.toUpperCase()}.`).join('-'));
  return initials.length ? `${surname.trim()}, ${initials.join(' ')}` : name;
}

/**
 * The APA 7 reference of a news article on a website: "Author. (2024, December 16). Title. Source. URL".
 * Without a byline the title takes the author's place: "Title. (2024, December 16). Source. URL".
 */
export function apaCitation(article: Pick<Article, 'title' | 'author' | 'source' | 'published'>, url: string): Citation {
  const when = `(${apaDate(article.published)}).`;
  const title = article.title.replace(/[.!?]?$/, (end) => end || '.');
  return article.author
    ? { before: `${apaAuthor(article.author).replace(/\.?$/, '.')} ${when} `, title, after: ` ${article.source}. ${url}` }
    : { before: '', title, after: ` ${when} ${article.source}. ${url}` };
}

/** Highwire Press `citation_*` meta tags (read by Google Scholar and citation managers), as name/content pairs. */
export function citationMeta(article: Article): Array<[string, string]> {
  return [
    ['citation_title', article.title],
    ['citation_author', article.author ?? article.source],
    ['citation_publication_date', slashDate(article.published)],
    ['citation_publisher', article.source],
    ['citation_language', article.lang],
  ];
}
