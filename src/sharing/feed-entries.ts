import { getCollection } from 'astro:content';
import { articlePath, bodyFacts, byNewest, isPublished, metaDescription } from '../content/articles';
import { FEED_LIMIT, feedItem, type FeedItem, type FeedMeta } from './feeds';
import { SITE } from '../site';
import { bodyForFeed, photoCrop } from '../images/pictures';

/** The configured WebSub hub as an absolute http(s) URL, or undefined when off. @throws naming the setting when it is not one. */
export function websubHub(value: string = SITE.websubHub): string | undefined {
  if (!value) return undefined;
  const url = URL.parse(value);
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`websubHub (WEBSUB_HUB): "${value}" is not an absolute http(s) URL`);
  return url.href;
}

/** The feed's description of the site, with absolute home page. */
export function feedMeta(site: URL): FeedMeta {
  return { title: SITE.name, description: SITE.tagline, home: new URL('/', site).href, lang: SITE.lang, hub: websubHub() };
}

/** The newest published articles as feed items, whole and with absolute URLs, for the three feed routes. */
export async function feedItems(site: URL): Promise<FeedItem[]> {
  const entries = (await getCollection('articles', (entry) => isPublished(entry))).sort(byNewest).slice(0, FEED_LIMIT);
  return Promise.all(entries.map(async (entry) => {
    const { firstParagraph } = bodyFacts(entry.rendered?.metadata?.frontmatter);
    const url = new URL(articlePath(entry.id), site).href;
    // Photographs as plain <img> at their absolute addresses; the lead one as the item's image (its preview crop).
    const [body, photo] = await Promise.all([
      bodyForFeed(entry.rendered?.html ?? '', entry.data.figures ?? []),
      entry.data.image ? photoCrop(entry.data.image.src, 1200, 630, site) : undefined,
    ]);
    return feedItem(entry.data, url, metaDescription(entry.data.description, firstParagraph), body, photo);
  }));
}
