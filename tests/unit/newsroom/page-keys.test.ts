import { describe, expect, it } from 'vitest';
import { buildNewsroom } from '../../../src/newsroom/listings';
import { relatedArticles } from '../../../src/newsroom/related';
import { articlePageKeys, listingPageKey, siteFingerprint, type KeyedArticle } from '../../../src/newsroom/page-keys';
import { ROOT } from '../../helpers/paths';

// The keys Astro's incremental build compares (src/newsroom/page-keys.ts): a page whose key is unchanged is copied
// from the last build, so every change a page shows must change its key, and a change it does not show should not.
const article = (i: number, changes: Partial<KeyedArticle['data']> & { digest?: string } = {}): KeyedArticle => {
  const { digest = `d${i}`, ...data } = changes;
  return {
    id: `story-${String(i).padStart(2, '0')}`,
    digest,
    data: { title: `Story ${i}`, published: new Date(Date.UTC(2025, 0, 1 + i)), desk: ['World Desk', 'Business Desk'][i % 2]!, location: 'London', tags: [`tag${i % 3}`], lang: 'en', ...data },
  };
};
const site = (articles: KeyedArticle[], shared: { id: string; digest?: string }[] = []) => siteFingerprint(buildNewsroom(articles), shared);
const NOW = new Date('2026-06-01T00:00:00Z');
const keys = (articles: KeyedArticle[], now = NOW, shared: { id: string; digest?: string }[] = []) => {
  const newsroom = buildNewsroom(articles);
  return articlePageKeys(newsroom, relatedArticles(newsroom.all), siteFingerprint(newsroom, shared), now);
};
const changed = (before: Map<string, string>, after: Map<string, string>) => [...before.keys()].filter((id) => before.get(id) !== after.get(id)).sort();

const base = Array.from({ length: 30 }, (_, i) => article(i));

describe('article page keys', () => {
  it('are the same for the same content, and differ between pages', () => {
    const a = keys(base);
    expect(keys(base)).toEqual(a);
    expect(new Set(a.values()).size).toBe(30);
  });

  it('change for the edited article and the pages that show it, not for the others', () => {
    const edited = base.map((a, i) => (i === 10 ? article(10, { digest: 'edited' }) : a));
    const newsroom = buildNewsroom(base);
    const related = relatedArticles(newsroom.all);
    const shows = newsroom.all
      .filter(({ id }) => {
        const n = newsroom.neighbours(id);
        return id === 'story-10' || [n.older, n.newer, ...n.moreFromDesk, ...(related.get(id) ?? [])].some((a) => a?.id === 'story-10');
      })
      .map(({ id }) => id)
      .sort();
    expect(shows.length).toBeGreaterThan(2);
    expect(shows.length).toBeLessThan(30);
    expect(changed(keys(base), keys(edited))).toEqual(shows);
  });

  it('change on every page when a desk is spelled anew, a site page or author changes, or the settings do', () => {
    // The newest article's spelling names the desk's listing, and every credit shows it.
    const respelled = [...base, article(40, { desk: 'WORLD DESK' })];
    const before = keys([...base, article(40)]);
    expect(changed(before, keys(respelled))).toHaveLength(31);
    expect(changed(keys(base, NOW, [{ id: 'about', digest: 'a' }]), keys(base, NOW, [{ id: 'about', digest: 'b' }]))).toHaveLength(30);
  });

  it('change when the build time moves an article into another age notice, not within one', () => {
    const young = [article(0, { published: new Date('2026-05-01T00:00:00Z') })];
    expect(changed(keys(young, new Date('2026-05-02T00:00:00Z')), keys(young, new Date('2026-05-03T00:00:00Z')))).toEqual([]);
    const old = [article(0, { published: new Date('2024-05-01T00:00:00Z') })];
    expect(changed(keys(old, new Date('2026-04-30T00:00:00Z')), keys(old, new Date('2026-05-02T00:00:00Z')))).toEqual(['story-00']);
  });
});

describe('listing page keys', () => {
  it('change for the listing pages a new article joins and not for the others', () => {
    const pageKeys = (articles: KeyedArticle[]) => {
      const newsroom = buildNewsroom(articles);
      const fingerprint = siteFingerprint(newsroom, []);
      return new Map(newsroom.pages.map((page) => [page.path, listingPageKey(page, fingerprint)]));
    };
    // A new article with names the site already has: the home page, its desk, place, tag and archive pages.
    const before = pageKeys(base);
    const after = pageKeys([...base, article(31, { published: new Date('2025-01-20T12:00:00Z'), desk: 'Business Desk', tags: ['tag1'] })]);
    const moved = changed(before, after);
    expect(moved).toEqual(expect.arrayContaining(['/', '/desks/business-desk/', '/places/london/', '/tags/tag1/', '/archive/2025/', '/archive/2025/01/', '/desks/', '/places/', '/tags/']));
    expect(moved).not.toContain('/desks/world-desk/');
    expect(moved).not.toContain('/tags/tag0/');
    expect(site(base)).toBe(site([...base]));
  });
});

describe('the code Astro hashes for the incremental build', () => {
  it('never names the environment object without a member, which would inline each build\'s own variables into it', async () => {
    // Astro's env plugin replaces a bare `import.meta.env` (optional chaining, or one in a comment) with the object
    // and every private variable the file's text names, SOURCE_DATE_EPOCH among them: every build's code would differ.
    const { glob } = await import('tinyglobby');
    const { readFile } = await import('node:fs/promises');
    const files = await glob(['src/**/*.{ts,astro,mjs}'], { cwd: ROOT, absolute: true });
    expect(files.length).toBeGreaterThan(50);
    const bare = [];
    for (const file of files) if (/\bimport\.meta\.env\b(?!\.)/.test(await readFile(file, 'utf8'))) bare.push(file);
    expect(bare).toEqual([]);
  });
});
