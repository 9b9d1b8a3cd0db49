import type { Article } from '../content/schema';
import { lastUpdated, sortedCorrections } from '../content/corrections';

/** Where an article lives and what represents it, all absolute URLs. */
export interface ArticleUrls {
  /** The canonical permalink, e.g. https://example.org/articles/<slug>/. */
  url: string;
  /** The social preview image, or the lead photograph's crops (16:9, 4:3, 1:1). */
  image: string | string[];
}

/**
 * The schema.org NewsArticle describing one article, for search engines and link previews.
 * The source publication is the `sourceOrganization` (and the publisher when it has no site of ours).
 */
export function newsArticleJsonLd(article: Article, urls: ArticleUrls, description: string, siteName: string) {
  const source = { '@type': 'Organization', name: article.source, ...(article.sourceUrl && { url: new URL(article.sourceUrl).origin }) };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description,
    datePublished: article.published.toISOString(),
    dateModified: (lastUpdated(article) ?? article.published).toISOString(),
    author: article.author ? { '@type': 'Person', name: article.author } : source,
    publisher: { '@type': 'Organization', name: siteName, url: new URL('/', urls.url).href },
    sourceOrganization: source,
    dateline: article.location,
    locationCreated: { '@type': 'Place', name: article.location },
    ...(article.sourceUrl && { isBasedOn: article.sourceUrl }),
    inLanguage: article.lang,
    mainEntityOfPage: { '@type': 'WebPage', '@id': urls.url },
    image: urls.image,
    articleSection: article.desk,
    keywords: article.tags,
    ...(article.corrections.length > 0 && {
      correction: sortedCorrections(article).map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.date.toISOString() })),
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
