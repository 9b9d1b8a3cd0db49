import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { newsLanguage, newsSitemap } from '../../../src/sharing/news-sitemap';
import { newsSitemapProblems } from '../../helpers/news-sitemap-schema';

const now = new Date('2026-12-02T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const article = (n: number, hours: number, lang = 'en') => ({ url: `https://reader.example/articles/a-${n}/`, title: `Story ${n} & <more>`, published: hoursAgo(hours), lang });
const locs = (xml: string) => (new XMLParser({ isArray: (name) => name === 'url' }).parse(xml).urlset.url ?? []).map((u: { loc: string }) => u.loc);

describe('newsSitemap', () => {
  it('holds the articles of the last 48 hours, newest first, and no future ones', () => {
    const xml = newsSitemap([article(1, 50), article(2, 1), article(3, 47.9, 'ar'), article(4, -2)], 'The Reader', now);
    expect(locs(xml)).toEqual(['https://reader.example/articles/a-2/', 'https://reader.example/articles/a-3/']);
    expect(xml).toContain('<news:language>ar</news:language>');
    expect(xml).toContain('<news:title>Story 2 &amp; &lt;more&gt;</news:title>');
    expect(newsSitemapProblems(xml)).toEqual([]);
  });

  it('keeps at most 1,000, and is a valid empty urlset with none', () => {
    const many = Array.from({ length: 1200 }, (_, i) => article(i, i / 100));
    const xml = newsSitemap(many, 'The Reader', now);
    expect(locs(xml)).toHaveLength(1000);
    expect(newsSitemapProblems(xml)).toEqual([]);
    expect(newsSitemapProblems(newsSitemap([], 'The Reader', now))).toEqual([]);
  });

  it('writes languages as the schema allows them', () => {
    expect(['pt-BR', 'he', 'zh-Hant-TW', 'zh-CN', 'fil'].map(newsLanguage)).toEqual(['pt', 'he', 'zh-tw', 'zh-cn', 'fil']);
  });

  it('the schema check catches what the schema forbids', () => {
    const good = newsSitemap([article(1, 1)], 'The Reader', now);
    expect(newsSitemapProblems(good.replace('<news:language>en</news:language>', '<news:language>en-GB</news:language>')))
      .toEqual(['url[0]: news:language "en-GB" is not ISO 639 (or zh-cn, zh-tw)']);
    expect(newsSitemapProblems(good.replace(/<news:title>.*<\/news:title>/, ''))).toEqual(['url[0]: news:title is required', 'url[0]: news:title must be text']);
    expect(newsSitemapProblems(good.replace('<loc>', '<link>x</link><loc>'))).toEqual(['url[0]: unknown elements link']);
  });
});
