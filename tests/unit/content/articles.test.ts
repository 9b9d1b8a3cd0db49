import { describe, expect, it } from 'vitest';
import { articlePath, byNewest, isPublished, metaDescription, readingMinutes } from '../../../src/content/articles';
import { countWords } from '../../../src/markdown/article-facts';

const entry = (title: string, published: string, draft = false) => ({ data: { title, published: new Date(published), draft } });

describe('articles', () => {
  it('sorts newest first, then by headline', () => {
    const sorted = [entry('B', '2024-01-01'), entry('C', '2024-06-01'), entry('A', '2024-01-01')].sort(byNewest as never);
    expect(sorted.map((e) => e.data.title)).toEqual(['C', 'A', 'B']);
  });
  it('leaves drafts out of production only', () => {
    expect(isPublished(entry('D', '2024-01-01', true) as never, true)).toBe(false);
    expect(isPublished(entry('D', '2024-01-01', true) as never, false)).toBe(true);
    expect(isPublished(entry('P', '2024-01-01') as never, true)).toBe(true);
  });
  it('builds the permalink path', () => expect(articlePath('harbour-strike')).toBe('/articles/harbour-strike/'));
});

describe('readingMinutes', () => {
  it.each([[0, 1], [100, 1], [230, 1], [460, 2], [500, 2], [1000, 4]])('%i words take %i min', (words, minutes) =>
    expect(readingMinutes(words)).toBe(minutes));
});

describe('countWords', () => {
  it('counts English words, keeping contractions and hyphenated words whole', () =>
    expect(countWords('Iran’s Iranian-backed militias — over a 1,000 soldiers.')).toBe(7));
  it('counts Arabic words', () => expect(countWords('قالت مصادر عراقية إن')).toBe(4));
});

describe('metaDescription', () => {
  it('prefers the dek', () => expect(metaDescription('A dek.', 'First paragraph.')).toBe('A dek.'));
  it('falls back to the first paragraph', () => expect(metaDescription(undefined, 'First  paragraph.\n')).toBe('First paragraph.'));
  it('cuts a long paragraph at a word boundary with an ellipsis', () => {
    const text = 'Iraqi sources told the UK-based Al-Araby Al-Jadeed news outlet over the weekend that Iranian Quds Force commander Esmail Qaani received a cold shoulder from Iraqi militias';
    const cut = metaDescription(undefined, text);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut).toBe('Iraqi sources told the UK-based Al-Araby Al-Jadeed news outlet over the weekend that Iranian Quds Force commander Esmail Qaani received a cold shoulder from…');
  });
});
