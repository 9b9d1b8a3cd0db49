import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { articleSchema } from '../../../src/content/schema';
import { atomFeed, feedItem, jsonFeed, rssPubDateAsWritten } from '../../../src/sharing/feeds';

const article = (published: string, updated?: string) => articleSchema.parse({
  title: 'Harbour talks resume', source: 'The Reader', desk: 'World Desk', location: 'Rotterdam', published, ...(updated && { updated }),
});
const meta = { title: 'The Reader', description: 'News', home: 'https://news.example/', lang: 'en' };
const item = (published: string, updated?: string) => feedItem(article(published, updated), 'https://news.example/articles/a/', 'Summary.', '<p>Body.</p>');

describe('feed dates', () => {
  it('keep the offset the article wrote, in Atom, JSON Feed and RSS', () => {
    const items = [item('2025-06-12T14:30:00+02:00', '2025-06-13T08:00:00-04:00')];
    const xml = atomFeed(items, meta, 'https://news.example/atom.xml');
    expect(XMLValidator.validate(xml)).toBe(true);
    const entry = new XMLParser().parse(xml).feed.entry;
    expect([entry.published, entry.updated]).toEqual(['2025-06-12T14:30:00+02:00', '2025-06-13T08:00:00-04:00']);
    expect(jsonFeed(items, meta, 'https://news.example/feed.json').items[0]).toMatchObject({
      date_published: '2025-06-12T14:30:00+02:00',
      date_modified: '2025-06-13T08:00:00-04:00',
    });
    expect(rssPubDateAsWritten(items[0]!)).toBe('<pubDate>Thu, 12 Jun 2025 14:30:00 +0200</pubDate>');
  });

  it('stay in UTC, as before, for a date, Z or a time without an offset', () => {
    const items = [item('2025-06-12T14:30:00Z'), item('2025-06-11')];
    const entries = new XMLParser().parse(atomFeed(items, meta, 'https://news.example/atom.xml')).feed.entry;
    expect(entries.map((e: { published: string }) => e.published)).toEqual(['2025-06-12T14:30:00.000Z', '2025-06-11T00:00:00.000Z']);
    expect(jsonFeed(items, meta, 'x').items.map((i) => i.date_published)).toEqual(['2025-06-12T14:30:00.000Z', '2025-06-11T00:00:00.000Z']);
    expect(items.map(rssPubDateAsWritten)).toEqual([undefined, undefined]);
  });
});

describe('corrections in a feed item', () => {
  const corrected = (lang: string) => feedItem(
    articleSchema.parse({ title: 'T', source: 'S', desk: 'D', location: 'L', published: '2023-11-05', lang, corrections: [{ date: '2023-11-07', text: 'Fixed.' }] }),
    'https://news.example/articles/a/', 'Summary.', '<p>Body.</p>',
  ).contentHtml;

  it('are labelled in the article language, as on its page', () => {
    expect(corrected('en')).toContain('<p><strong>Correction, 7 November 2023:</strong> Fixed.</p>');
    expect(corrected('es')).toContain('<p><strong>Corrección, 7 de noviembre de 2023:</strong> Fixed.</p>');
  });

  it('are labelled in English marked lang="en" for a language without its words, the date in the article language', () => {
    expect(corrected('sw')).toContain('<p><strong lang="en">Correction, <span lang="sw">7 Novemba 2023</span>:</strong> Fixed.</p>');
  });
});
