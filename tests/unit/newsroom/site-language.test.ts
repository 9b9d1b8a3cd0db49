import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListedArticle } from '../../../src/newsroom/listings';

/** The listing, words and settings modules as a build with SITE_LANG=`lang` loads them (SITE reads it on import). */
async function inLanguage(lang: string | undefined) {
  if (lang !== undefined) vi.stubEnv('SITE_LANG', lang);
  vi.resetModules();
  const listings = await import('../../../src/newsroom/listings');
  const settings = await import('../../../src/settings');
  const { SITE } = await import('../../../src/site');
  return { ...listings, ...settings, SITE };
}
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const article = (id: string, published: string): ListedArticle => ({
  id,
  data: { title: id, published: new Date(published), desk: 'World Desk', location: 'London', tags: ['iran'] },
});
const articles = [article('a', '2024-12-16T00:00:00Z'), article('b', '2024-03-02T00:00:00Z')];
/** The titles of the home page, the section indexes and the archive's months. */
const titles = ({ pages }: { pages: Array<{ path: string; title: string }> }) =>
  Object.fromEntries(pages.filter((p) => ['/', '/desks/', '/places/', '/tags/', '/archive/2024/12/'].includes(p.path)).map((p) => [p.path, p.title]));

describe('the site language (SITE_LANG)', () => {
  it('is English unless set, with the listings named as before', async () => {
    const { SITE, buildNewsroom } = await inLanguage(undefined);
    expect(SITE.lang).toBe('en');
    expect(titles(buildNewsroom(articles))).toEqual({ '/': 'Latest articles', '/desks/': 'Desks', '/places/': 'Places', '/tags/': 'Tags', '/archive/2024/12/': 'December 2024' });
  });

  it('names the listings and the archive months in Arabic or Spanish', async () => {
    const arabic = await inLanguage('ar');
    expect(titles(arabic.buildNewsroom(articles))).toEqual({ '/': 'أحدث المقالات', '/desks/': 'المكاتب', '/places/': 'الأماكن', '/tags/': 'الوسوم', '/archive/2024/12/': 'ديسمبر 2024' });
    const spanish = await inLanguage('es');
    expect(titles(spanish.buildNewsroom(articles))).toEqual({ '/': 'Últimos artículos', '/desks/': 'Secciones de redacción', '/places/': 'Lugares', '/tags/': 'Etiquetas', '/archive/2024/12/': 'diciembre de 2024' });
  });

  it('refuses a tag that is not BCP 47, in one line naming SITE_LANG', async () => {
    const { settingProblems } = await inLanguage('ar_EG');
    expect(settingProblems({ SITE_LANG: 'ar_EG' })).toEqual(['SITE_LANG: "ar_EG" is not a BCP 47 language tag such as en, ar or pt-BR']);
    expect((await inLanguage('pt-BR')).settingProblems({ SITE_LANG: 'pt-BR' })).toEqual([]);
  });
});
