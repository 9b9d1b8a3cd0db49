import { describe, expect, it } from 'vitest';
import { labelsFor, type Words } from '../../../src/format/i18n';
import { LANGUAGES } from '../../../src/format/languages/index';
import { dirAgainst } from '../../../src/format/language';

/** The reading time with its no-break spaces shown as spaces. */
const minutes = (lang: string) => (n: number) => labelsFor(lang).minutes(n).replaceAll('\u00a0', ' ');

describe('labelsFor', () => {
  it('speaks English by default, unmarked', () => {
    const en = labelsFor('en-GB');
    expect(en.published).toBe('Published');
    expect(en.minutes(3)).toBe('3\u00a0min\u00a0read');
    expect(en.readOriginal('example.org')).toBe('read the original on example.org');
    expect(en.lang).toBeUndefined();
  });

  it('falls back to English for a language without a table, and marks it lang="en"', () => {
    const sw = labelsFor('sw');
    expect(sw.published).toBe('Published');
    expect(minutes('sw')(3)).toBe('3 min read');
    expect(sw.lang).toBe('en');
    expect(labelsFor('es').lang).toBeUndefined();
  });

  it('sets left-to-right text apart only on right-to-left pages (ltr)', () => {
    expect(['ar', 'he-IL', 'fa', 'ur', 'ps'].map((lang) => labelsFor(lang).ltr)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
    expect(['en', 'es', 'sw', 'zh'].map((lang) => labelsFor(lang).ltr)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('gives an element the direction of its language only where it differs from what is around it (dirAgainst)', () => {
    expect([dirAgainst('en', 'ar'), dirAgainst('ar-EG', 'en'), dirAgainst('he', 'ar'), dirAgainst('es', 'en')]).toEqual(['ltr', 'rtl', undefined, undefined]);
  });

  it('has a table for each of the fourteen languages the issue names', () => {
    expect(Object.keys(LANGUAGES).sort()).toEqual(['ar', 'de', 'en', 'es', 'fa', 'fr', 'he', 'it', 'ja', 'pt', 'ru', 'tr', 'ur', 'zh']);
    for (const [code, words] of Object.entries(LANGUAGES)) {
      // Every word is filled in, and only English may repeat the English words (a copied table would).
      for (const [key, value] of Object.entries(words) as Array<[keyof Words, unknown]>) {
        expect(value, `${code}.${key}`).toBeTruthy();
      }
      if (code !== 'en') expect(words.skipToContent, code).not.toBe(LANGUAGES.en!.skipToContent);
    }
  });

  it('speaks Arabic, with the plural form Intl.PluralRules picks for the number', () => {
    const ar = labelsFor('ar-EG');
    expect(ar.published).toBe('نُشر في');
    expect(ar.tags).toBe('الوسوم');
    expect([1, 2, 3, 10, 11, 100].map(minutes('ar-EG'))).toEqual([
      'دقيقة واحدة للقراءة',
      'دقيقتان للقراءة',
      '3 دقائق للقراءة',
      '10 دقائق للقراءة',
      '11 دقيقة للقراءة',
      '100 دقيقة للقراءة',
    ]);
    expect(ar.originallyPublished('الأهرام')).toBe('نُشر أصلًا في الأهرام:');
  });

  it('speaks Russian with its three plural forms, and Spanish', () => {
    expect([1, 3, 5, 21].map(minutes('ru'))).toEqual([
      '1 минута чтения',
      '3 минуты чтения',
      '5 минут чтения',
      '21 минута чтения',
    ]);
    const es = labelsFor('es-MX');
    expect(minutes('es')(2)).toBe('2 min de lectura');
    expect(es.moreFrom).toEqual(['Más de ', '']);
  });

  it('speaks Hebrew', () => {
    const he = labelsFor('HE');
    expect(he.updated).toBe('עודכן');
    expect(minutes('he')(1)).toBe('דקת קריאה אחת');
    expect(minutes('he')(4)).toBe('4 דקות קריאה');
    expect(he.readOriginal('ynet.co.il')).toBe('לכתבה המקורית ב־ynet.co.il');
  });

  it('puts the desk where the language wants it', () => {
    expect(labelsFor('ur').moreFrom).toEqual(['', ' سے مزید']);
    expect(labelsFor('en').moreFrom).toEqual(['More from ', '']);
  });
});
