import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ArticleFile from '../../../src/content/article-file.ts';
import { CheckCache } from '../../../src/content/check-cache.ts';
import type { Article } from '../../../src/content/schema.ts';

vi.mock('../../../src/content/article-file.ts', async (original) => {
  const actual = await original<typeof ArticleFile>();
  return { ...actual, checkArticle: vi.fn(actual.checkArticle) };
});
// The unit tests share their modules within a worker (vitest.config.ts): a loader another test file imported first
// holds the real check. Fresh modules, imported after the mock, see the counting one.
vi.resetModules();
const articleFile = await import('../../../src/content/article-file.ts');
const { loadArticleFiles } = await import('../../../src/content/loader.ts');

describe('files that passed the check, remembered between builds (src/content/check-cache.ts)', () => {
  let root = '';
  const folder = () => join(root, 'articles');
  const cacheFile = () => join(root, 'checked-articles.bin');
  const checks = () => vi.mocked(articleFile.checkArticle).mock.calls.map(([file]) => file).sort();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'check-cache-'));
    await cp(new URL('../../fixtures/articles', import.meta.url), folder(), { recursive: true });
    await cp(new URL('../../../content/articles', import.meta.url), folder(), { recursive: true });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('gives an unchanged file the same result without checking it again, and checks a changed one', async () => {
    const fresh = await loadArticleFiles(root, 'articles', () => {}, new CheckCache<Article>(cacheFile(), 'v1'));
    expect(fresh.size).toBeGreaterThan(6);
    vi.mocked(articleFile.checkArticle).mockClear();
    const remembered = await loadArticleFiles(root, 'articles', () => {}, new CheckCache<Article>(cacheFile(), 'v1'));
    expect(checks()).toEqual([]);
    // The same parts, the same data (dates as dates), the same text.
    expect(remembered).toEqual(fresh);
    const seed = [...remembered.values()].find((file) => file.raw.slug.startsWith('iran-stands-alone'))!;
    expect(seed.data.published).toBeInstanceOf(Date);

    const spanish = join(folder(), 'spanish-fixture.md');
    await writeFile(spanish, (await readFile(spanish, 'utf8')).replace('title: ', 'title: Editado '));
    vi.mocked(articleFile.checkArticle).mockClear();
    const edited = await loadArticleFiles(root, 'articles', () => {}, new CheckCache<Article>(cacheFile(), 'v1'));
    expect(checks()).toEqual(['articles/spanish-fixture.md']);
    expect(edited.get(spanish)!.data.title).toMatch(/^Editado /);
  });

  it('checks every file again under another version (code or settings), and a file that failed each time', async () => {
    vi.mocked(articleFile.checkArticle).mockClear();
    const all = await loadArticleFiles(root, 'articles', () => {}, new CheckCache<Article>(cacheFile(), 'v2'));
    expect(checks()).toHaveLength(all.size);

    const broken = join(folder(), 'broken.md');
    await writeFile(broken, '---\ntitle: Broken\n---\n\nNo source, desk or date.\n');
    for (let run = 0; run < 2; run++) {
      vi.mocked(articleFile.checkArticle).mockClear();
      const error = await loadArticleFiles(root, 'articles', () => {}, new CheckCache<Article>(cacheFile(), 'v2')).then(() => '', (e: Error) => e.message);
      expect(error).toMatch(/articles\/broken\.md: (source|desk|published)/);
      expect(checks()).toEqual(['articles/broken.md']);
    }
    await rm(broken);
  });

  it('reads a damaged cache file as an empty cache', async () => {
    await writeFile(cacheFile(), 'not a cache');
    vi.mocked(articleFile.checkArticle).mockClear();
    const all = await loadArticleFiles(root, 'articles', () => {}, new CheckCache<Article>(cacheFile(), 'v2'));
    expect(checks()).toHaveLength(all.size);
  });
});
