import { nameSlug } from './slugs.ts';

/** What related articles need of an article. */
export interface RelatableArticle {
  id: string;
  data: { tags: readonly string[]; desk: string; published: Date };
}

/** Related articles shown under an article. */
export const RELATED_LIMIT = 5;
/**
 * How far along a tag's or desk's list (in date order) an article looks for neighbours, each way. It bounds the
 * work per article whatever the size of the tag, so the whole computation stays linear in the number of articles
 * (a tag on 5,000 articles would otherwise compare each with the other 4,999); the nearest in time win anyway.
 */
export const RELATED_WINDOW = 25;

/**
 * Up to `limit` related articles for each article: most shared tags first, then same desk, then nearest in time;
 * filled up from the same desk when too few share a tag. Built with an inverted index (tag → articles in date
 * order), where each article only looks at a window of its neighbours in each list: linear, not quadratic.
 */
export function relatedArticles<A extends RelatableArticle>(articles: readonly A[], limit = RELATED_LIMIT): Map<string, A[]> {
  const order = [...articles].sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
  const tagLists = new Map<string, number[]>();
  const deskLists = new Map<string, number[]>();
  // Each article's tag keys and its position in each list, recorded while the lists are built (no search later).
  const keys = order.map((article, i) => ({
    tags: [...new Set(article.data.tags.map(nameSlug))].map((tag) => append(tagLists, tag, i)),
    desk: append(deskLists, nameSlug(article.data.desk), i),
  }));

  const result = new Map<string, A[]>();
  order.forEach((article, i) => {
    const shared = new Map<number, number>();
    for (const [list, at] of keys[i]!.tags) {
      for (const j of window(list, at)) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    const [deskList, deskAt] = keys[i]!.desk;
    const sameDesk = new Set(window(deskList, deskAt));
    const byTags = [...shared.keys()].sort((a, b) =>
      shared.get(b)! - shared.get(a)! || Number(sameDesk.has(b)) - Number(sameDesk.has(a)) || Math.abs(a - i) - Math.abs(b - i) || a - b);
    const picked = byTags.slice(0, limit);
    if (picked.length < limit) {
      const chosen = new Set(picked);
      const byDesk = [...sameDesk].filter((j) => !chosen.has(j)).sort((a, b) => Math.abs(a - i) - Math.abs(b - i) || a - b);
      picked.push(...byDesk.slice(0, limit - picked.length));
    }
    result.set(article.id, picked.map((j) => order[j]!));
  });
  return result;
}

/** Appends article `i` to the list `key` names (a new list the first time), giving the list and its place there. */
function append(lists: Map<string, number[]>, key: string, i: number): [list: number[], at: number] {
  let list = lists.get(key);
  if (!list) lists.set(key, (list = []));
  return [list, list.push(i) - 1];
}

/** The positions around `at` in one list, itself excluded. */
function window(list: number[], at: number): number[] {
  return [...list.slice(Math.max(0, at - RELATED_WINDOW), at), ...list.slice(at + 1, at + 1 + RELATED_WINDOW)];
}
