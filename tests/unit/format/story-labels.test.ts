import { describe, expect, it } from 'vitest';
import { KINDS } from '../../../src/content/schema';
import { storyLabelsFor } from '../../../src/format/story-labels';
import { ageNotice } from '../../../src/format/age';

describe('story labels', () => {
  it.each(['en', 'ar', 'de', 'es', 'fa', 'fr', 'he', 'it', 'ja', 'pt', 'ru', 'tr', 'ur', 'zh'])('has every word in %s, in that language', (lang) => {
    const { labels, lang: wordsLang } = storyLabelsFor(lang);
    expect(wordsLang).toBe(lang);
    for (const kind of KINDS) expect(labels.kinds[kind].trim(), kind).not.toBe('');
    expect(labels.olderThan).toContain('{}');
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
    expect(ageNotice(storyLabelsFor('ar').labels.olderThan, 'ar', published, new Date('2025-04-01Z'), 365)).toBe('مضى على هذا المقال أكثر من سنتان');
    const two = (lang: string) => ageNotice(storyLabelsFor(lang).labels.olderThan, lang, published, new Date('2025-04-01Z'), 365);
    expect(['ru', 'tr', 'zh', 'it'].map(two)).toEqual(['Этой статье больше, чем 2 года', 'Bu makale 2 yıldan daha eski', '本文发表已超过2年', 'Questo articolo ha più di 2 anni']);
  });

  it('counts months when the setting is under a year', () => {
    expect(ageNotice(en, 'en', published, new Date('2023-10-01T00:00:00Z'), 180)).toBe('This article is more than 6 months old');
  });
});
