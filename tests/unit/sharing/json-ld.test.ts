import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../../src/content/schema';
import { KIND_TYPES, newsArticleJsonLd, serializeJsonLd } from '../../../src/sharing/json-ld';
import { apaAuthor, apaCitation, citationMeta } from '../../../src/sharing/citation';
import { vocabularyProblems } from '../../helpers/schema-org';

const article = articleSchema.parse({
  title: 'Harbour strike </script><script>alert(1)</script> & more',
  source: 'The Port Gazette',
  desk: 'Business Desk',
  location: 'Rotterdam',
  published: '2025-03-04T08:00:00Z',
  updated: '2025-03-05',
  author: 'Ann Smith',
  sourceUrl: 'https://gazette.example/news/strike',
  tags: ['ports', 'labour'],
  lang: 'nl',
});
const urls = { url: 'https://reader.example/articles/harbour-strike/', image: 'https://reader.example/articles/harbour-strike/og.png' };

describe('NewsArticle JSON-LD', () => {
  it('keeps the offset each date was written with', () => {
    const written = articleSchema.parse({
      ...article, published: '2025-06-12T14:30:00+02:00', updated: undefined,
      corrections: [{ date: '2025-06-13T08:00:00-04:00', text: 'Fixed.' }],
    });
    expect(newsArticleJsonLd(written, urls, 'The dek.', 'The Reader')).toMatchObject({
      datePublished: '2025-06-12T14:30:00+02:00',
      dateModified: '2025-06-13T08:00:00-04:00',
      correction: [{ '@type': 'CorrectionComment', text: 'Fixed.', datePublished: '2025-06-13T08:00:00-04:00' }],
    });
  });
  it('has the schema.org shape with every field the issue names', () => {
    expect(newsArticleJsonLd(article, urls, 'The dek.', 'The Reader')).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: article.title,
      description: 'The dek.',
      datePublished: '2025-03-04T08:00:00.000Z',
      dateModified: '2025-03-05T00:00:00.000Z',
      author: { '@type': 'Person', name: 'Ann Smith' },
      publisher: { '@type': 'NewsMediaOrganization', name: 'The Reader', url: 'https://reader.example/' },
      sourceOrganization: { '@type': 'Organization', name: 'The Port Gazette', url: 'https://gazette.example' },
      dateline: 'Rotterdam',
      locationCreated: { '@type': 'Place', name: 'Rotterdam' },
      isBasedOn: 'https://gazette.example/news/strike',
      inLanguage: 'nl',
      mainEntityOfPage: { '@type': 'WebPage', '@id': urls.url },
      image: urls.image,
      articleSection: 'Business Desk',
      keywords: ['ports', 'labour'],
    });
  });

  it('credits the source organisation when there is no byline, and leaves out isBasedOn without a source URL', () => {
    const { author: _a, sourceUrl: _s, ...rest } = article;
    const ld = newsArticleJsonLd({ ...rest, tags: [] }, urls, 'd', 'R');
    expect(ld.author).toEqual({ '@type': 'Organization', name: 'The Port Gazette' });
    expect(ld).not.toHaveProperty('isBasedOn');
  });
});

describe('serializeJsonLd', () => {
  it('escapes < > & U+2028 U+2029 so no value can end the script element, and stays the same JSON', () => {
    const value = { a: '</script><!-- & \u2028\u2029 >' };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toBe('{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\u003e"}');
    expect(JSON.parse(json)).toEqual(value);
    expect(serializeJsonLd(newsArticleJsonLd(article, urls, 'd', 'R'))).not.toMatch(/<\/script/i);
  });
});

describe('citation', () => {
  it('formats APA with a byline: Author. (date). Title. Source. URL', () => {
    expect(apaCitation(article, urls.url)).toEqual({
      before: 'Smith, A. (2025, March 4). ',
      title: `${article.title}.`,
      after: ` The Port Gazette. ${urls.url}`,
    });
  });
  it('writes a byline as APA does: surname, initials', () => {
    expect(apaAuthor('Ana Pérez')).toBe('Pérez, A.');
    expect(apaAuthor('Ana María  Pérez')).toBe('Pérez, A. M.');
    expect(apaAuthor('Jean-Paul Sartre')).toBe('Sartre, J.-P.');
    expect(apaAuthor('Pérez, Ana')).toBe('Pérez, A.');
    expect(apaAuthor('Reuters')).toBe('Reuters');
    expect(apaAuthor('Élodie Durand')).toBe('Durand, É.');
  });
  it('puts the title first without a byline and keeps a final question mark', () => {
    expect(apaCitation({ ...article, author: undefined, title: 'Who pays?' }, urls.url)).toEqual({
      before: '',
      title: 'Who pays?',
      after: ` (2025, March 4). The Port Gazette. ${urls.url}`,
    });
  });
  it('gives Highwire citation_* tags', () => {
    expect(citationMeta(article)).toEqual([
      ['citation_title', article.title],
      ['citation_author', 'Ann Smith'],
      ['citation_publication_date', '2025/03/04'],
      ['citation_publisher', 'The Port Gazette'],
      ['citation_language', 'nl'],
    ]);
  });
});

describe('kind of story and publisher in JSON-LD', () => {
  const withCorrection = articleSchema.parse({
    ...article, published: '2025-03-04T08:00:00Z', updated: undefined, sourceUrl: undefined,
    corrections: [{ date: '2025-03-06', text: 'An earlier version misspelt the port.' }],
  });

  it.each([
    ['news', 'NewsArticle'], ['analysis', 'AnalysisNewsArticle'], ['opinion', 'OpinionNewsArticle'],
    ['explainer', 'BackgroundNewsArticle'], ['review', 'ReviewNewsArticle'], ['interview', 'NewsArticle'],
    ['wire', 'ReportageNewsArticle'], ['sponsored', 'AdvertiserContentArticle'],
  ] as const)('a %s story is a schema.org %s', (kind, type) => {
    expect(KIND_TYPES[kind]).toBe(type);
    expect(newsArticleJsonLd({ ...article, kind }, urls, 'd', 'R')['@type']).toBe(type);
  });

  it('uses only schema.org types and the properties they have, for every kind, with pages and an author page', () => {
    const pages = {
      publishingPrinciples: 'https://reader.example/about/', correctionsPolicy: 'https://reader.example/corrections/',
      ethicsPolicy: 'https://reader.example/ethics/', masthead: 'https://reader.example/about/',
    };
    for (const kind of Object.keys(KIND_TYPES) as (keyof typeof KIND_TYPES)[]) {
      const ld = newsArticleJsonLd({ ...withCorrection, kind }, urls, 'd', 'R', { pages, authorUrl: 'https://reader.example/authors/ann-smith/' });
      expect(vocabularyProblems(ld), kind).toEqual([]);
    }
    // The check can fail: a property schema.org does not have is named.
    expect(vocabularyProblems({ '@type': 'NewsArticle', headlin: 'x' })).toEqual(['$: NewsArticle has no property headlin']);
  });

  it('makes the publisher a NewsMediaOrganization pointing at the policy pages, and the author a Person with url', () => {
    const ld = newsArticleJsonLd(withCorrection, urls, 'd', 'R', {
      pages: { correctionsPolicy: 'https://reader.example/corrections/' }, authorUrl: 'https://reader.example/authors/ann-smith/',
    });
    expect(ld.publisher).toEqual({ '@type': 'NewsMediaOrganization', name: 'R', url: 'https://reader.example/', correctionsPolicy: 'https://reader.example/corrections/' });
    expect(ld.author).toEqual({ '@type': 'Person', name: 'Ann Smith', url: 'https://reader.example/authors/ann-smith/' });
    expect(ld.correction).toEqual([{ '@type': 'CorrectionComment', text: 'An earlier version misspelt the port.', datePublished: '2025-03-06T00:00:00.000Z' }]);
  });
});
