import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedItems, feedMeta } from '../sharing/feed-entries';
import { escapeHtml, rssPubDateAsWritten } from '../sharing/feeds';

/** RSS 2.0, with each article whole in content:encoded. */
export const GET: APIRoute = async ({ site }) => {
  const meta = feedMeta(site!);
  return rss({
    title: meta.title,
    description: meta.description,
    site: meta.home,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', media: 'http://search.yahoo.com/mrss/' },
    customData: `<language>${meta.lang}</language><atom:link href="${new URL('/rss.xml', site).href}" rel="self" type="application/rss+xml"/>${
      meta.hub ? `<atom:link href="${escapeHtml(meta.hub)}" rel="hub"/>` : ''}`,
    items: (await feedItems(site!)).map((item) => ({
      title: item.title,
      link: item.url,
      // A feed reader reads <description> as HTML: the plain-text summary is escaped for HTML here, and
      // @astrojs/rss escapes the result again for XML, so "<b>" in a dek shows as text, never as markup.
      description: escapeHtml(item.summary),
      content: item.contentHtml,
      pubDate: item.published,
      categories: item.tags,
      customData: [
        // A date written with an offset keeps it (@astrojs/rss writes pubDate in GMT; this one takes its place).
        rssPubDateAsWritten(item),
        // The lead photograph (Media RSS): its address and size are ours, numbers and an absolute URL.
        item.photo && `<media:content url="${escapeHtml(item.photo.url)}" medium="image" type="image/jpeg" width="${item.photo.width}" height="${item.photo.height}"/>`,
      ].filter(Boolean).join('') || undefined,
    })),
  });
};
