import { getCollection } from 'astro:content';
import { articlePath, bodyFacts, byNewest, isPublished, metaDescription } from '../content/articles';
import { FEED_LIMIT, feedItem, type FeedItem, type FeedMeta } from './feeds';
import { SITE } from '../site';
import { bodyForFeed, photoCrop } from '../images/pictures';

/** The feed's description of the site, with absolute home page. */
export function feedMeta(site: URL): FeedMeta {
  return { title: SITE.name, description: SITE.tagline, home: new URL('/', site).href, lang: SITE.lang };
}

/** The newest published articles as feed items, whole and with absolute URLs, for the three feed routes. */
export async function feedItems(site: URL): Promise<FeedItem[]> {
  const entries = (await getCollection('articles', (entry) => isPublished(entry))).sort(byNewest).slice(0, FEED_LIMIT);
  return Promise.all(entries.map(async (entry) => {
    const { firstParagraph } = bodyFacts(entry.rendered?.metadata?.frontmatter);
    const url = new URL(articlePath(entry.id), site).href;
    // Photographs as plain <img> at their absolute addresses; the lead one as the item's image (its preview crop).
    const [body, photo] = await Promise.all([
      bodyForFeed(entry.rendered?.html ?? '', entry.data.figures ?? [], site),
      entry.data.image ? photoCrop(entry.data.image.src, 1200, 630, site) : undefined,
    ]);
    return feedItem(entry.data, url, metaDescription(entry.data.description, firstParagraph), body, photo);
  }));
}
