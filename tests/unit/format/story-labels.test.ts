import { describe, expect, it } from 'vitest';
import { KINDS } from '../../../src/content/schema';
import { storyLabelsFor } from '../../../src/format/story-labels';
import { ageNotice, formsAttribute, reachableForms, readForms } from '../../../src/format/age';

describe('story labels', () => {
  it.each(['en', 'ar', 'de', 'es', 'fa', 'fr', 'he', 'it', 'ja', 'pt', 'ru', 'tr', 'ur', 'zh'])('has every word in %s, in that language', (lang) => {
    const { labels, lang: wordsLang } = storyLabelsFor(lang);
    expect(wordsLang).toBe(lang);
    for (const kind of KINDS) expect(labels.kinds[kind].trim(), kind).not.toBe('');
    for (const unit of ['years', 'months'] as const) {
      // Every category the language's plural rules can give for an age has its sentence, and a count shows its number.
      for (const category of new Intl.PluralRules(lang).resolvedOptions().pluralCategories) {
        if (category === 'zero') continue; // an age is at least 1
        expect(labels.olderThan[unit][category] ?? labels.olderThan[unit].other, `${unit} ${category}`).not.toBe('');
      }
      expect(labels.olderThan[unit].other).toContain('{n}');
      // The page carries them to the reader's script as one attribute each, read back as written.
      expect(Object.values(labels.olderThan[unit]).join('')).not.toContain('|');
      expect(readForms(formsAttribute(labels.olderThan[unit]))).toEqual(labels.olderThan[unit]);
    }
    expect(readForms(formsAttribute({ one: 'Note: one', other: 'Note: {n}' }))).toEqual({ one: 'Note: one', other: 'Note: {n}' });
    if (lang !== 'en') expect(labels.contents).not.toBe(storyLabelsFor('en').labels.contents);
  });

  it('falls back to English for a language without a table, and says so (the element gets lang="en")', () => {
    expect(storyLabelsFor('sw-KE')).toEqual({ labels: storyLabelsFor('en').labels, lang: 'en' });
    expect(storyLabelsFor('pt-BR')).toEqual({ labels: storyLabelsFor('pt').labels, lang: 'pt-BR' });
    expect(storyLabelsFor('ar-EG').lang).toBe('ar-EG');
  });
});

describe('ageNotice', () => {
  const en = storyLabelsFor('en').labels.olderThan;
  const published = new Date('2023-03-10T00:00:00Z');

  it('says nothing for an article younger than the setting', () => {
    expect(ageNotice(en, 'en', published, new Date('2024-03-08T00:00:00Z'), 365)).toBeUndefined();
  });

  it('counts whole years once old enough, in the language with its plural forms', () => {
    expect(ageNotice(en, 'en', published, new Date('2024-03-10T00:00:00Z'), 365)).toBe('This article is more than 1 year old');
    expect(ageNotice(en, 'en', published, new Date('2026-03-09T00:00:00Z'), 365)).toBe('This article is more than 2 years old');
    expect(ageNotice(en, 'en', published, new Date('2026-03-10T00:00:00Z'), 365)).toBe('This article is more than 3 years old');
    expect(ageNotice(storyLabelsFor('de').labels.olderThan, 'de', published, new Date('2025-04-01Z'), 365)).toBe('Dieser Artikel ist mehr als 2 Jahre alt');
  });

  // An age `years` years after `published`, in a language's words.
  const aged = (lang: string, years: number) =>
    ageNotice(storyLabelsFor(lang).labels.olderThan, lang, published, new Date(Date.UTC(2023 + years, 3, 1)), 365);

  it('uses Arabic\'s singular, dual, plural of 3–10 and counted singular of 11–99 after "أكثر من"', () => {
    expect(aged('ar', 1)).toBe('مضى على هذا المقال أكثر من سنة');
    expect(aged('ar', 2)).toBe('مضى على هذا المقال أكثر من سنتين');
    expect(aged('ar', 3)).toBe('مضى على هذا المقال أكثر من 3 سنوات');
    expect(aged('ar', 11)).toBe('مضى على هذا المقال أكثر من 11 سنة');
    expect(aged('ar-EG', 2)).toBe('مضى على هذا المقال أكثر من سنتين');
  });

  it('uses Hebrew\'s dual for two years (שנתיים)', () => {
    expect(aged('he', 1)).toBe('כתבה זו פורסמה לפני יותר משנה');
    expect(aged('he', 2)).toBe('כתבה זו פורסמה לפני יותר משנתיים');
    expect(aged('he', 3)).toBe('כתבה זו פורסמה לפני יותר מ־3 שנים');
  });

  it('writes one year and two years in English, French and Spanish', () => {
    expect([1, 2, 11].map((n) => aged('en', n))).toEqual(['This article is more than 1 year old', 'This article is more than 2 years old', 'This article is more than 11 years old']);
    expect([1, 2].map((n) => aged('fr', n))).toEqual(['Cet article date de plus d’un an', 'Cet article date de plus de 2 ans']);
    expect([1, 2].map((n) => aged('es', n))).toEqual(['Este artículo tiene más de un año', 'Este artículo tiene más de 2 años']);
  });

  it('writes two years in Russian, Turkish, Chinese and Italian', () => {
    const two = (lang: string) => ageNotice(storyLabelsFor(lang).labels.olderThan, lang, published, new Date('2025-04-01Z'), 365);
    expect(['ru', 'tr', 'zh', 'it'].map(two)).toEqual(['Этой статье больше, чем 2 года', 'Bu makale 2 yıldan daha eski', '本文发表已超过2年', 'Questo articolo ha più di 2 anni']);
  });

  it('counts months when the setting is under a year', () => {
    expect(ageNotice(en, 'en', published, new Date('2023-10-01T00:00:00Z'), 180)).toBe('This article is more than 6 months old');
    const ar = storyLabelsFor('ar').labels.olderThan;
    expect(ageNotice(ar, 'ar', published, new Date('2023-05-11T00:00:00Z'), 30)).toBe('مضى على هذا المقال أكثر من شهرين');
    expect(ageNotice(storyLabelsFor('he').labels.olderThan, 'he', published, new Date('2023-05-11T00:00:00Z'), 30)).toBe('כתבה זו פורסמה לפני יותר מחודשיים');
  });
});

describe('reachableForms: the age-notice sentences a page can still need', () => {
  const published = new Date('2023-03-10T00:00:00Z');
  const en = storyLabelsFor('en').labels.olderThan;
  const ar = storyLabelsFor('ar').labels.olderThan;

  it('gives a one-year-old English article only "{n} years": "1 year" is on the page already', () => {
    expect(reachableForms(en, 'en', published, new Date('2024-04-01Z'), 365)).toEqual({ years: { other: en.years.other } });
    expect(reachableForms(en, 'en', published, new Date('2025-04-01Z'), 365)).toEqual({ years: { other: en.years.other } });
  });

  it('gives an article without a notice yet the first sentence it will show', () => {
    expect(reachableForms(en, 'en', published, new Date('2023-12-01Z'), 365)).toEqual({ years: en.years });
  });

  it('keeps Arabic the few, many and other forms ahead of a two-year-old article, not the singular or the dual', () => {
    const { years } = reachableForms(ar, 'ar', published, new Date('2025-04-01Z'), 365);
    expect(Object.keys(years ?? {}).sort()).toEqual(Object.keys(ar.years).filter((c) => !['zero', 'one', 'two'].includes(c)).sort());
    expect(reachableForms(ar, 'ar', published, new Date('2024-04-01Z'), 365).years?.two).toBe(ar.years.two);
  });

  it('keeps months only where a notice can show below a year', () => {
    expect(reachableForms(en, 'en', published, new Date('2023-06-11Z'), 365).months).toBeUndefined();
    expect(reachableForms(en, 'en', published, new Date('2023-06-11Z'), 30)).toEqual({ years: en.years, months: { other: en.months.other } });
    expect(reachableForms(en, 'en', published, new Date('2023-03-20Z'), 30).months).toEqual(en.months);
  });

  it('gives the reader\'s script what it needs to count on; null (keep the built notice) for the age already shown', () => {
    const built = new Date('2025-04-01Z');
    const forms = { years: readForms(formsAttribute(reachableForms(en, 'en', published, built, 365).years)), months: readForms(undefined) };
    expect(ageNotice(forms, 'en', published, new Date('2031-04-01Z'), 365)).toBe('This article is more than 8 years old');
    expect(ageNotice(forms, 'en', published, new Date('2024-04-01Z'), 365)).toBeNull();
    expect(ageNotice(forms, 'en', published, new Date('2023-04-01Z'), 365)).toBeUndefined();
  });
});
