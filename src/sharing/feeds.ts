import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { SKIP, visit } from 'unist-util-visit';
import XMLBuilder from 'fast-xml-builder';
import type { Article } from '../content/schema';
import { PARAGRAPH_LINK_CLASS } from '../markdown/paragraph-ids';
import { lastUpdated, sortedCorrections } from '../content/corrections';
import { formatDate, isoAsWritten, offsetOf, rfc822DateTime, type WrittenOffsets } from '../format/dates';
import { labelsFor } from '../format/i18n';

/*
 * Why our own Atom and JSON Feed writers and not the `feed` package (evaluated at feed@6.0.0, its newest): run on
 * our items, it fails the feed tests and writes XML that is not well-formed.
 * - JSON Feed: it writes version "https://jsonfeed.org/version/1" (hard-coded), a single `author` instead of 1.1's
 *   `authors`, and no `language` (feed or item): tests/build/sharing.test.ts expects version 1.1 and `language: 'ar'`.
 * - Atom: content goes in CDATA, and its XML writer (xml-js 1.6.11) splits only the first "]]>"
 *   (`cdata.replace(']]>', …)`): a body `<p>x]]>y and ]]><script>…</script> z</p>` makes
 *   `…]]><script>…</script> z</p>]]></content>`, a parse error ("Expected closing tag 'content' … instead of 'p'").
 *   Attributes escape only `"`: a tag `a<b` is written `term="a<b"`, which XML 1.0 forbids (AttValue excludes `<`);
 *   the XSS corpus's tag `<![CDATA[<script>…` goes into the attribute raw. Text un-escapes "&amp;" first, so an
 *   author "A &amp; B" reads back "A & B". Titles and summaries are declared type="html", so a plain-text title
 *   "Why 1 < 2 & <b>bold</b>" becomes markup. No xml:lang on the feed or its entries (the Arabic articles), and the
 *   links come alternate first (sharing.test.ts expects self, then alternate).
 * RSS stays with @astrojs/rss (src/pages/rss.xml.ts): `feed`'s RSS writer has the same CDATA and attribute escaping.
 */

/** How many of the newest articles each feed carries, whole. */
export const FEED_LIMIT = 50;

/** One article as every feed format needs it: absolute URLs, full sanitized HTML. */
export interface FeedItem {
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: Date;
  updated: Date;
  /** The offsets the article's dates were written with: feeds keep `+02:00` as written (see WrittenOffsets). */
  offsets?: WrittenOffsets | undefined;
  author: string;
  tags: string[];
  lang: string;
  /** The lead photograph (its 1200×630 preview crop) or the headline card. */
  image: string;
  /** The lead photograph, for enclosures (RSS media:content, Atom rel="enclosure"). */
  photo?: FeedPhoto | undefined;
}

/** A photograph as feeds carry it: absolute JPEG address and size. */
export interface FeedPhoto {
  url: string;
  width: number;
  height: number;
}

/** The feed as a whole. */
export interface FeedMeta {
  title: string;
  description: string;
  /** The site's home page, absolute. */
  home: string;
  lang: string;
  /** The WebSub hub that feed readers may subscribe through, when one is configured (SITE.websubHub). */
  hub?: string;
}

const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster'] as const;

/**
 * Makes every link and image in an article's (already sanitized) HTML absolute against its permalink,
 * so it works in a feed reader, and drops the empty paragraph-link anchors, which mean nothing there.
 */
export function absolutizeHtml(html: string, base: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element, index, parent) => {
    const classes = node.properties.className;
    if (node.tagName === 'a' && Array.isArray(classes) && classes.includes(PARAGRAPH_LINK_CLASS) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    for (const name of URL_ATTRIBUTES) {
      const value = node.properties[name];
      if (typeof value === 'string') node.properties[name] = new URL(value, base).href;
    }
    return undefined;
  });
  return toHtml(tree);
}

/** A feed item from an article's data, its permalink and its rendered, sanitized body. */
export function feedItem(article: Article, url: string, summary: string, bodyHtml: string, photo?: FeedPhoto): FeedItem {
  return {
    url,
    title: article.title,
    summary,
    // Corrections follow the body, dated, as on the page (CorrectionNotice.astro): "Correction, <date>:" in the
    // article's language, or in English marked so, its date still in the article's language.
    contentHtml: absolutizeHtml(bodyHtml, url) + sortedCorrections(article).map((c) => `<p>${correctionLabel(article.lang, c.date)} ${escapeHtml(c.text)}</p>`).join(''),
    published: article.published,
    updated: lastUpdated(article) ?? article.published,
    ...(article.offsets && { offsets: article.offsets }),
    author: article.author ?? article.source,
    // The kind of story (news, opinion, sponsored, …) leads the categories: feed readers show and filter on them.
    tags: [article.kind, ...article.tags],
    lang: article.lang,
    image: photo?.url ?? new URL('og.png', url).href,
    photo,
  };
}

/** A correction's label in a feed item, as CorrectionNotice.astro writes it on the page. */
function correctionLabel(lang: string, date: Date): string {
  const t = labelsFor(lang);
  const [before, after] = t.correctionOn.map(escapeHtml);
  const day = escapeHtml(formatDate(date, lang));
  return t.lang ? `<strong lang="${t.lang}">${before}<span lang="${escapeHtml(lang)}">${day}</span>${after}</strong>` : `<strong>${before}${day}${after}</strong>`;
}

/** The feed's own last-change time: the newest item's, or the epoch for an empty feed (stable builds). */
function feedUpdated(items: FeedItem[]): Date {
  return new Date(Math.max(0, ...items.map((i) => i.updated.getTime())));
}

/** An Atom 1.0 (RFC 4287) document; text is escaped by fast-xml-parser's builder. */
export function atomFeed(items: FeedItem[], meta: FeedMeta, feedUrl: string): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', suppressEmptyNode: true });
  const xml = builder.build({
    feed: {
      '@xmlns': 'http://www.w3.org/2005/Atom',
      '@xml:lang': meta.lang,
      id: meta.home,
      title: meta.title,
      subtitle: meta.description,
      updated: feedUpdated(items).toISOString(),
      link: [
        { '@rel': 'self', '@type': 'application/atom+xml', '@href': feedUrl }, { '@rel': 'alternate', '@type': 'text/html', '@href': meta.home },
        ...(meta.hub ? [{ '@rel': 'hub', '@href': meta.hub }] : []),
      ],
      entry: items.map((item) => ({
        '@xml:lang': item.lang,
        id: item.url,
        title: item.title,
        link: [
          { '@rel': 'alternate', '@type': 'text/html', '@href': item.url },
          ...(item.photo ? [{ '@rel': 'enclosure', '@type': 'image/jpeg', '@href': item.photo.url }] : []),
        ],
        published: isoAsWritten(item, item.published),
        updated: isoAsWritten(item, item.updated),
        author: { name: item.author },
        category: item.tags.map((term) => ({ '@term': term })),
        summary: item.summary,
        content: { '@type': 'html', '#text': item.contentHtml },
      })),
    },
  }) as string;
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml}`;
}

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
export function jsonFeed(items: FeedItem[], meta: FeedMeta, feedUrl: string) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    description: meta.description,
    home_page_url: meta.home,
    feed_url: feedUrl,
    language: meta.lang,
    ...(meta.hub && { hubs: [{ type: 'WebSub', url: meta.hub }] }),
    items: items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      image: item.image,
      date_published: isoAsWritten(item, item.published),
      date_modified: isoAsWritten(item, item.updated),
      authors: [{ name: item.author }],
      tags: item.tags,
      language: item.lang,
    })),
  };
}

/**
 * The RSS <pubDate> of an item published at a written offset (`Thu, 12 Jun 2025 14:30:00 +0200`), else undefined.
 * @astrojs/rss writes every pubDate in GMT; given as the item's customData, this one takes its place.
 */
export function rssPubDateAsWritten(item: Pick<FeedItem, 'published' | 'offsets'>): string | undefined {
  const offset = offsetOf(item, item.published);
  return offset === undefined ? undefined : `<pubDate>${rfc822DateTime(item.published, offset)}</pubDate>`;
}

/** Plain text as HTML text: & < > " ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
