import { describe, expect, it } from 'vitest';
import { archiveKey, buildNewsroom, monthName, pagePath, paginate, PAGE_SIZE, type ListedArticle } from '../../../src/newsroom/listings';

const article = (id: string, published: string, desk = 'World Desk', location = 'London', tags: string[] = []): ListedArticle => ({
  id,
  data: { title: id, published: new Date(published), desk, location, tags },
});

describe('pagination', () => {
  it('numbers pages from the base path, page 1 being the base itself', () => {
    expect(pagePath('/', 1)).toBe('/');
    expect(pagePath('/', 2)).toBe('/page/2/');
    expect(pagePath('/tags/iran/', 3)).toBe('/tags/iran/page/3/');
  });

  it('cuts into full pages and a last partial one, and keeps one page for an empty list', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 20)).toEqual([[]]);
  });
});

describe('the archive', () => {
  it('files by year and month in the site time zone and names months', () => {
    expect(archiveKey(new Date('2024-12-31T23:30:00Z'))).toEqual({ year: '2024', month: '12' });
    expect(monthName('2024', '03')).toBe('March 2024');
  });
});

describe('buildNewsroom', () => {
  const articles = [
    article('a', '2024-01-02', 'World Desk', 'London', ['Iran', 'iran']),
    article('b', '2024-02-03', 'world desk', 'القدس', ['Iraq']),
    article('c', '2024-02-01', 'Business Desk', 'London'),
    ...Array.from({ length: PAGE_SIZE + 1 }, (_, i) => article(`z${String(i).padStart(2, '0')}`, '2023-06-01')),
  ];
  const newsroom = buildNewsroom(articles);
  const paths = newsroom.pages.map((p) => p.path);
  const at = (path: string) => newsroom.pages.find((p) => p.path === path)!;

  it('sorts newest first and paginates the home page without gaps or repeats', () => {
    expect(newsroom.all.slice(0, 3).map((a) => a.id)).toEqual(['b', 'c', 'a']);
    expect(at('/').entries).toHaveLength(PAGE_SIZE);
    expect(at('/page/2/').entries.map((a) => a.id)).toEqual(newsroom.all.slice(PAGE_SIZE).map((a) => a.id));
    expect(at('/').next).toBe('/page/2/');
    expect(at('/page/2/')).toMatchObject({ page: 2, pages: 2, total: articles.length, prev: '/', next: undefined });
  });

  it('groups names that share a slug and lists an article once per group', () => {
    expect(at('/desks/world-desk/').entries.map((a) => a.id).slice(0, 2)).toEqual(['b', 'a']);
    expect(at('/tags/iran/').entries.map((a) => a.id)).toEqual(['a']);
    expect(at('/places/القدس/').entries.map((a) => a.id)).toEqual(['b']);
    expect(at('/desks/').groups.map((g) => [g.name, g.count])).toEqual([['Business Desk', 1], ['world desk', PAGE_SIZE + 3]]); // the newest spelling names the group
  });

  it('shows every spelling of a group under its listing\'s name', () => {
    expect(['World Desk', 'world desk', 'WORLD DESK'].map((name) => newsroom.groupName('desks', name))).toEqual(['world desk', 'world desk', 'world desk']);
    expect(newsroom.groupName('tags', 'iran')).toBe('Iran');
    expect(newsroom.groupName('places', 'Nowhere')).toBe('Nowhere');
  });

  it('has one page per listing page and no duplicate paths', () => {
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(expect.arrayContaining(['/archive/2024/', '/archive/2024/02/', '/archive/2023/06/page/2/', '/desks/world-desk/page/2/']));
    expect(newsroom.archive.map((y) => [y.name, y.count, y.months.map((m) => m.name)])).toEqual([
      ['2024', 3, ['February 2024', 'January 2024']],
      ['2023', PAGE_SIZE + 1, ['June 2023']],
    ]);
  });

  it('gives each article its older and newer neighbours and more from its desk', () => {
    expect(newsroom.neighbours('c')).toMatchObject({ newer: { id: 'b' }, older: { id: 'a' }, deskPath: '/desks/business-desk/', moreFromDesk: [] });
    expect(newsroom.neighbours('b').newer).toBeUndefined();
    expect(newsroom.neighbours('a').moreFromDesk.map((x) => x.id)).toEqual(['b', 'z00', 'z01']);
    // What the page lists among its related articles is not listed again: the next of the desk takes its place.
    expect(newsroom.neighbours('a', [{ id: 'z00' }]).moreFromDesk.map((x) => x.id)).toEqual(['b', 'z01', 'z02']);
    expect(() => newsroom.neighbours('nope')).toThrow('No published article "nope"');
  });
});

describe('names whose segments would collide', () => {
  it('get a page each, and each article links to its own', () => {
    const newsroom = buildNewsroom([
      article('a', '2024-01-03', 'World Desk', 'London', ['C']),
      article('b', '2024-01-02', 'World Desk', 'London', ['C++']),
      article('c', '2024-01-01', 'World Desk', 'London', ['C#', '!!!', 'u-21-21-21']),
    ]);
    const tagPages = newsroom.pages.filter((p) => p.path.startsWith('/tags/') && p.path !== '/tags/');
    expect(tagPages.map((p) => [p.title, p.path, p.entries.map((e) => e.id)])).toEqual([
      ['C', '/tags/c/', ['a']],
      ['C++', '/tags/c--4c21a3f0/', ['b']],
      ['C#', '/tags/c--9629f5e3/', ['c']],
      ['!!!', '/tags/u--21-21-21/', ['c']],
      ['u-21-21-21', '/tags/u-21-21-21/', ['c']],
    ]);
    expect(newsroom.groupPath('tags', 'C++')).toBe('/tags/c--4c21a3f0/');
  });
});
