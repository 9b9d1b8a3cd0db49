import { describe, expect, it } from 'vitest';
import { fileSlug, nameSlug } from '../../../src/newsroom/slugs';

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
    expect(nameSlug('?!')).toBe('u-3f-21');
    expect(nameSlug('?!')).not.toBe(nameSlug('!?'));
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
