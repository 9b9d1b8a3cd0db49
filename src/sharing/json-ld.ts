import type { Article, Kind } from '../content/schema';
import { isoAsWritten } from '../format/dates';
import { lastUpdated, sortedCorrections } from '../content/corrections';
import type { PageRole } from '../content/site-pages';

/** Where an article lives and what represents it, all absolute URLs. */
export interface ArticleUrls {
  /** The canonical permalink, e.g. https://example.org/articles/<slug>/. */
  url: string;
  /** The social preview image, or the lead photograph's crops (16:9, 4:3, 1:1). */
  image: string | string[];
}

/**
 * The schema.org type of each kind of story. schema.org has no interview type: an interview is a NewsArticle
 * (its label says the rest); wire copy is straight reporting; sponsored content is advertising, not news.
 */
export const KIND_TYPES: Record<Kind, string> = {
  news: 'NewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  explainer: 'BackgroundNewsArticle',
  review: 'ReviewNewsArticle',
  interview: 'NewsArticle',
  wire: 'ReportageNewsArticle',
  sponsored: 'AdvertiserContentArticle',
};

/** The site's policy pages (content/pages/) that exist, as absolute URLs, for the publisher's properties. */
export type PublisherPages = Partial<Record<PageRole, string>>;

/** What the site knows beyond the article: its policy pages, the byline's author page. */
export interface JsonLdContext {
  pages?: PublisherPages;
  /** The author page of the byline, when the byline matches an entry of content/authors/. */
  authorUrl?: string;
}

/**
 * The schema.org NewsArticle describing one article, for search engines and link previews.
 * The source publication is the `sourceOrganization` (and the publisher when it has no site of ours).
 */
export function newsArticleJsonLd(article: Article, urls: ArticleUrls, description: string, siteName: string, context: JsonLdContext = {}) {
  const type = KIND_TYPES[article.kind];
  const source = { '@type': 'Organization', name: article.source, ...(article.sourceUrl && { url: new URL(article.sourceUrl).origin }) };
  return {
    '@context': 'https://schema.org',
    '@type': type,
    headline: article.title,
    description,
    datePublished: isoAsWritten(article, article.published),
    dateModified: isoAsWritten(article, lastUpdated(article) ?? article.published),
    author: article.author ? { '@type': 'Person', name: article.author, ...(context.authorUrl && { url: context.authorUrl }) } : source,
    publisher: { '@type': 'NewsMediaOrganization', name: siteName, url: new URL('/', urls.url).href, ...context.pages },
    sourceOrganization: source,
    // dateline is a NewsArticle property; sponsored content (AdvertiserContentArticle) is not news.
    ...(type.endsWith('NewsArticle') && { dateline: article.location }),
    locationCreated: { '@type': 'Place', name: article.location },
    ...(article.sourceUrl && { isBasedOn: article.sourceUrl }),
    inLanguage: article.lang,
    mainEntityOfPage: { '@type': 'WebPage', '@id': urls.url },
    image: urls.image,
    articleSection: article.desk,
    keywords: article.tags,
    ...(article.corrections.length > 0 && {
      correction: sortedCorrections(article).map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: isoAsWritten(article, c.date) })),
    }),
  };
}

const UNSAFE_IN_SCRIPT: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/**
 * JSON for a <script type="application/ld+json"> element. `<`, `>`, `&`, U+2028 and U+2029 become \u
 * escapes (still the same JSON), so no value — `</script>` in a headline, say — can end the element.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE_IN_SCRIPT[c]!);
}
