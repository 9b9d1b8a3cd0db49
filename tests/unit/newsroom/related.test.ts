import { describe, expect, it } from 'vitest';
import { relatedArticles, type RelatableArticle } from '../../../src/newsroom/related';

const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000);
const a = (id: string, tags: string[], desk: string, n: number): RelatableArticle => ({ id, data: { tags, desk, published: day(n) } });
const ids = (list: RelatableArticle[] | undefined) => list?.map((x) => x.id);

describe('relatedArticles', () => {
  const articles = [
    a('strike', ['Ports', 'Labour'], 'Business', 10),
    a('pay-deal', ['ports', 'labour'], 'Politics', 9),
    a('cranes', ['Ports'], 'Business', 3),
    a('dock-safety', ['labour'], 'Business', 8),
    a('weather', ['weather'], 'Business', 11),
    a('election', ['elections'], 'Politics', 12),
    a('nothing', [], 'Sport', 1),
  ];
  const related = relatedArticles(articles);

  it('ranks by shared tags (case-insensitive), then desk, then nearness in time, then fills from the desk', () => {
    expect(ids(related.get('strike'))).toEqual(['pay-deal', 'dock-safety', 'cranes', 'weather']);
    expect(ids(related.get('cranes'))).toEqual(['strike', 'pay-deal', 'dock-safety', 'weather']);
  });

  it('never lists an article as related to itself, and gives an article with nothing in common nothing', () => {
    for (const [id, list] of related) expect(ids(list)).not.toContain(id);
    expect(related.get('nothing')).toEqual([]);
  });

  it('gives at most five', () => {
    const many = Array.from({ length: 12 }, (_, i) => a(`a${i}`, ['same'], 'Desk', i));
    expect(relatedArticles(many).get('a6')).toHaveLength(5);
  });

  it('adds under 0.2 ms an article at 10,000 articles (measured over the whole run, not per article)', () => {
    const tags = Array.from({ length: 300 }, (_, i) => `tag ${i}`);
    const desks = Array.from({ length: 12 }, (_, i) => `Desk ${i}`);
    // A realistic skew: one tag on every third article (a "breaking" tag), the rest spread out.
    const generated = Array.from({ length: 10_000 }, (_, i) =>
      a(`article-${i}`, [tags[(i * 7) % 300]!, tags[(i * 13) % 300]!, ...(i % 3 === 0 ? ['breaking'] : [])], desks[i % 12]!, i / 10));
    const start = performance.now();
    const result = relatedArticles(generated);
    const perArticle = (performance.now() - start) / generated.length;
    expect(result.size).toBe(10_000);
    expect(perArticle).toBeLessThan(0.2);
  });
});
