import XMLBuilder from 'fast-xml-builder';
import { baseLanguage } from '../format/language.ts';

/** Google News sitemaps hold the articles of the last two days, at most 1,000 (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). */
export const NEWS_SITEMAP_HOURS = 48;
export const NEWS_SITEMAP_LIMIT = 1000;

/** What the news sitemap needs of an article. */
export interface NewsSitemapArticle {
  /** Absolute permalink. */
  url: string;
  title: string;
  published: Date;
  lang: string;
}

/**
 * The language as the news sitemap schema allows it: ISO 639 (two or three letters), except Chinese, which is
 * zh-cn or zh-tw (the schema's pattern is `zh-cn|zh-tw|([a-z]{2,3})`).
 */
export function newsLanguage(lang: string): string {
  const lower = lang.toLowerCase();
  if (baseLanguage(lower) === 'zh') return /-(tw|hk|mo|hant)\b/.test(lower) ? 'zh-tw' : 'zh-cn';
  return baseLanguage(lower);
}

/**
 * The Google News sitemap (`news:news`): the articles published within the last 48 hours before `now`, newest
 * first, at most 1,000, each with the publication's name and language, its publication date and its title.
 * An empty sitemap is still a valid `urlset`.
 */
export function newsSitemap(articles: readonly NewsSitemapArticle[], publication: string, now: Date): string {
  const since = now.getTime() - NEWS_SITEMAP_HOURS * 3_600_000;
  const recent = articles
    .filter((a) => a.published.getTime() >= since && a.published.getTime() <= now.getTime())
    .sort((a, b) => b.published.getTime() - a.published.getTime())
    .slice(0, NEWS_SITEMAP_LIMIT);
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
    urlset: {
      '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      '@xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
      url: recent.map((a) => ({
        loc: a.url,
        'news:news': {
          'news:publication': { 'news:name': publication, 'news:language': newsLanguage(a.lang) },
          'news:publication_date': a.published.toISOString(),
          'news:title': a.title,
        },
      })),
    },
  })}`;
}
