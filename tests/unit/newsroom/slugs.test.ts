import { describe, expect, it } from 'vitest';
import { distinctNames, fileSlug, MAX_SEGMENT_BYTES, nameSlug } from '../../../src/newsroom/slugs';

describe('nameSlug (desk, place and tag URLs)', () => {
  it.each([
    ['Israel Desk', 'israel-desk'],
    ['São Paulo', 'sao-paulo'],
    ['  New   York!  ', 'new-york'],
    ['Côte d’Ivoire', 'cote-d-ivoire'],
    ['COVID-19', 'covid-19'],
    ['القدس', 'القدس'],
    ['مكتب الشرق الأوسط', 'مكتب-الشرق-الأوسط'],
    ['Tel Aviv–Yafo', 'tel-aviv-yafo'],
    ['ירושלים', 'ירושלים'],
    ['नई दिल्ली', 'नई-दिल्ली'],
  ])('%s → %s', (name, slug) => {
    expect(nameSlug(name)).toBe(slug);
  });

  it('gives the same slug to spellings that differ only in case and spacing', () => {
    expect(nameSlug('Middle East')).toBe(nameSlug('middle  east'));
  });

  it('gives a name without letters or digits a stable, distinct slug', () => {
    expect(nameSlug('?!')).toBe('u--3f-21');
    expect(nameSlug('?!')).not.toBe(nameSlug('!?'));
  });

  it.each([
    ['!!!', 'u-21-21-21'],
    ['C++', 'C#'],
    ['C++', 'C'],
    ['C#', 'C'],
    ['C++', 'c--4c21a3f0'],
    ['$100', '100'],
    ['x'.repeat(300), 'x'.repeat(301)],
  ])('gives different names different segments: %s and %s', (a, b) => {
    expect(nameSlug(a)).not.toBe(nameSlug(b));
  });

  it('resolves a collision the same way every time, keeping the readable part', () => {
    expect([nameSlug('C'), nameSlug('C++'), nameSlug('C#')]).toEqual(['c', 'c--4c21a3f0', 'c--9629f5e3']);
    expect(nameSlug('!!!')).toBe('u--21-21-21');
  });

  it('bounds every segment to MAX_SEGMENT_BYTES of UTF-8, cut at a character', () => {
    for (const name of ['word '.repeat(100), 'ق'.repeat(200), '😀'.repeat(100), '!'.repeat(100), 'a+'.repeat(100)]) {
      const slug = nameSlug(name);
      expect(new TextEncoder().encode(slug).length, name).toBeLessThanOrEqual(MAX_SEGMENT_BYTES);
      expect(slug).not.toContain('\uFFFD');
      expect(slug).toMatch(/^[^-].*[^-]$/u);
    }
    expect(nameSlug('word '.repeat(100))).toMatch(/^word-word-.*--[0-9a-f]{8}$/);
  });

  it('gives a plain segment no double hyphen, so no name can take a resolved one', () => {
    for (const name of ['a--b', 'a - b', 'u--21', '--x--']) expect(nameSlug(name)).not.toContain('--');
  });
});

describe('distinctNames', () => {
  it('keeps one spelling of tags that differ only in case or spacing, the first', () => {
    expect(distinctNames(['Climate Change', 'climate  change', 'CLIMATE CHANGE ', 'C', 'C++', 'c'])).toEqual(['Climate Change', 'C', 'C++']);
  });
});

describe('fileSlug (new article file names)', () => {
  it('makes a lowercase a-z, 0-9, hyphen slug from a headline', () => {
    expect(fileSlug('Élections: "Yes" & No!')).toBe('elections-yes-no');
    expect(fileSlug('Iran’s Militias Refuse To Aid Iran')).toBe('irans-militias-refuse-to-aid-iran');
  });

  it('cuts a long headline at a word', () => {
    const slug = fileSlug('word '.repeat(40))!;
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^(word-)*word$/);
  });

  it('has no slug for a headline without Latin letters or digits', () => {
    expect(fileSlug('القدس')).toBeUndefined();
  });
});
