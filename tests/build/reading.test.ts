import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { describe, expect, it, inject } from 'vitest';
import { SEED_SLUG } from '../helpers/paths';

const dist = inject('distDir');
const page = async (path: string): Promise<CheerioAPI> => load(await readFile(join(dist, path), 'utf8'));

describe('the Arabic fixture article', async () => {
  const $ = await page('articles/arabic-rtl-fixture/index.html');

  it('is declared Arabic and right to left', () => {
    expect($('html').attr('lang')).toBe('ar');
    expect($('html').attr('dir')).toBe('rtl');
  });

  it('labels its dates, reading time, byline and tags in Arabic, with the date in Arabic too', () => {
    expect($('.dates').text().replace(/\s+/g, ' ').trim()).toBe('نُشر في 12 يناير 2025 · دقيقة واحدة للقراءة');
    expect($('.dates time').attr('datetime')).toBe('2025-01-12');
    expect($('.byline').text()).toBe('بقلم سلمى حداد');
    expect($('.tags').text()).toBe('الوسوم: ثقافة، مكتبات، وادي النخيل');
  });

  it('keeps the site chrome in English, marked as such', () => {
    expect($('.site-name').attr('lang')).toBe('en');
    expect($('#rc').attr('lang')).toBe('en');
  });

  it('keeps a quotation together with its attribution in one figure', () => {
    const figure = $('.article-body figure');
    expect(figure.children().map((_, el) => el.tagName).get()).toEqual(['blockquote', 'figcaption']);
    expect(figure.find('figcaption').text()).toBe('يوسف النجار، صياد متقاعد من سكان الحيّ');
  });
});

describe('the reader controls and theme script', async () => {
  const $ = await page(`articles/${SEED_SLUG}/index.html`);

  it('restores the saved theme in <head> before the body is parsed, with a plain (blocking, tiny) script', () => {
    const script = $('head script').filter((_, s) => $(s).text().includes('localStorage'));
    expect(script).toHaveLength(1);
    expect(script.attr('type') ?? '').toBe('');
    expect(script.attr('src')).toBeUndefined();
    expect(script.text().length).toBeLessThan(200);
  });

  it('are hidden until script reveals them, and offer three themes, four sizes and two fonts as toggle buttons', () => {
    const menu = $('#rc');
    expect(menu.is('details[hidden]')).toBe(true);
    const values = (name: string) => menu.find(`button[name="${name}"]`).map((_, b) => $(b).attr('value') ?? '').get();
    expect(values('theme')).toEqual(['', 'light', 'dark']);
    expect(values('size')).toEqual(['s', '', 'l', 'xl']);
    expect(values('font')).toEqual(['', 'sans']);
    expect(menu.find('fieldset legend').map((_, l) => $(l).text()).get()).toEqual(['Theme', 'Text size', 'Font']);
  });

  it('use no inline event handler attribute', () => {
    expect($('[onclick], [onchange], [onload]')).toHaveLength(0);
    expect($.html()).not.toMatch(/\son[a-z]+=/);
  });

  it('are enhanced by a non-blocking script (one module file, shared by every page)', async () => {
    const module = $('body script');
    expect(module.attr('type')).toBe('module');
    expect(module.attr('src')).toMatch(/^\/_astro\/[\w.-]+\.js$/);
    expect(await readFile(join(inject('distDir'), module.attr('src')!), 'utf8')).toContain('aria-pressed');
  });
});
