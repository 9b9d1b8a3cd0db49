import { getCollection } from 'astro:content';
import { articlePath, bodyFacts, byNewest, isPublished, metaDescription } from '../content/articles';
import { FEED_LIMIT, feedItem, type FeedItem, type FeedMeta } from './feeds';
import { SITE } from '../site';

/** The feed's description of the site, with absolute home page. */
export function feedMeta(site: URL): FeedMeta {
  return { title: SITE.name, description: SITE.tagline, home: new URL('/', site).href, lang: SITE.lang };
}

/** The newest published articles as feed items, whole and with absolute URLs, for the three feed routes. */
export async function feedItems(site: URL): Promise<FeedItem[]> {
  const entries = (await getCollection('articles', (entry) => isPublished(entry))).sort(byNewest).slice(0, FEED_LIMIT);
  return entries.map((entry) => {
    const { firstParagraph } = bodyFacts(entry.rendered?.metadata?.frontmatter);
    const url = new URL(articlePath(entry.id), site).href;
    return feedItem(entry.data, url, metaDescription(entry.data.description, firstParagraph), entry.rendered?.html ?? '');
  });
}
